// Numbers and Latin words in right-to-left lines (src/render/ltr-seam.ts,
// stream-order.ts): lines drawn by drawLine, read back by pdf.js, pdftotext
// and MuPDF. MuPDF reverses right-to-left text in place, in stream order, so
// the stretches go out in logical order; the space before a number reaches
// MuPDF from a text object of its own and pdf.js from a step forward.
import * as path from 'node:path';
import { layoutParagraph } from '../../src/text/paragraph';
import { ParagraphStyle, TypesetLine } from '../../src/text/types';
import { wordsOf } from '../support/word-order.cjs';
import { language } from '../support/build';
import { temporaryFolders } from '../support/temp';
import { drawAndRead } from '../support/drawn-lines';

const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: false };
const oneLine = (text: string): TypesetLine => {
  const lines = layoutParagraph([{ text, bold: false }], 500, style, language('ar'));
  expect(lines).toHaveLength(1);
  return lines[0];
};

const TEXTS = [
  'منذ 28 يونيو 2002، يُجرِّمه قانون',
  'المعني بالاتجار بالبشر، بمشاركة 14 وزارة',
  'السجن حتى 14 سنة، وحتى المؤبد إذا',
  'الهجرة وحماية اللاجئين (IRPA)',
  'منذ 25 نوفمبر 2005 (المادة 279.01):',
  // The letter before the seam carries a mark: a glyph of no advance, written before it (its left).
  'مُنذ 28 يونيو',
].map((t) => t.normalize('NFC'));
const lineTexts = (page: string) => page.normalize('NFC').split('\n').map((l) => l.trim()).filter(Boolean);
/** Characters no translation holds: bidi marks and controls. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('a number or a Latin word in a right-to-left line', () => {
  let read: Record<string, string[]>;
  let content = '';
  const tempDir = temporaryFolders('ltr-seam-');
  beforeAll(async () => {
    ({ content, read } = await drawAndRead(TEXTS.map(oneLine), path.join(tempDir(), 'ltr-seams.pdf')));
  }, 60_000);

  it('writes each seam before a number in a text object of its own, and the glyph before it with char spacing', () => {
    // Nine seams: before 28 and 2002, 14, 14, "(IRPA", 25, 2005 and "279.01", and 28.
    expect(content.match(/\nET\nBT\n/g)).toHaveLength(9);
    // Char spacing on the glyph before each seam, and where the pen goes back to punctuation within left-to-right text
    // (the bracket before "IRPA", "A" before ")", "1" before "):"), each on one code alone: on another it would move ink.
    const spaced = [...content.matchAll(/\n(-?[\d.]+) Tc\n([^]*?)\n0 Tc\n/g)].filter((m) => Number(m[1]) !== 0);
    expect(spaced).toHaveLength(12);
    for (const [, , shown] of spaced) expect(shown.match(/<[0-9a-f]{4}>/g)).toHaveLength(1);
  });

  it('MuPDF gives every line back verbatim, each on one line', () => {
    expect(lineTexts(read.mupdf[0])).toEqual(TEXTS);
  });

  it('pdf.js gives every line back verbatim, with its spaces', () => {
    expect(lineTexts(read.pdfjs[0])).toEqual(TEXTS);
  });

  it('neither adds a bidi mark or control to the text', () => {
    expect(read.pdfjs[0]).not.toMatch(BIDI);
    expect(read.mupdf[0]).not.toMatch(BIDI);
  });

  it('pdftotext gives each line word for word, no number joined to the word after it (right-to-left-marks.ts)', () => {
    // Without the right-to-left mark after each left-to-right stretch, "28يونيو" (docs/pdftotext-reading-order.md).
    const lines = lineTexts(read.pdftotext[0].replace(/[\u200e\u200f\u202a-\u202e]/gu, ''));
    expect(lines.map((line) => wordsOf(line, 'ar'))).toEqual(TEXTS.map((text) => wordsOf(text, 'ar')));
    expect(read.pdftotext[0]).toMatch(/28\u202c?\u200f يونيو/u);
  });
});
