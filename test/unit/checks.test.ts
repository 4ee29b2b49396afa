import { brokenPlaceholder, fillPlaceholders, placeholdersOf } from '../../src/i18n/placeholders';
import { pluralCategories, splitPluralKey } from '../../src/i18n/plural-forms';
import { didYouMean } from '../../src/check/edit-distance';
import { fitPanel, OverflowError } from '../../src/layout/fit-panel';
import { itemExtent } from '../../src/layout/draw-items';
import { Panel } from '../../src/document/types';
import { DrawItem } from '../../src/layout/draw-items';
import { layoutPanel } from '../../src/layout/panel-flow';
import { language, theme } from '../support/build';

const FIT_LIMITS = theme().fit;

describe('plural forms, from CLDR', () => {
  it('gives each language its own categories: Arabic six, Russian four, Chinese one', () => {
    expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralCategories('ru')).toEqual(['one', 'few', 'many', 'other']);
    expect(pluralCategories('zh')).toEqual(['other']);
    expect(pluralCategories('en')).toEqual(['one', 'other']);
  });

  it('splits a plural key into base and category, and leaves other keys alone', () => {
    expect(splitPluralKey('help.iwg_few')).toEqual({ base: 'help.iwg', category: 'few' });
    expect(splitPluralKey('help.intro')).toBeNull();
    expect(splitPluralKey('help.iwg_fewer')).toBeNull();
  });
});

describe('placeholders', () => {
  it('finds the names, with or without spaces inside the braces', () => {
    expect(placeholdersOf('up to {{maxFine}} and {{ count }}, {{maxFine}}')).toEqual(['maxFine', 'count']);
  });

  it('finds braces that would be printed as they are', () => {
    expect(brokenPlaceholder('a {{maxFine}} b')).toBeNull();
    expect(brokenPlaceholder('a {maxFine} b')).toBe('{maxFine}');
    expect(brokenPlaceholder('a {{maxFine} b')).toBe('{{maxFine}');
    expect(brokenPlaceholder('a maxFine}} b')).toBe('}}');
  });

  it('fills known names and leaves unknown ones visible', () => {
    expect(fillPlaceholders('{{a}} and {{b}}', { a: 'x' })).toBe('x and {{b}}');
  });

  it('suggests the nearest name for a typo, and nothing for a stranger', () => {
    expect(didYouMean('maxFin', ['maxFine', 'irpaSection'])).toBe(' Did you mean "maxFine"?');
    expect(didYouMean('weather', ['maxFine', 'irpaSection'])).toBe('');
  });
});

describe('nothing leaves its column', () => {
  const box = { x: 100, y: 50, width: 50, height: 900 };

  it('fails a panel whose QR code is wider than the column, saying by how much', () => {
    const panel: Panel = { name: 'help', blocks: [{ type: 'qr', value: 'https://example.org', caption: [{ text: 'Scan', bold: false }] }] };
    let error: unknown;
    try {
      fitPanel(panel, box, language('en'), theme());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OverflowError);
    expect((error as OverflowError).side).toBe('width');
    expect((error as OverflowError).message).toMatch(/panel "help" is [\d.]+ mm wider than its column/);
    // The code alone is 68 pt wide in a 50 pt column.
    expect((error as OverflowError).overflow).toBeGreaterThanOrEqual(18);
  });

  it('keeps every line of a long paragraph inside the column, in both directions', () => {
    const texts = { en: 'Supercalifragilisticexpialidocious '.repeat(6), ar: 'Supercalifragilisticexpialidocious '.repeat(3) + 'بالأشخاص '.repeat(6) };
    for (const [code, text] of Object.entries(texts)) {
      const panel: Panel = { name: 'what', blocks: [{ type: 'text', kind: 'paragraph', spans: [{ text, bold: false }] }] };
      const fitted = fitPanel(panel, box, language(code), theme());
      for (const item of fitted.items) {
        const e = itemExtent(item);
        expect(e.x).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(e.x + e.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
    }
  });
});

describe('fitting a panel: smaller type within the floors, then fail', () => {
  const text = 'Traffickers often seem kind and helpful. They can be strangers, agents, friends or even family. '.repeat(5);
  const panel: Panel = { name: 'deceive', blocks: [{ type: 'text', kind: 'heading', spans: [{ text: 'How traffickers trick people', bold: true }] }, { type: 'text', kind: 'paragraph', spans: [{ text, bold: false }] }] };
  const natural = layoutPanel(panel, { x: 0, y: 0, width: 180, height: 1000 }, language('en'), theme(), { scale: 1 }).contentHeight;
  const smallest = layoutPanel(panel, { x: 0, y: 0, width: 180, height: 1000 }, language('en'), theme(), { scale: FIT_LIMITS.minScale }).contentHeight;
  const sizesOf = (items: DrawItem[]) => items.flatMap((item) => (item.type === 'line' ? [item.line.runs[0].size] : []));

  it('sets a panel that is a little too long in smaller type, body text held at 12 pt, inside its box', () => {
    const box = { x: 0, y: 0, width: 180, height: (natural + smallest) / 2 };
    const fitted = fitPanel(panel, box, language('en'), theme());
    expect(fitted.tightening.scale).toBeLessThan(1);
    expect(fitted.tightening.scale).toBeGreaterThanOrEqual(FIT_LIMITS.minScale);
    expect(fitted.contentHeight).toBeLessThanOrEqual(box.height + 0.01);
    const sizes = sizesOf(fitted.items);
    // The heading (16 pt) got smaller; the body text did not go below its floor.
    expect(sizes[0]).toBeLessThan(16);
    expect(Math.min(...sizes)).toBe(12);
  });

  it('fails a panel that does not fit with every size at its floor, saying how many mm too tall, rather than clip it', () => {
    expect(() => fitPanel(panel, { x: 0, y: 0, width: 180, height: smallest - 3 }, language('en'), theme())).toThrow(/panel "deceive" is [\d.]+ mm too tall, even with the type at 75% of its design size and body text at its floor \(12 pt Latin, 9 pt for labels\)/);
    expect(() => fitPanel(panel, { x: 0, y: 0, width: 180, height: natural * 0.4 }, language('en'), theme())).toThrow(OverflowError);
  });
});
