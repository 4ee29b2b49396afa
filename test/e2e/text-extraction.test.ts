// The text that real PDF readers extract from each language's tri-fold:
// pdf.js (what browsers show and copy), poppler's pdftotext and MuPDF must
// give back the translation's words in logical order, panel by panel: each
// panel's words in order in the reader's text of its page, summed over the
// panels (word-order.cjs). Whether a reader keeps each panel in one piece is
// printed, not asserted (pdftotext interleaves the panels row by row).
// Each language is built once per run (shared-pdfs.ts) and each reader runs once per file
// (test/support/extract-text.mjs, in a process of its own).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { layOutPamphlet, prepareLanguage } from '../../src/build/build-pamphlet';
import { listLanguages, loadTranslation } from '../../src/languages/load-translations';
import { content, ROOT } from '../support/build';
import { runReader } from '../support/reader';
import { sharedPdfFile } from '../support/shared-pdfs';
import { panelsInOrder } from '../support/word-order.cjs';
import { panelTexts } from '../support/panel-texts.cjs';

type Reader = 'pdfjs' | 'pdftotext' | 'mupdf';
const READERS: Reader[] = ['pdfjs', 'pdftotext', 'mupdf'];
const LANGUAGES = listLanguages(path.join(ROOT, 'translations'));

/**
 * Reader and language pairs still short of 99 % (see the extraction note).
 * These run as known failures: each starts to fail, and must move out of
 * this list, once it reaches 99 %.
 */
const SHORT = new Set<string>([]);

const reference = new Map<string, string[][]>();
const extracted = new Map<string, Record<Reader, string[]>>();
const inOrder = (reader: Reader, code: string) => {
  const scores = reference.get(code)!.map((panels, page) => panelsInOrder(panels, extracted.get(code)![reader][page] ?? '', code));
  const sum = (f: (s: (typeof scores)[number]) => number) => scores.reduce((n, s) => n + f(s), 0);
  return { share: sum((s) => s.matched) / sum((s) => s.words), whole: sum((s) => s.contiguous.filter(Boolean).length), panels: sum((s) => s.contiguous.length) };
};

beforeAll(async () => {
  const sources = content();
  for (const code of LANGUAGES) {
    const prepared = prepareLanguage(sources, loadTranslation(sources.translationsDir, code));
    // The logical text of each panel of each page.
    reference.set(code, panelTexts(layOutPamphlet(prepared, 'letter', sources.templateFile)));
    const file = await sharedPdfFile({ format: 'trifold', language: code, paper: 'letter' });
    extracted.set(code, runReader<Record<Reader, string[]>>('extract-text.mjs', file));
  }
}, 300_000);

afterAll(() => {
  // The panels each reader kept in one piece (not asserted).
  const rows = LANGUAGES.map((code) => `${code} ${READERS.map((r) => { const s = inOrder(r, code); return `${r} ${(100 * s.share).toFixed(1)} % ${s.whole}/${s.panels}`; }).join('  ')}`);
  if (reference.size) console.info(`Words in order per panel, panels in one piece:\n${rows.join('\n')}`);
});

describe.each(READERS)('%s', (reader) => {
  for (const code of LANGUAGES) {
    const check = SHORT.has(`${reader} ${code}`) ? test.failing : test;
    check(`gives at least 99 % of the ${code} words in order, panel by panel`, () => {
      expect(inOrder(reader, code).share).toBeGreaterThanOrEqual(0.99);
    });
  }

  // Words whose glyphs do not map one to one to their letters, read back verbatim.
  const words: [string, string, string][] = [
    ['ar', 'the Arabic endonym', 'العربية'],
    ['ar', 'the Arabic title', 'الاتجار بالبشر'],
    ['hi', 'a Hindi word with an i-matra', 'हिन्दी'],
    ['vi', 'a Vietnamese word with a dot below', 'đọc'],
    ['th', 'a Thai word with marks', 'การค้ามนุษย์'],
  ];
  if (reader === 'pdfjs') {
    // pdf.js cuts a text item at a change of font and gives the items in stream order (stream-order.ts).
    test('gives an Arabic line that starts with a bold word in logical order, with its spaces', () => {
      expect(extracted.get('ar')!.pdfjs.join('\n').normalize('NFC')).toContain('تهريب المهاجرين هو مساعدة شخص');
    });
  }
  // pdf.js adds a zero-width mark with no look at where it is (stream-order.ts); MuPDF must keep reading it, and
  // pdftotext reads a word with marks whole since each stretch has a span of its own text (stretch-span.ts).
  test('gives Arabic words with a final mark before a space verbatim', () => {
    const text = extracted.get('ar')![reader].join('\n').normalize('NFC');
    for (const words of ['الأجر عالٍ بشكل', 'إذا صحّ ولو', 'أعدّ هذا', 'اتصل مجانًا ليلًا ونهارًا']) expect(text).toContain(words.normalize('NFC'));
  });

  if (reader === 'pdftotext') {
    // Blocks of neighbouring panels that line up by chance make a table, whose box spans both panels (TextPage::coalesce):
    // the Russian write-in labels beside the law panel's paragraphs were read before the list item above them,
    // until layout moved a block out of line (keep-out-of-tables.ts).
    test('gives the Russian travel panel whole and in order, the list before the write-in labels', () => {
      const page = reference.get('ru')!.findIndex((panels) => panels.some((p) => p.includes('Держите паспорт')));
      const panel = reference.get('ru')![page].findIndex((p) => p.includes('Держите паспорт'));
      const score = panelsInOrder([reference.get('ru')![page][panel]], extracted.get('ru')!.pdftotext[page], 'ru');
      expect(score.matched).toBe(score.words);
      const text = extracted.get('ru')!.pdftotext[page];
      expect(text.indexOf('Держите паспорт')).toBeGreaterThanOrEqual(0);
      expect(text.indexOf('Держите паспорт')).toBeLessThan(text.indexOf('Человек, которому я доверяю'));
    });
  }

  if (reader === 'pdftotext') {
    // Arabic lines were 1.7 em apart in a 1.703 em box: each overlapped the next by a hair, so poppler's table search
    // took the line after next for the one under a line, and read the line between after it (clear-line-spacing.ts).
    test('gives the Arabic law panel whole and in order, the line under "منذ 28 يونيو" after it', () => {
      const panels = reference.get('ar')!;
      const page = panels.findIndex((texts) => texts.some((p) => p.includes('وحماية اللاجئين')));
      const panel = panels[page].findIndex((p) => p.includes('وحماية اللاجئين'));
      const score = panelsInOrder([panels[page][panel]], extracted.get('ar')!.pdftotext[page], 'ar');
      expect(score.matched).toBe(score.words);
      const text = extracted.get('ar')!.pdftotext[page].normalize('NFC');
      const [above, below] = ['يُجرِّمه قانون'.normalize('NFC'), 'الهجرة وحماية اللاجئين'];
      expect(text.indexOf(above)).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(above)).toBeLessThan(text.indexOf(below));
    });
  }

  for (const [code, what, word] of words) {
    test(`gives ${what} verbatim`, () => {
      expect(extracted.get(code)![reader].join('\n').normalize('NFC')).toContain(word);
    });
  }
});
