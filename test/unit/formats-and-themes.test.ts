import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildPamphlet, layOutPamphlet, prepareLanguage } from '../../src/build/build-pamphlet';
import { loadFormat } from '../../src/format/load-format';
import { impose } from '../../src/imposition/impose';
import { loadTranslation } from '../../src/languages/load-translations';
import { loadTheme } from '../../src/theme/load-theme';
import { content, ROOT } from '../support/build';
import { readPdf } from '../support/pdf';
import { pamphletErrorOf } from '../support/errors';

/**
 * Formats and themes are data beside the template (issue 9): a new format or
 * a restyled theme needs no change to src/.
 */

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'formats');
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A folder with a template and, beside it, formats/ and themes/ files. */
function templateFolder(template: string, files: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-format-'));
  made.push(dir);
  for (const [name, value] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  }
  fs.writeFileSync(path.join(dir, 'template.hbs'), template);
  return path.join(dir, 'template.hbs');
}

const errorOf = pamphletErrorOf;

const DEFAULT_THEME = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'themes', 'default.json'), 'utf8'));

describe('a new format, added as data alone', () => {
  const template = templateFolder(fs.readFileSync(path.join(FIXTURES, 'bifold.hbs'), 'utf8'), { 'formats/bifold.json': fs.readFileSync(path.join(FIXTURES, 'bifold.json'), 'utf8') });

  it.each(['en', 'ar'])('%s: a bi-fold builds: two landscape pages, two panels a side, each panel\'s text inside its half, a fold mark at the middle', async (code) => {
    const sources = content({ templateFile: template });
    const built = await buildPamphlet(sources, code, 'letter');
    const { pages } = readPdf(built.pdf);
    expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([[792, 612], [792, 612]]);
    const { slots, marks } = impose(loadFormat(template, 'bifold'), 'letter', code === 'ar' ? 'rtl' : 'ltr', '#000000');
    // One fold, in the middle of each side: a 4 mm mark near the top and the bottom edge, moved 5 mm in (the format says 0) where an office printer prints it.
    for (const side of marks) expect(side.map((m) => (m.type === 'stroke' ? [m.x1, Math.round(m.y1), Math.round(m.y2)] : null))).toEqual([[396, 14, 26], [396, 586, 598]]);
    expect(slots.map((s) => [s.page, Math.round(s.panel.x), Math.round(s.panel.width)])).toEqual(
      code === 'ar' ? [[0, 0, 396], [1, 396, 396], [1, 0, 396], [0, 396, 396]] : [[0, 396, 396], [1, 0, 396], [1, 396, 396], [0, 0, 396]]);
    // Every line of text sits inside one half, clear of the fold by the format's 8 mm.
    for (const page of pages) {
      for (const line of page.lines) {
        const inLeft = line.x + line.w <= 396 - 22.6 + 1;
        const inRight = line.x >= 396 + 22.6 - 1;
        expect({ text: line.text, inside: inLeft || inRight }).toEqual({ text: line.text, inside: true });
      }
    }
    // The title is the largest text on the outside: it is on the cover.
    const largest = Math.max(...pages[0].lines.map((l) => l.size));
    const cover = pages[0].lines.filter((l) => l.size === largest).map((l) => l.x);
    expect(cover.length).toBeGreaterThan(0);
    for (const x of cover) expect(code === 'ar' ? x < 396 : x > 396).toBe(true);
  });

  it('lays out as many panels as the format has, and says so when the template has another number', () => {
    const four = templateFolder('<pamphlet format="bifold"><panel name="a"><p>x</p></panel></pamphlet>', { 'formats/bifold.json': fs.readFileSync(path.join(FIXTURES, 'bifold.json'), 'utf8') });
    const prepared = prepareLanguage(content({ templateFile: four }), loadTranslation(path.join(ROOT, 'translations'), 'en'));
    expect(errorOf(() => layOutPamphlet(prepared, 'letter', four)).message).toMatch(/the template has 1 panels; its format "bifold" has 4/);
  });
});

describe('format files are checked, and named by plain names only', () => {
  const bifold = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'bifold.json'), 'utf8'));

  it('refuses a panel in a column the side does not have, two panels in one place, an unknown paper', () => {
    const bad = (format: object) => errorOf(() => loadFormat(templateFolder('<pamphlet format="bad"></pamphlet>', { 'formats/bad.json': format }), 'bad')).message;
    expect(bad({ ...bifold, panels: [{ side: 0, column: 2 }] })).toMatch(/bad\.json, key panels\.0\.column: must be a column of side "outside" \(0 to 1\)/);
    expect(bad({ ...bifold, panels: [{ side: 0, column: 1 }, { side: 0, column: 1 }] })).toMatch(/key panels\.1: must be a place no other panel has/);
    expect(bad({ ...bifold, papers: ['b5'] })).toMatch(/key papers\.0: must be a paper: letter, a4, a3, tabloid/);
    expect(bad({ ...bifold, fold: true })).toMatch(/unknown field\(s\) "fold"/);
  });

  it('refuses a panel with no room inside its margins, and a grid of pieces that does not fit its sheet', () => {
    const narrow = loadFormat(templateFolder('<pamphlet format="narrow"></pamphlet>', { 'formats/narrow.json': { ...bifold, sides: [{ name: 'outside', columns: [{ share: 0.05 }, { share: 20 }] }, bifold.sides[1]] } }), 'narrow');
    expect(errorOf(() => impose(narrow, 'letter', 'ltr', '#000000')).message).toMatch(/narrow\.json, key panels\.3: panel 4 has -?\d+ x \d+ mm inside its margins, too little for any text/);
    const card = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'formats', 'wallet-card.json'), 'utf8'));
    const crowded = loadFormat(templateFolder('<pamphlet format="crowded"></pamphlet>', { 'formats/crowded.json': { ...card, grids: { ...card.grids, letter: { columns: 2, rows: 5 } } } }), 'crowded');
    expect(errorOf(() => impose(crowded, 'letter', 'ltr', '#000000')).message).toMatch(/key grids\.letter: on Letter, 2 x 5 pieces of 85 x 55 mm and their cut marks do not fit the sheet/);
    expect(impose(crowded, 'a4', 'ltr', '#000000').placements[0]).toHaveLength(10);
  });

  it('looks a name up beside the template, never as a path', () => {
    for (const name of ['../../etc/passwd', '/etc/passwd', 'Tri Fold', 'constructor/..']) {
      expect(errorOf(() => loadFormat(path.join(ROOT, 'templates', 'trifold.hbs'), name)).message).toMatch(/is named by a plain name/);
    }
    expect(errorOf(() => loadFormat(path.join(ROOT, 'templates', 'trifold.hbs'), 'octofold')).message).toMatch(/there is no formats\/octofold\.json beside it/);
  });
});

describe('a theme, beside the template', () => {
  it('restyles the pamphlet: colours and sizes come from the file', async () => {
    const restyled = { ...DEFAULT_THEME, colours: { ...DEFAULT_THEME.colours, accent: '#005a9c' }, styles: { ...DEFAULT_THEME.styles, paragraph: { ...DEFAULT_THEME.styles.paragraph, size: 13 } } };
    const shipped = fs.readFileSync(path.join(ROOT, 'templates', 'trifold.hbs'), 'utf8').replace('theme="default"', 'theme="blue"');
    const template = templateFolder(shipped, { 'themes/blue.json': restyled });
    expect(loadTheme(template, 'blue').styles.heading.colour).toBe('#005a9c');
    const built = await buildPamphlet(content({ templateFile: template }), 'en', 'a4');
    const sizes = readPdf(built.pdf).pages.flatMap((p) => p.lines.map((l) => l.size));
    expect(sizes).toContain(13);
    expect(sizes).not.toContain(12.5);
  });

  it('refuses a floor below 12 pt for text or 9 pt for labels, a size below its floor, and a QR code too small to scan', () => {
    const bad = (theme: object) => errorOf(() => loadTheme(templateFolder('<pamphlet></pamphlet>', { 'themes/bad.json': theme }), 'bad')).message;
    expect(bad({ ...DEFAULT_THEME, sizeFloors: { text: 10, label: 9 } })).toMatch(/key sizeFloors\.text: Number must be greater than or equal to 12/);
    expect(bad({ ...DEFAULT_THEME, styles: { ...DEFAULT_THEME.styles, paragraph: { ...DEFAULT_THEME.styles.paragraph, minSize: 10 } } })).toMatch(/key styles\.paragraph\.minSize: must be at least 12 pt/);
    expect(bad({ ...DEFAULT_THEME, styles: { ...DEFAULT_THEME.styles, label: { ...DEFAULT_THEME.styles.label, size: 8 } } })).toMatch(/key styles\.label\.size: must be at least its minSize \(10\.5 pt\)/);
    expect(bad({ ...DEFAULT_THEME, qr: { ...DEFAULT_THEME.qr, size: 50 } })).toMatch(/key qr\.size: must be at least 68 pt/);
    expect(bad({ ...DEFAULT_THEME, colours: { ...DEFAULT_THEME.colours, accent: 'red' } })).toMatch(/key colours\.accent: must be a colour such as #a6192e/);
  });
});
