import { ShapedGlyph } from '../text/types';

/**
 * What the PDF writer asks of a glyph's text when it orders and writes a
 * line (stream-order.ts, ltr-seam.ts, glyph-run-writer.ts): one test each,
 * so that the stages agree on what a space or a mark is.
 */

/** A nonspacing mark anywhere in a text: pdf.js takes a glyph whose text holds one for a mark of no width. */
export const NONSPACING_MARK = /\p{Mn}/u;

/** A glyph that stands for whitespace only. */
export const isSpaceGlyph = (glyph: ShapedGlyph): boolean => /^\s+$/u.test(glyph.text);
