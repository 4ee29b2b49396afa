// Right-to-left lines go out in stretches, each in one /ActualText span of
// its codes' own text (src/render/stretch-span.ts): pdftotext reads an
// Arabic word with marks whole, where it made a word of each glyph set off
// the baseline; pdf.js and MuPDF read what they read without the spans.
// Checked on real output: lines drawn by drawLine, read back by pdf.js,
// pdftotext and MuPDF.
import * as path from 'node:path';
import { StretchSpan } from '../../src/render/stretch-span';
import { layoutParagraph } from '../../src/text/paragraph';
import { ParagraphStyle, TypesetLine } from '../../src/text/types';
import { wordsOf } from '../support/word-order.cjs';
import { language } from '../support/build';
import { temporaryFolders } from '../support/temp';
import { drawAndRead } from '../support/drawn-lines';

const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: false };
const oneLine = (spans: { text: string; bold: boolean }[]): TypesetLine => {
  const lines = layoutParagraph(spans, 500, style, language('ar'));
  expect(lines).toHaveLength(1);
  return lines[0];
};

// Words with a tanwin, a shadda or a kasra drawn off the baseline, which pdftotext broke before; a line in two fonts.
const LINES: { text: string; bold: boolean }[][] = [
  [{ text: 'اتصل مجانًا ليلًا ونهارًا', bold: false }],
  [{ text: 'أعدّ هذا الكتيّب فريق العمل', bold: false }],
  [{ text: 'يطلبون منك أن تُبقي الأمر سرًّا', bold: false }],
  [{ text: 'الأجر عالٍ بشكل لا يُصدَّق', bold: false }],
  [{ text: 'تهريب المهاجرين', bold: true }, { text: ' هو مساعدة شخص', bold: false }],
];
const texts = LINES.map((spans) => spans.map((s) => s.text).join(''));
// poppler wraps each right-to-left line in bidi embedding controls of its own (word-order.cjs), and puts a space of
// its own between two stretches, beside the one the later stretch's code holds for pdf.js (stream-order.ts).
const lineTexts = (page: string) => page.replace(/[\u202a-\u202e]/g, '').replace(/ {2,}/g, ' ').normalize('NFC').split('\n').map((l) => l.trim()).filter(Boolean);

describe('stretch spans', () => {
  it('holds a stretch back and writes it in a span of its codes\u2019 text, in the order they were written', () => {
    const span = new StretchSpan();
    span.add('/F1 10 Tf');
    span.read('\u0644\u0627');
    span.add('[<0001> <0002>] TJ');
    span.read(' ');
    expect(span.content()).toEqual(['/Span <</ActualText <FEFF064406270020>>> BDC', '/F1 10 Tf', '[<0001> <0002>] TJ', 'EMC']);
  });

  it('writes a stretch that shows no text as it is', () => {
    const span = new StretchSpan();
    span.add('/F1 10 Tf');
    span.read('');
    expect(span.content()).toEqual(['/F1 10 Tf']);
  });

  describe('read back by pdf.js, pdftotext and MuPDF', () => {
    let read: Record<string, string[]>;
    let content = '';
    const tempDir = temporaryFolders('stretch-spans-');
    beforeAll(async () => {
      ({ content, read } = await drawAndRead(LINES.map((spans) => oneLine(spans)), path.join(tempDir(), 'stretches.pdf')));
    }, 60_000);

    it('writes one span per stretch: one for each line in one font, two for the line in two', () => {
      expect(content.match(/\/ActualText/g)).toHaveLength(LINES.length + 1);
    });

    it('pdftotext gives every line back verbatim', () => {
      expect(lineTexts(read.pdftotext[0])).toEqual(texts.map((t) => t.normalize('NFC')));
    });

    it('pdf.js gives every line back verbatim', () => {
      expect(lineTexts(read.pdfjs[0])).toEqual(texts.map((t) => t.normalize('NFC')));
    });

    it('MuPDF gives every word back in order', () => {
      expect(wordsOf(read.mupdf[0], 'ar')).toEqual(wordsOf(texts.join('\n'), 'ar'));
    });
  });
});
