import PDFDocument from 'pdfkit';
import { FontRegistry } from '../../src/fonts/font-registry';
import { useFont } from '../../src/render/embed-font';
import { codeFor, codeOperand, EmbeddedFont } from '../../src/render/glyph-codes';

/**
 * A glyph's TJ operand is made once per code (glyph-codes.ts) and kept:
 * it must stay the operand of the code codeFor gives, for a glyph drawn
 * again, for the same glyph under another text (a copy, a new code), and
 * in another document (its own codes, its own operands).
 */
const fonts = FontRegistry.default();
const font = fonts.font('NotoSans', 'regular');

function embedded(): EmbeddedFont {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as never });
  useFont(doc, font);
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

const hex = (code: number) => `<${code.toString(16).padStart(4, '0')}>`;
const glyphO = font.face.glyphForCodePoint(0x6f).id;

describe('glyph code operands', () => {
  it('is the code codeFor gives, written as four hex digits, for each glyph, text and width', () => {
    const pdf = embedded();
    const o = codeOperand(pdf, glyphO, 'o', 500);
    expect(o).toBe(hex(codeFor(pdf, glyphO, 'o', 500)));
    // Drawn again: the same code and operand, no copy in the subset.
    const glyphs = pdf.subset.glyphs.length;
    expect(codeOperand(pdf, glyphO, 'o', 500)).toBe(o);
    expect(pdf.subset.glyphs.length).toBe(glyphs);
    // The same glyph read as another text (ọ's o): a copy under a new code, with its own operand.
    const copy = codeOperand(pdf, glyphO, 'ọ', 500);
    expect(copy).not.toBe(o);
    expect(copy).toBe(hex(pdf.subset.glyphs.length - 1));
    expect(pdf.unicode[parseInt(copy.slice(1, -1), 16)]).toEqual([0x1ecd]);
  });

  it('gives each document the operands of its own codes', () => {
    const first = embedded();
    codeOperand(first, font.face.glyphForCodePoint(0x61).id, 'a', 600);
    const a = codeOperand(first, glyphO, 'o', 500);
    const second = embedded();
    const b = codeOperand(second, glyphO, 'o', 500);
    expect(b).toBe(hex(codeFor(second, glyphO, 'o', 500)));
    expect(b).not.toBe(a);
  });
});
