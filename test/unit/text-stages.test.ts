import bidiFactory from 'bidi-js';
import { embeddingLevels } from '../../src/text/bidi';
import { breakOpportunities } from '../../src/text/break-opportunities';
import { collect } from '../../src/text/collect';
import { itemize, MissingGlyphError } from '../../src/text/itemize';
import { layoutParagraph } from '../../src/text/paragraph';
import { visualOrder } from '../../src/text/reorder';
import { shape } from '../support/shape';
import { ParagraphStyle, TypesetLine } from '../../src/text/types';
import { isolate } from '../../src/facts/format-facts';
import { language } from '../support/build';

const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: true };
const plain = (text: string) => [{ text, bold: false }];
const lineTexts = (code: string, text: string, width: number) => layoutParagraph(plain(text), width, style, language(code)).map((l) => l.text);
/**
 * A line's text as a PDF reader reads it from the glyphs' codes: each run's
 * glyph texts in writing order, a right-to-left run reversed back to logical
 * order (glyph-text.ts stores it backwards), the runs in logical order.
 */
const readBack = (line: TypesetLine) => line.runs.map((run) => {
  const chars = [...run.glyphs.map((g) => g.text).join('')];
  return (run.rtl ? chars.reverse() : chars).join('');
}).join('');

describe('bidi and reordering', () => {
  it('resolves levels: Arabic at 1, a Latin acronym and numbers at 2 inside it', () => {
    const text = 'القانون IRPA المادة 118';
    const levels = embeddingLevels(text, 'rtl');
    expect(levels[0]).toBe(1);
    expect(levels[text.indexOf('IRPA')]).toBe(2);
    expect(levels[text.indexOf('118')]).toBe(2);
  });

  it('gives a left-to-right paragraph the levels of the full algorithm, whether or not a character in it can raise one', () => {
    const bidi = bidiFactory();
    const texts = [
      'Call 1-800 (toll-free), 24/7: $5.00 + 10 %\u00A0— ok?',
      'a\u2028b\tc\nd\u2029e \u200D\u200C\u00AD\u0301 \u3000第118条',
      `Fine up to ${isolate('1 000 000 canadian dollars')} or prison`,
      'IRPA القانون 118',
      'numbers ٣٤ and \u202Bembedded\u202C',
    ];
    for (const text of texts) expect(Array.from(embeddingLevels(text, 'ltr'))).toEqual(Array.from(bidi.getEmbeddingLevels(text, 'ltr').levels));
    // The isolate and the Arabic raise levels: those paragraphs are not all at 0.
    expect(Math.max(...embeddingLevels(texts[2], 'ltr'))).toBe(2);
    expect(embeddingLevels(texts[3], 'ltr')[texts[3].indexOf('ق')]).toBe(1);
  });

  it('reorders pieces right to left, keeping left-to-right pieces inside in their order', () => {
    const pieces = [{ level: 1, t: 'A' }, { level: 2, t: 'x' }, { level: 2, t: 'y' }, { level: 1, t: 'B' }];
    expect(visualOrder(pieces).map((p) => p.t).join('')).toBe('BxyA');
  });

  it('keeps a phone number in an isolate in its own order in an Arabic line', () => {
    const text = `اتصل على ${isolate('+1 613 996 8885')} الآن`;
    const [line] = layoutParagraph(plain(text), 500, style, language('ar'));
    // Left to right on the page: "الآن" (leftmost), then the number in reading order, then "اتصل على".
    const latin = line.runs.filter((r) => !r.rtl);
    const digits = latin.sort((a, b) => a.x - b.x).flatMap((r) => r.glyphs.flatMap((g) => g.codePoints)).map((c) => String.fromCodePoint(c)).join('');
    expect(digits.replace(/\s/g, '')).toBe('+16139968885');
    const arabic = line.runs.filter((r) => r.rtl).sort((a, b) => a.x - b.x);
    const firstOnLeft = arabic[0].glyphs.flatMap((g) => g.codePoints).map((c) => String.fromCodePoint(c)).join('');
    expect(firstOnLeft).toContain('ن'); // the last word, الآن, stands leftmost
    // The glyphs read back as the logical text, the number in its place and without the isolate marks.
    expect(readBack(line)).toBe(text.replace(/[\u2066-\u2069]/g, ''));
  });

  it('mirrors brackets in right-to-left runs', () => {
    const [line] = layoutParagraph(plain('قانون (الهجرة)'), 500, style, language('ar'));
    const rtlChars = line.runs.filter((r) => r.rtl).flatMap((r) => r.glyphs.flatMap((g) => g.codePoints));
    // Shaped from the mirrored character: the glyph drawn for "(" is ")"'s and vice versa.
    expect(rtlChars).toContain(')'.codePointAt(0));
    expect(rtlChars).toContain('('.codePointAt(0));
    // Read back, the brackets are the text's own, not the mirrored glyphs'.
    expect(readBack(line)).toBe('قانون (الهجرة)');
  });
});

describe('font runs and fallback', () => {
  it('sets a Latin acronym inside Arabic text in the Latin font and the Arabic in the Arabic font', () => {
    const text = 'القانون (IRPA)';
    const { styles } = collect(plain(text), false);
    const runs = itemize(text, embeddingLevels(text, 'rtl'), styles, language('ar'));
    const fontAt = (i: number) => runs.find((r) => r.start <= i && i < r.end)!.font.family;
    expect(fontAt(0)).toBe('NotoNaskhArabic');
    expect(fontAt(text.indexOf('I'))).toBe('NotoSans');
  });

  it('sets a closing bracket in the font of its opening one, not of the Latin word before it', () => {
    const text = 'القانون (IRPA) (المادة 118)';
    const { styles } = collect(plain(text), false);
    const runs = itemize(text, embeddingLevels(text, 'rtl'), styles, language('ar'));
    const fontAt = (i: number) => runs.find((r) => r.start <= i && i < r.end)!.font.family;
    expect(fontAt(text.indexOf('A') + 1)).toBe('NotoNaskhArabic');
    expect(fontAt(text.indexOf('('))).toBe('NotoNaskhArabic');
    expect(fontAt(text.lastIndexOf(')'))).toBe('NotoNaskhArabic');
  });

  it('names the language and the code point of a character no font has', () => {
    const text = 'ข้อความ 𐤀';
    const { styles } = collect(plain(text), false);
    expect(() => itemize(text, embeddingLevels(text, 'ltr'), styles, language('th'))).toThrow(MissingGlyphError);
    expect(() => itemize(text, embeddingLevels(text, 'ltr'), styles, language('th'))).toThrow(/language th.*U\+10900/);
  });
});

describe('line breaking', () => {
  it('breaks Thai only between dictionary words', () => {
    const text = 'การค้ามนุษย์เป็นอาชญากรรมร้ายแรงที่ทำลายชีวิตของผู้คนจำนวนมาก';
    const words = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.index));
    const lines = lineTexts('th', text, 80);
    expect(lines.length).toBeGreaterThan(2);
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      expect(words.has(at)).toBe(true);
    }
    expect(lines.join('')).toBe(text);
  });

  it('never starts a Chinese line with closing punctuation nor ends one with opening punctuation', () => {
    const text = '加拿大于二〇〇二年批准了《联合国打击跨国有组织犯罪公约》，以及该公约关于人口贩运和偷运移民的议定书。';
    for (const width of [60, 75, 90, 110, 130]) {
      const lines = lineTexts('zh', text, width);
      for (const line of lines) {
        expect(line).not.toMatch(/^[，。》）、；：]/);
        expect(line).not.toMatch(/[《（]$/);
      }
      expect(lines.join('')).toBe(text);
    }
  });

  it('has no opportunity before 。 or ， and none after 《', () => {
    const text = '你好，世界。《公约》';
    const at = new Set(breakOpportunities(text, 'normal', 'zh').map((b) => b.position));
    expect(at.has(text.indexOf('，'))).toBe(false);
    expect(at.has(text.indexOf('。'))).toBe(false);
    expect(at.has(text.indexOf('《') + 1)).toBe(false);
    expect(at.has(1)).toBe(true); // between two ideographs
  });

  it('breaks Korean only at spaces (keep-all)', () => {
    const text = '인신매매범은 친절하고 도움이 되는 사람처럼 보일 때가 많습니다';
    const at = breakOpportunities(text, 'keep-all', 'ko').map((b) => b.position);
    for (const p of at.filter((p) => p < text.length)) expect(text[p - 1]).toBe(' ');
  });

  it('keeps a bracket typed against a Korean word with it (keep-all): "보호법(IRPA)" is one word', () => {
    const text = '이민 및 난민 보호법(IRPA) 제118조가 정하고 있습니다';
    const at = breakOpportunities(text, 'keep-all', 'ko').map((b) => b.position);
    // UAX #14 alone breaks before the bracket (Hangul is not AL).
    expect(breakOpportunities(text, 'normal', 'ko').map((b) => b.position)).toContain(text.indexOf('('));
    expect(at).not.toContain(text.indexOf('('));
    for (const p of at.filter((p) => p < text.length)) expect(text[p - 1]).toBe(' ');
  });

  it('hyphenates a long Russian word where the line would be left loose, and only at a hyphenation point', () => {
    const lines = lineTexts('ru', 'Это преступление называется торговлей людьми', 95);
    const hyphenated = lines.filter((l) => l.endsWith('-'));
    expect(hyphenated.length).toBeGreaterThan(0);
    const text = 'Это преступление называется торговлей людьми';
    expect(lines.map((l) => l.replace(/-$/, '')).join(' ').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    // Each hyphen stands at a point the Russian patterns allow.
    for (const line of hyphenated) {
      const head = line.slice(0, -1).split(' ').pop()!;
      const word = text.split(' ').find((w) => w.startsWith(head) && w !== head)!;
      const parts = language('ru').hyphenate!(word);
      const points = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('').length);
      expect(points).toContain(head.length);
    }
  });

  it('breaks a word longer than the line between grapheme clusters, as the last resort', () => {
    const word = 'www.canadianhumantraffickinghotline.ca';
    const lines = lineTexts('vi', word, 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(word);
  });
});

describe('shaping', () => {
  it('forms Devanagari conjuncts and reorders the i-matra, and the glyphs still read back in logical order', () => {
    const ksha = shape('क्ष', language('hi').fonts.regular[0], false, 10);
    expect(ksha.glyphs.length).toBeLessThan([...'क्ष'].length);
    const [line] = layoutParagraph(plain('किताब'), 500, style, language('hi'));
    const [matra, consonant] = line.runs[0].glyphs;
    // The vowel sign is drawn before its consonant: the second glyph is the font's क.
    expect(consonant.id).toBe(language('hi').fonts.regular[0].face.glyphForCodePoint('क'.codePointAt(0)!).id);
    expect(matra.id).not.toBe(consonant.id);
    // HarfBuzz's cluster "कि" is given to its first glyph in logical order, the matra.
    expect(matra.codePoints).toEqual([...'कि'].map((c) => c.codePointAt(0)));
    // The cluster's letters go to its glyphs in writing order: the i-matra glyph, written first, reads as the consonant.
    expect(line.runs[0].glyphs.slice(0, 2).map((g) => g.text)).toEqual(['क', 'ि']);
    expect(readBack(line)).toBe('किताब');
  });

  it('joins Arabic letters into their contextual forms', () => {
    const font = language('ar').fonts.regular[0];
    // The font draws the dot as a separate mark glyph (no code points); compare the letter bodies.
    const bodies = (text: string) => shape(text, font, true, 10).glyphs.filter((g) => g.codePoints.length > 0).map((g) => g.id);
    const [isolated] = bodies('ب');
    const joined = bodies('ببب');
    expect(joined).toHaveLength(3);
    expect(new Set(joined).size).toBe(3); // initial, medial and final forms differ
    expect(joined).not.toContain(isolated);
  });

  it('places Vietnamese stacked marks above the line, within the font ascent', () => {
    const font = language('vi').fonts.regular[0];
    const decomposed = shape('ệ'.normalize('NFD'), font, false, 10);
    const precomposed = shape('ệ', font, false, 10);
    expect(precomposed.glyphs).toHaveLength(1);
    expect(precomposed.glyphs[0].id).not.toBe(0);
    expect(decomposed.glyphs.every((g) => g.id !== 0)).toBe(true);
    const bbox = font.face.getGlyph(precomposed.glyphs[0].id).bbox;
    expect(bbox.maxY / font.unitsPerEm).toBeLessThanOrEqual(font.ascent);
  });
});
