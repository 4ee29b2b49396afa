/**
 * Character codes (CIDs) for glyphs, one per glyph, text and width, so that every
 * code's ToUnicode entry is exact. PDFKit gives a glyph one code and maps it
 * to the text of its first use, but one glyph may stand for several texts:
 * an Arabic skeleton for ب ت ث ن ي (the dots are glyphs of their own), a
 * Latin "o" for o and ọ (the dot below is another glyph), a consonant that
 * carries its whole cluster "हि" or nothing. Each further text gets a copy of
 * the glyph in the subset under a new code. Relies on PDFKit's EmbeddedFont
 * fields (`subset`, `widths`, `unicode`) and fontkit's Subset `glyphs` list,
 * in which each entry is written out as a glyph of its own.
 */
export interface EmbeddedFont {
  id: string;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/**
 * Per embedded font: glyph id, then text, then width, to code: looked up per
 * glyph drawn, so keyed by the values as they are (no key string to build,
 * no number to format, for every glyph).
 */
const codes = new WeakMap<EmbeddedFont, Map<number, Map<string, Map<number, number>>>>();

/**
 * The code to write glyph `glyphId` with so that readers read `text` for it
 * ('' for none); `width` is the glyph's advance in text space units (1/1000 em).
 */
export function codeFor(font: EmbeddedFont, glyphId: number, text: string, width: number): number {
  let known = codes.get(font);
  if (!known) codes.set(font, (known = new Map()));
  let byText = known.get(glyphId);
  if (!byText) known.set(glyphId, (byText = new Map()));
  let byWidth = byText.get(text);
  if (!byWidth) byText.set(text, (byWidth = new Map()));
  const found = byWidth.get(width);
  if (found !== undefined) return found;
  let code = font.subset.includeGlyph(glyphId);
  if (font.unicode[code] != null) {
    // The glyph's code already reads as another text (or has another width): a copy of the glyph under a new code.
    font.subset.glyphs.push(glyphId);
    code = font.subset.glyphs.length - 1;
  }
  font.widths[code] = width;
  font.unicode[code] = Array.from(text, (c) => c.codePointAt(0)!);
  byWidth.set(width, code);
  return code;
}

/** Each code's TJ string operand, by code: made once per code, not once per glyph drawn (a code's operand is the same in every font). */
const operands: string[] = [];

/** The TJ string operand (`<0041>`) of the code codeFor gives. */
export function codeOperand(font: EmbeddedFont, glyphId: number, text: string, width: number): string {
  const code = codeFor(font, glyphId, text, width);
  return (operands[code] ??= `<${code.toString(16).padStart(4, '0')}>`);
}
