import * as fs from 'node:fs';
import * as path from 'node:path';
import { mm } from '../../src/core/units';
import { loadFormat } from '../../src/format/load-format';
import { impose } from '../../src/imposition/impose';
import { DrawItem } from '../../src/layout/draw-items';
import { extendIntoBleed } from '../../src/print/bleed';
import { hexToCmyk, inkTable } from '../../src/print/cmyk';
import { duplexOf, outputPath, papersFor, parsePrintTargets } from '../../src/print/print-target';
import { subsetTag } from '../../src/render/page-setup';
import { loadTheme } from '../../src/theme/load-theme';
import { ROOT } from '../support/build';
import { pamphletErrorOf as errorOf } from '../support/errors';
import { temporaryFolders } from '../support/temp';

const template = (name: string) => path.join(ROOT, 'templates', `${name}.hbs`);
const format = (name: string) => loadFormat(template(name), name);
const tempDir = temporaryFolders('pamphlet-print-');

describe('CMYK for a print shop', () => {
  it('converts by the documented formula: black and greys in black ink alone, white no ink', () => {
    expect(hexToCmyk('#000000')).toEqual([0, 0, 0, 100]);
    expect(hexToCmyk('#ffffff')).toEqual([0, 0, 0, 0]);
    expect(hexToCmyk('#4d4d4d')).toEqual([0, 0, 0, 70]);
    expect(hexToCmyk('#a6192e')).toEqual([0, 85, 72, 35]);
    expect(hexToCmyk('#00ff00')).toEqual([100, 0, 100, 0]);
  });

  it('takes a theme\'s own CMYK for a colour, the formula otherwise, and always 0/0/0/100 for the text colour', () => {
    const ink = inkTable({ text: '#000000', accent: '#a6192e', muted: '#4d4d4d' }, { accent: [0, 100, 80, 10] });
    expect(ink('#A6192E')).toEqual([0, 100, 80, 10]);
    expect(ink('#4d4d4d')).toEqual([0, 0, 0, 70]);
    expect(ink('#000000')).toEqual([0, 0, 0, 100]);
  });

  /** A copy of the shipped default theme with `cmyk` set, in a templates folder of its own. */
  function themeWith(cmyk: unknown, colours: Record<string, string> = {}): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'themes'));
    const theme = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'themes', 'default.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'themes', 'shop.json'), JSON.stringify({ ...theme, colours: { ...theme.colours, ...colours }, cmyk }));
    fs.writeFileSync(path.join(dir, 'x.hbs'), '');
    return path.join(dir, 'x.hbs');
  }

  it('reads a theme\'s cmyk values', () => {
    expect(loadTheme(themeWith({ accent: [0, 100, 81, 4] }), 'shop').cmyk).toEqual({ accent: [0, 100, 81, 4] });
  });

  it.each([
    [{ text: [60, 40, 40, 100] }, {}, /key cmyk\.text: .*\[0, 0, 0, 100\]: the text colour prints in black ink alone/],
    [{ fold: [0, 0, 0, 90] }, {}, /key cmyk\.fold: .*pure black prints in black ink alone/],
    [{ accent: [0, 100, 81] }, {}, /key cmyk\.accent/],
    [{ accent: [0, 100, 81, 120] }, {}, /key cmyk\.accent\.3/],
    [{ magenta: [0, 100, 0, 0] }, {}, /key cmyk/],
    [{ accent: [0, 100, 80, 0], band: [0, 90, 80, 0] }, { band: '#a6192e' }, /key cmyk\.(accent|band): .*both colours are #a6192e/],
  ])('refuses a theme\'s cmyk %j in one line naming the key', (cmyk, colours, message) => {
    const error = errorOf(() => loadTheme(themeWith(cmyk, colours), 'shop'));
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/\n/);
  });
});

describe('print targets', () => {
  it('reads --print: office, shop, both, all; anything else is a usage error in one line', () => {
    expect(parsePrintTargets('office')).toEqual(['office']);
    expect(parsePrintTargets('shop, office')).toEqual(['office', 'shop']);
    expect(parsePrintTargets('all')).toEqual(['office', 'shop']);
    const error = errorOf(() => parsePrintTargets('press'));
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/unknown print target "press". Use office, shop/);
  });

  it('puts office PDFs where they always were and the shop\'s under shop/', () => {
    expect(outputPath('out', 'office', 'trifold', 'a4', 'th')).toBe(path.join('out', 'trifold', 'a4', 'th.pdf'));
    expect(outputPath('out', 'shop', 'trifold', 'a4', 'th')).toBe(path.join('out', 'shop', 'trifold', 'a4', 'th.pdf'));
  });

  it('prints the card\'s sheets in the office and the card alone at the shop', () => {
    expect(papersFor(format('wallet-card'), 'office')).toEqual(['a4', 'letter']);
    expect(papersFor(format('wallet-card'), 'shop')).toEqual(['piece']);
    expect(papersFor(format('trifold'), 'shop')).toEqual(['letter', 'a4']);
    expect(errorOf(() => impose(format('wallet-card'), 'piece', 'ltr', '#000000', 'office')).message).toMatch(/for a print shop: build it with --print shop/);
  });

  it('works out the duplex flip from the orientation and the way the piece turns', () => {
    expect(duplexOf(format('trifold'))).toBe('DuplexFlipShortEdge');
    expect(duplexOf(format('wallet-card'))).toBe('DuplexFlipLongEdge');
    expect(duplexOf(format('poster'))).toBe('Simplex');
    expect(duplexOf({ ...format('trifold'), turn: 'upwards' })).toBe('DuplexFlipLongEdge');
    expect(duplexOf({ ...format('wallet-card'), turn: 'upwards' })).toBe('DuplexFlipShortEdge');
  });

  it('moves an office fold mark nearer the edge than 5 mm in to 5 mm', () => {
    const fold = { ...format('trifold'), foldMarks: { lengthMm: 3, offsetMm: 1 } };
    const strokes = impose(fold, 'letter', 'ltr', '#000000').marks[0].flatMap((m) => (m.type === 'stroke' ? [m] : []));
    expect(Math.min(...strokes.flatMap((s) => [s.y1, s.y2]))).toBeCloseTo(mm(5));
  });

  it('runs a background that touches the trim into the bleed, and leaves the rest', () => {
    const trim = { x: 30, y: 30, width: 200, height: 100 };
    const bleed = { x: 21.5, y: 21.5, width: 217, height: 117 };
    const items: DrawItem[] = [
      { type: 'rect', x: 30, y: 30, width: 200, height: 20, colour: '#a6192e' },
      { type: 'rect', x: 40, y: 60, width: 50, height: 20, colour: '#a6192e' },
      { type: 'stroke', x1: 30, y1: 30, x2: 30, y2: 130, width: 1, colour: '#000000' },
    ];
    const [band, inside, stroke] = extendIntoBleed(items, trim, bleed);
    expect(band).toMatchObject({ x: 21.5, y: 21.5, width: 217, height: 28.5 });
    expect(inside).toEqual(items[1]);
    expect(stroke).toEqual(items[2]);
  });

  it('makes a subset tag of six capitals, one per seed', () => {
    expect(subsetTag('en|trifold|letter|office\u0000NotoSans-regular')).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('a')).toBe(subsetTag('a'));
    expect(subsetTag('a')).not.toBe(subsetTag('b'));
  });
});
