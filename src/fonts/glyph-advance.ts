import { perFont } from './per-font';

/** The parts of a fontkit face (2.0) read here: its horizontal metrics table, and whether it varies. */
interface MetricsFace {
  hmtx?: { metrics: { length: number; get(index: number): { advance: number } } };
  _variationProcessor?: unknown;
  getGlyph(id: number): { advanceWidth: number };
}

/**
 * A glyph's advance width in font units, as the font's hmtx table gives it:
 * the width its code gets in the PDF. fontkit's `glyph.advanceWidth` decodes
 * the glyph's outline header first (TTFGlyph._getMetrics wants its box for
 * vertical metrics), which was a fifth of the time of writing a batch's
 * first PDFs. A variable font's advance varies: fontkit's answer is taken.
 */
export const advanceWidth = perFont((font, glyphId: number) => tableAdvance(font.face, glyphId));

/** advanceWidth of a fontkit face's glyph, unremembered: for a glyph read once (the glyph check, verify-font.ts). */
export function tableAdvance(fontkitFace: object, glyphId: number): number {
  const face = fontkitFace as MetricsFace;
  const metrics = face.hmtx?.metrics;
  if (!metrics || metrics.length === 0 || face._variationProcessor) return face.getGlyph(glyphId).advanceWidth;
  // Glyphs after the table's last entry share its advance (OpenType hmtx: a monospaced run at the end).
  return metrics.get(Math.min(glyphId, metrics.length - 1)).advance;
}
