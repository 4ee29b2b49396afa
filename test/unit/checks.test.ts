import { brokenPlaceholder, fillPlaceholders, placeholdersOf } from '../../src/i18n/placeholders';
import { pluralCategories, splitPluralKey } from '../../src/i18n/plural-forms';
import { didYouMean } from '../../src/check/edit-distance';
import { fitPanel, OverflowError } from '../../src/layout/fit-panel';
import { itemExtent } from '../../src/layout/draw-items';
import { Panel } from '../../src/document/types';
import { language } from '../support/build';

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
  const box = { x: 100, y: 50, width: 50, height: 400 };

  it('fails a panel whose QR code is wider than the column, saying by how much', () => {
    const panel: Panel = { name: 'help', blocks: [{ type: 'qr', value: 'https://example.org', caption: [{ text: 'Scan', bold: false }] }] };
    let error: unknown;
    try {
      fitPanel(panel, box, language('en'));
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
      const fitted = fitPanel(panel, box, language(code));
      for (const item of fitted.items) {
        const e = itemExtent(item);
        expect(e.x).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(e.x + e.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
    }
  });
});
