// Marks set with no advance (src/render/mark-spans.ts): a letter and the
// marks after it go into one /ActualText span, so that pdftotext reads them
// where the letter is, while the glyph codes (for pdf.js) and the ink stay
// as they were. Checked on real output: lines drawn by drawLine, read back
// by pdf.js, pdftotext and MuPDF.
import * as path from 'node:path';
import { markSpans, actualTextSpan } from '../../src/render/mark-spans';
import { layoutParagraph } from '../../src/text/paragraph';
import { ParagraphStyle, TypesetLine } from '../../src/text/types';
import { language } from '../support/build';
import { temporaryFolders } from '../support/temp';
import { drawAndRead } from '../support/drawn-lines';

const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: false };
const oneLine = (code: string, text: string): TypesetLine => {
  const lines = layoutParagraph([{ text, bold: false }], 1000, style, language(code));
  expect(lines).toHaveLength(1);
  return lines[0];
};

// Words that pdftotext broke before: stacked marks, marks ahead of the pen, a candrabindu, a virama.
const LINES: [string, string][] = [
  ['th', 'ถ้าคุณตกอยู่ในอันตราย'],
  ['th', 'ตลอด 24 ชั่วโมง'],
  ['th', 'ผู้ค้ามนุษย์ควบคุมตัว'],
  ['th', 'ตั้งแต่วันที่ 28 มิถุนายน'],
  ['hi', 'उसे बुरी तरह चोट पहुँचाए'],
  ['hi', 'किसी भी फोन से मुफ्त कॉन्ट्रैक्ट'],
];

describe('mark spans', () => {
  it('gives a letter the text of the zero-advance marks after it, and ends the span at its last mark', () => {
    const line = oneLine('th', 'อยู่ใน');
    const glyphs = line.runs.flatMap((r) => r.glyphs).map((glyph) => ({ glyph, text: glyph.text }));
    const spans = markSpans(glyphs.map((g) => g.glyph), glyphs.map((g) => g.text), glyphs.map(() => false));
    const yo = glyphs.find((g) => g.text === 'ย')!.glyph;
    expect(spans.letters.get(yo)).toBe('ยู่');
    // ู and ่ are stacked marks of no advance after ย; the span ends after the second.
    const at = glyphs.findIndex((g) => g.glyph === yo);
    expect(glyphs.slice(at + 1, at + 3).map((g) => [g.text, g.glyph.xAdvance])).toEqual([['ู', 0], ['่', 0]]);
    expect(spans.ends.has(glyphs[at + 2].glyph)).toBe(true);
    // Letters with no marks after them get no span.
    expect(spans.letters.size).toBe(1);
  });

  it('writes the span text as a PDF text string in UTF-16 with its byte order mark', () => {
    expect(actualTextSpan('ยู่')).toBe('/Span <</ActualText <FEFF0E220E390E48>>> BDC');
    expect(actualTextSpan('𝐀')).toBe('/Span <</ActualText <FEFFD835DC00>>> BDC');
  });

  describe('read back by pdf.js, pdftotext and MuPDF', () => {
    let read: Record<string, string[]>;
    let content = '';
    const tempDir = temporaryFolders('mark-spans-');
    beforeAll(async () => {
      ({ content, read } = await drawAndRead(LINES.map(([code, text]) => oneLine(code, text)), path.join(tempDir(), 'marks.pdf')));
    }, 60_000);

    it('writes spans', () => {
      expect(content).toContain('/ActualText <FEFF0E220E390E48>');
    });

    for (const reader of ['pdfjs', 'pdftotext', 'mupdf']) {
      it(`${reader} gives every line back verbatim`, () => {
        const lines = read[reader][0].split('\n').map((l) => l.trim()).filter(Boolean);
        expect(lines).toEqual(LINES.map(([, text]) => text));
      });
    }
  });
});
