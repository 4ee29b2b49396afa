import { NO_KEEP_RULES } from '../../src/text/keep-together';
import { prepareLanguage, layOutPamphlet } from '../../src/build/build-pamphlet';
import { TextBlockKind, Block } from '../../src/document/types';
import { PaperName } from '../../src/imposition/paper';
import { loadTranslation } from '../../src/languages/load-translations';
import { TextWrap } from '../../src/text/balance';
import { layoutParagraph } from '../../src/text/paragraph';
import { TypesetLine } from '../../src/text/types';
import { content, language, ROOT, theme } from '../support/build';

const { styles: TEXT_STYLES, listItem: LIST_ITEM_STYLE } = theme();
import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * Which break opportunities become line ends: balanced titles, headings and
 * callouts (text-wrap: balance), body text without a short word alone on
 * its last line (text-wrap: pretty), and no hyphenation in the shipped
 * styles. Each case is laid out with the shipped fonts and language data, as
 * first-fit (wrap 'normal') and as the style sets it.
 */

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** Characters a reader reads: not spaces, not punctuation ("禁。" is one). */
const countGraphemes = (text: string) => [...graphemes.segment(text.replace(/[\s\p{P}]/gu, ''))].length;

/** Lays out `text` in the style of `kind`, with its wrap or the one given. */
/** The cases below were measured with body text at 11 pt: widths scale with the size set (12 pt, Thai 12 × 1.15). */
const BODY = TEXT_STYLES.paragraph.size / 11;
const THAI = (TEXT_STYLES.paragraph.size * language('th').typography.sizeFactor) / 11;

function lay(code: string, text: string, width: number, kind: TextBlockKind | 'listItem', wrap?: TextWrap, rules?: typeof NO_KEEP_RULES): TypesetLine[] {
  const style = kind === 'listItem' ? LIST_ITEM_STYLE : TEXT_STYLES[kind];
  // Without the language's keep words: these tests are about which line ends balance picks among the breaks
  // a script allows (Chinese between any two ideographs); keep words are tested in thai-and-cjk.test.ts.
  const lang = { ...language(code), keepWords: [] };
  return layoutParagraph([{ text, bold: false }], width, {
    size: style.size, lineHeight: style.size, align: style.align, bold: style.bold, hyphenate: style.hyphenate, wrap: wrap ?? style.wrap,
  }, rules ? { ...lang, keepTogether: rules } : lang);
}
const texts = (lines: TypesetLine[]) => lines.map((l) => l.text);
/** Shortest line's width over the longest's: 1 is perfectly balanced. */
const evenness = (lines: TypesetLine[]) => Math.min(...lines.map((l) => l.width)) / Math.max(...lines.map((l) => l.width));
const spaceSeparatedWords = (line: TypesetLine) => line.text.trim().split(/\s+/).length;

describe('balanced titles, headings and callouts', () => {
  it('gives a lead lines of similar length, as many as first-fit', () => {
    const text = 'A job offer abroad can be a trap. Read this before you go.';
    const firstFit = lay('en', text, 187, 'lead', 'normal');
    const balanced = lay('en', text, 187, 'lead');
    // First-fit: "A job offer abroad can | be a trap. Read this | before you go." — the last line much shorter.
    expect(evenness(firstFit)).toBeLessThan(0.7);
    expect(balanced).toHaveLength(firstFit.length);
    expect(evenness(balanced)).toBeGreaterThan(0.9);
    // Only line ends moved: the same words in the same order, none cut.
    expect(texts(balanced).join(' ')).toBe(text);
  });

  it('ends balanced lines at spaces or punctuation where a wider set of lines can (Thai, Chinese)', () => {
    // Balanced to the narrowest width, they would end inside a run of letters: "…และเด็ก แต่ | ใคร…", "…但 | 是，…".
    const thai = lay('th', 'เหยื่อส่วนใหญ่เป็นผู้หญิงและเด็ก แต่ใคร ๆ ก็ตกเป็นเหยื่อได้', 180 * THAI, 'paragraph', 'balance');
    expect(texts(thai)).toEqual(['เหยื่อส่วนใหญ่เป็นผู้หญิงและเด็ก', 'แต่ใคร ๆ ก็ตกเป็นเหยื่อได้']);
    const chinese = lay('zh', '大多数受害者是妇女和儿童。但是，任何人都可能成为受害者。', 180 * BODY, 'paragraph', 'balance');
    expect(texts(chinese)).toEqual(['大多数受害者是妇女和儿童。但是，', '任何人都可能成为受害者。']);
  });

  it('balances a Chinese line without punctuation to lines of equal length', () => {
    const text = '这份宣传册由跨部门工作组制作完成';
    const firstFit = lay('zh', text, 130 * BODY, 'paragraph', 'normal');
    const balanced = lay('zh', text, 130 * BODY, 'paragraph', 'balance');
    expect(texts(firstFit)).toEqual(['这份宣传册由跨部门工作', '组制作完成']);
    expect(texts(balanced)).toEqual(['这份宣传册由跨部', '门工作组制作完成']);
  });

  it('never leaves one word alone on the last line of a heading', () => {
    const text = 'What is human trafficking?';
    // First-fit, and plain balancing, end on "trafficking?" alone.
    expect(texts(lay('en', text, 187, 'heading', 'normal'))).toEqual(['What is human', 'trafficking?']);
    const lines = lay('en', text, 187, 'heading');
    expect(lines).toHaveLength(2);
    expect(spaceSeparatedWords(lines[lines.length - 1])).toBeGreaterThanOrEqual(2);
    expect(texts(lines).join(' ')).toBe(text);
  });

  it('counts words kept together as words: "за помощью" is not one word alone', () => {
    // A no-break space keeps the preposition with its noun, as the Russian data does.
    const text = 'Куда обратиться за\u00A0помощью';
    expect(texts(lay('ru', text, 210, 'heading'))).toEqual(['Куда обратиться', 'за\u00A0помощью']);
  });

  it('gives a title\'s last word company without cutting a word or adding a line', () => {
    // Without the language's words bound to the next (English binds "the"), so that first-fit leaves "trap" alone.
    const text = 'Human trafficking: do not fall into the trap';
    const firstFit = lay('en', text, 187, 'title', 'normal', NO_KEEP_RULES);
    expect(texts(firstFit).at(-1)).toBe('trap');
    const lines = lay('en', text, 187, 'title', undefined, NO_KEEP_RULES);
    expect(lines).toHaveLength(firstFit.length);
    expect(spaceSeparatedWords(lines[lines.length - 1])).toBeGreaterThanOrEqual(2);
    // Every word whole: the lines joined by spaces give the text back.
    expect(texts(lines).join(' ')).toBe(text);
    // Not "do not fall | into | the trap", with "into" alone in the middle: the most even lines that give "trap" company.
    expect(texts(lines)).toEqual(['Human', 'trafficking:', 'do not', 'fall into', 'the trap']);
  });

  it('keeps at least three characters on the last line in a script without spaces', () => {
    // First-fit leaves "为。" or "行为。" alone at several widths.
    const text = '人口贩运是严重的犯罪行为。';
    let lonelyFirstFit = 0;
    for (const width of [90, 110, 130, 150, 170]) {
      const firstFit = lay('zh', text, width, 'heading', 'normal');
      if (firstFit.length < 2) continue;
      if (countGraphemes(firstFit.at(-1)!.text) < 3) lonelyFirstFit++;
      const lines = lay('zh', text, width, 'heading');
      expect(lines).toHaveLength(firstFit.length);
      expect(countGraphemes(lines.at(-1)!.text)).toBeGreaterThanOrEqual(3);
    }
    expect(lonelyFirstFit).toBeGreaterThan(0);
  });
});

describe('pretty body text', () => {
  it('moves a second word down to a lone short last word, without adding a line', () => {
    const text = 'They threaten you or your family at home.';
    expect(texts(lay('en', text, 200, 'listItem', 'normal'))).toEqual(['They threaten you or your family at', 'home.']);
    expect(texts(lay('en', text, 200, 'listItem'))).toEqual(['They threaten you or your family', 'at home.']);
  });

  it('leaves no one or two Chinese characters alone on the last line', () => {
    const text = '偷运移民是指帮助一个人非法进入一个国家。人口贩运则不同：人贩子会一直控制这个人，剥削这个人，到了目的地以后也不放手。';
    const firstFit = lay('zh', text, 210 * BODY, 'paragraph', 'normal');
    expect(firstFit.at(-1)!.text).toBe('手。');
    const pretty = lay('zh', text, 210 * BODY, 'paragraph');
    expect(pretty).toHaveLength(firstFit.length);
    expect(countGraphemes(pretty.at(-1)!.text)).toBeGreaterThanOrEqual(3);
    expect(texts(pretty).join('')).toBe(text);
  });

  it('leaves no Thai word alone on the last line', () => {
    const text = 'เหยื่อส่วนใหญ่เป็นผู้หญิงและเด็ก แต่ใคร ๆ ก็ตกเป็นเหยื่อได้';
    const firstFit = lay('th', text, 125 * THAI, 'paragraph', 'normal');
    expect(firstFit.at(-1)!.text).toBe('ได้');
    const pretty = lay('th', text, 125 * THAI, 'paragraph');
    expect(pretty).toHaveLength(firstFit.length);
    expect(pretty.at(-1)!.text).toBe('เหยื่อได้');
  });

  it('keeps first-fit when the paragraph is cut at maxLines (its panel overflowed)', () => {
    const text = 'They threaten you or your family at home.';
    const style = { size: 11, lineHeight: 11, align: 'start' as const, bold: false, hyphenate: false, wrap: 'pretty' as const };
    const cut = layoutParagraph([{ text, bold: false }], 200, style, language('en'), 2);
    expect(texts(cut)).toEqual(['They threaten you or your family at', 'home.']);
  });
});

describe('no hyphenation by default', () => {
  it('is off in every style of the template', () => {
    for (const style of [...Object.values(TEXT_STYLES), LIST_ITEM_STYLE]) expect(style.hyphenate).toBe(false);
  });

  /** Every text of a block, as the reader gets it. */
  const blockText = (block: Block): string => {
    switch (block.type) {
      case 'text': return block.spans.map((s) => s.text).join('');
      case 'list': return block.items.map((item) => item.map((s) => s.text).join('')).join('\n');
      case 'callout': return block.blocks.map(blockText).join('\n');
      case 'contact': return block.blocks.map(blockText).join('\n');
      case 'qr': return block.caption.map((s) => s.text).join('');
      default: return '';
    }
  };

  const codes = fs.readdirSync(path.join(ROOT, 'translations')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  it.each(codes)('cuts no word of the shipped %s text with a hyphen, on either paper', (code) => {
    const prepared = prepareLanguage(content(), loadTranslation(path.join(ROOT, 'translations'), code));
    const source = prepared.document.panels.flatMap((p) => p.blocks).map(blockText).join('\n');
    for (const paper of ['letter', 'a4'] as PaperName[]) {
      const lines = layOutPamphlet(prepared, paper, content().templateFile).pages.flat().flatMap((item) => (item.type === 'line' ? [item.line.text] : []));
      expect(lines.length).toBeGreaterThan(50);
      // A line may end in a hyphen of the text itself ("well-" of "well-paid"), never in one the typesetter added.
      const cut = lines.filter((line) => /[-\u2010]$/.test(line) && !source.includes(line.split(/\s/).at(-1)!));
      expect(cut).toEqual([]);
    }
  });
});
