import * as path from 'node:path';
import { isolate } from '../../src/facts/format-facts';
import { loadTranslation } from '../../src/languages/load-translations';
import { metaSchema } from '../../src/languages/meta-schema';
import { typesetLanguage } from '../../src/languages/typeset-language';
import { breakOpportunities } from '../../src/text/break-opportunities';
import { keepWordsWhole } from '../../src/text/keep-words';
import { layoutParagraph } from '../../src/text/paragraph';
import { shape } from '../support/shape';
import { ParagraphStyle, PlacedRun, TypesetLanguage, TypesetLine } from '../../src/text/types';
import { fonts, language, ROOT } from '../support/build';

const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: false };
const plain = (text: string) => [{ text, bold: false }];
const layout = (text: string, width: number, lang: TypesetLanguage) => layoutParagraph(plain(text), width, style, lang);

/** Where the lines of a paragraph end, as indices into its text. */
function lineEnds(text: string, lines: TypesetLine[]): number[] {
  let cursor = 0;
  return lines.slice(0, -1).map((line) => {
    const start = text.indexOf(line.text, cursor);
    expect(start).toBeGreaterThanOrEqual(0);
    cursor = start + line.text.length;
    return cursor;
  });
}

/** Whether some line of the paragraph ends strictly inside an occurrence of the word. */
function breaksInside(text: string, word: string, lines: TypesetLine[]): boolean {
  const at = text.indexOf(word);
  return lineEnds(text, lines).some((end) => end > at && end < at + word.length);
}

/** Widths from a narrow column to a wide one, every pt. */
const WIDTHS = Array.from({ length: 200 }, (_, i) => 20 + i);

/**
 * The widths at which no unit between two break opportunities of the language
 * is wider than the line: narrower, a word is cut anywhere, as the last resort.
 */
function widthsThatFitEveryWord(text: string, lang: TypesetLanguage): number[] {
  const ends = keepWordsWhole(text, breakOpportunities(text, lang.lineBreak, lang.locale), lang.keepWords ?? []).map((o) => o.position);
  const widest = Math.max(...ends.map((end, i) => layout(text.slice(i ? ends[i - 1] : 0, end).trim(), 1000, lang)[0].width));
  return WIDTHS.filter((w) => w > widest);
}

describe('Thai: words of the keep dictionary stay whole', () => {
  const thai = language('th');
  const segmenterOnly: TypesetLanguage = { ...thai, keepWords: [] };

  // The compounds of the issue, each in a sentence of the pamphlet.
  it.each([
    ['ผู้ค้ามนุษย์', 'เพราะผู้ค้ามนุษย์ยังควบคุมตัวคนนั้นไว้'],
    ['นายหน้า', 'อย่าให้นายจ้างหรือนายหน้าเก็บไว้'],
    ['สถานกงสุล', 'ที่อยู่ของสถานทูตหรือสถานกงสุลแคนาดา'],
    ['ออกเดินทาง', 'อ่านเอกสารนี้ก่อนออกเดินทาง'],
    ['เข้าเมือง', 'การลักลอบขนคนเข้าเมือง'],
    ['คนแปลกหน้า', 'อาจเป็นคนแปลกหน้า นายหน้า เพื่อน'],
  ])('%s: never broken inside, at widths where the segmenter alone breaks it', (word, sentence) => {
    const cutting = widthsThatFitEveryWord(sentence, thai).filter((w) => breaksInside(sentence, word, layout(sentence, w, segmenterOnly)));
    expect(cutting.length).toBeGreaterThan(0);
    for (const width of cutting) expect(breaksInside(sentence, word, layout(sentence, width, thai))).toBe(false);
  });

  it('keeps the repetition mark ๆ off the start of a line', () => {
    const sentence = 'แต่ใคร ๆ ก็ตกเป็นเหยื่อได้';
    const starts = (lang: TypesetLanguage) => widthsThatFitEveryWord(sentence, lang).filter((w) => layout(sentence, w, lang).slice(1).some((l) => l.text.startsWith('ๆ')));
    expect(starts(segmenterOnly).length).toBeGreaterThan(0);
    expect(starts(thai)).toEqual([]);
  });

  it('honours a keep word a translator adds to meta.keepWords', () => {
    const sentence = 'ถ้าต้องจ่ายเงินก้อนใหญ่ก่อนออกเดินทาง';
    const translation = loadTranslation(path.join(ROOT, 'translations'), 'th');
    const meta = metaSchema.parse({ ...translation.meta, keepWords: [...translation.meta.keepWords!, 'เงินก้อน'] });
    const extended = typesetLanguage({ ...translation, meta }, fonts);
    const cutting = widthsThatFitEveryWord(sentence, extended).filter((w) => breaksInside(sentence, 'เงินก้อน', layout(sentence, w, thai)));
    expect(cutting.length).toBeGreaterThan(0);
    for (const width of cutting) expect(breaksInside(sentence, 'เงินก้อน', layout(sentence, width, extended))).toBe(false);
  });

  it('lines still end where the segmenter found a word boundary', () => {
    const sentence = 'ผู้ค้ามนุษย์มักดูใจดีและชอบช่วยเหลือ อาจเป็นคนแปลกหน้า นายหน้า เพื่อน หรือแม้แต่คนในครอบครัว';
    const boundaries = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(sentence)].map((s) => s.index));
    for (const width of [60, 90, 120]) {
      for (const end of lineEnds(sentence, layout(sentence, width, thai))) expect(boundaries.has(end)).toBe(true);
    }
  });
});

describe('Chinese (CLREQ): punctuation pairs and the space between Han and Latin', () => {
  const zh = language('zh');
  const plainZh: TypesetLanguage = { ...zh, cjkSpacing: { interScriptSpace: 0, compressPunctuation: false } };
  const em = style.size;

  /** The glyphs of a one-line paragraph with the character each stands for, in order. */
  function glyphs(text: string, lang: TypesetLanguage): Array<{ char: string; xAdvance: number; xOffset: number }> {
    const lines = layout(text, 1000, lang);
    expect(lines).toHaveLength(1);
    return lines[0].runs.flatMap((r: PlacedRun) => r.glyphs.map((g) => ({ char: String.fromCodePoint(...g.codePoints), xAdvance: g.xAdvance, xOffset: g.xOffset })));
  }
  const advance = (text: string, lang: TypesetLanguage, char: string, nth = 0) => glyphs(text, lang).filter((g) => g.char === char)[nth];

  it.each([
    ['）；', '绑架（用暴力把人带走）；', '）'],
    ['。」', '他说：「快走。」然后', '。'],
    ['》（', '《移民和难民保护法》（IRPA）', '》'],
  ])('%s: the first mark takes half an em, its blank right half', (_, text, first) => {
    expect(advance(text, plainZh, first).xAdvance).toBeCloseTo(em, 5);
    expect(advance(text, zh, first).xAdvance).toBeCloseTo(em / 2, 5);
    expect(advance(text, zh, first).xOffset).toBeCloseTo(0, 5);
  });

  it('of two opening marks, the second takes half an em, its ink moved onto the first', () => {
    const text = '他说「（一）」';
    const open = advance(text, zh, '（');
    expect(advance(text, zh, '「').xAdvance).toBeCloseTo(em, 5);
    expect(open.xAdvance).toBeCloseTo(em / 2, 5);
    expect(open.xOffset).toBeCloseTo(-em / 2, 5);
  });

  it('leaves a lone mark and the last of a pair a full em', () => {
    const text = '绑架（用暴力把人带走）；';
    expect(advance(text, zh, '；').xAdvance).toBeCloseTo(em, 5);
    expect(advance(text, zh, '（').xAdvance).toBeCloseTo(em, 5);
  });

  it('the compressed line is narrower by half an em per pair', () => {
    const text = '绑架（用暴力把人带走）；非法拘禁。」';
    const width = (lang: TypesetLanguage) => layout(text, 1000, lang)[0].width;
    expect(width(plainZh) - width(zh)).toBeCloseTo(em, 5);
  });

  it('puts a quarter em between 第 and 118 and between 118 and 条, even across a fact isolate', () => {
    const font = zh.fonts.regular[0];
    const natural = (c: string) => shape(c, font, false, style.size).width;
    for (const text of ['第118条', `第${isolate('118')}条`]) {
      expect(advance(text, plainZh, '第').xAdvance).toBeCloseTo(natural('第'), 5);
      expect(advance(text, zh, '第').xAdvance).toBeCloseTo(natural('第') + em / 4, 5);
      expect(advance(text, zh, '1').xAdvance).toBeCloseTo(natural('1'), 5);
      expect(advance(text, zh, '8').xAdvance).toBeCloseTo(natural('8') + em / 4, 5);
      expect(advance(text, zh, '条').xAdvance).toBeCloseTo(natural('条'), 5);
    }
  });

  it('adds nothing where a space is already there, nor between Han and Han', () => {
    const spaced = glyphs('第 118 条', zh);
    const unspaced = glyphs('第 118 条', plainZh);
    expect(spaced.map((g) => g.xAdvance)).toEqual(unspaced.map((g) => g.xAdvance));
    expect(advance('人口贩运', zh, '口').xAdvance).toBeCloseTo(em, 5);
  });

  it('spaces Han and Latin letters too: 用Facebook联系', () => {
    const text = '用Facebook联系';
    const font = zh.fonts.regular[0];
    expect(advance(text, zh, '用').xAdvance).toBeCloseTo(shape('用', font, false, style.size).width + em / 4, 5);
    expect(advance(text, zh, 'k').xAdvance).toBeCloseTo(advance(text, plainZh, 'k').xAdvance + em / 4, 5);
  });

  it('is language data: Korean, without it, is set as the font sets it', () => {
    const ko = language('ko');
    expect(ko.cjkSpacing).toEqual({ interScriptSpace: 0, compressPunctuation: false });
    expect(zh.cjkSpacing).toEqual({ interScriptSpace: 0.25, compressPunctuation: true });
  });
});

describe('keep words in any script: in any case, and only where they fit a line', () => {
  const text = 'Mua bán người: đừng sa vào bẫy';
  const positions = (list: { position: number }[]) => list.map((o) => o.position);
  const opportunities = breakOpportunities(text, 'normal', 'vi');

  it('keeps a word whole whatever its case (a title starts with a capital)', () => {
    const kept = positions(keepWordsWhole(text, opportunities, ['mua bán người']));
    expect(positions(opportunities)).toContain(4); // "Mua |bán"
    expect(kept).not.toContain(4);
    expect(kept).not.toContain(8); // "bán |người"
  });

  it('leaves a word wider than a whole line to break where it may, never cut between letters', () => {
    const kept = positions(keepWordsWhole(text, opportunities, ['mua bán người'], () => false));
    expect(kept).toEqual(positions(opportunities));
    // Laid out at title size in a column too narrow for the whole word: every line ends between syllables.
    const vi = language('vi');
    const lines = layoutParagraph([{ text, bold: true }], 150, { size: 30, lineHeight: 36, align: 'start', bold: true, hyphenate: false }, vi);
    const syllables = new Set(text.split(' '));
    for (const line of lines) for (const word of line.text.trim().split(/\s+/)) expect(syllables.has(word)).toBe(true);
  });
});

describe('a keep word is measured with what is glued to it', () => {
  it('gives way when the word fits a line alone but not with its colon ("người:")', () => {
    const text = 'Mua bán người: đừng sa vào bẫy';
    const opportunities = breakOpportunities(text, 'normal', 'vi');
    const positions = (list: { position: number }[]) => list.map((o) => o.position);
    // A line of 13 characters holds "Mua bán người" but not "Mua bán người:".
    const fits = (start: number, end: number) => end - start <= 13;
    expect(positions(keepWordsWhole(text, opportunities, ['mua bán người'], fits))).toEqual(positions(opportunities));
    expect(positions(keepWordsWhole(text, opportunities, ['mua bán người'], (s, e) => e - s <= 14))).not.toContain(4);
  });
});
