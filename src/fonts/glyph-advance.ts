import type { LoadedFont } from './font-registry';

/** The parts of a fontkit face (2.0) read here: its horizontal metrics table, and whether it varies. */
interface MetricsFace {
  hmtx?: { metrics: { length: number; get(index: number): { advance: number } } };
  _variationProcessor?: unknown;
  getGlyph(id: number): { advanceWidth: number };
}

/** Per font, the advances asked for so far. */
const advances = new WeakMap<LoadedFont, Map<number, number>>();

/**
 * A glyph's advance width in font units, as the font's hmtx table gives it:
 * the width its code gets in the PDF. fontkit's `glyph.advanceWidth` decodes
 * the glyph's outline header first (TTFGlyph._getMetrics wants its box for
 * vertical metrics), which was a fifth of the time of writing a batch's
 * first PDFs. A variable font's advance varies: fontkit's answer is taken.
 */
export function advanceWidth(font: LoadedFont, glyphId: number): number {
  let known = advances.get(font);
  if (!known) advances.set(font, (known = new Map()));
  let advance = known.get(glyphId);
  if (advance === undefined) {
    known.set(glyphId, (advance = fromTable(font.face as unknown as MetricsFace, glyphId)));
  }
  return advance;
}

function fromTable(face: MetricsFace, glyphId: number): number {
  const metrics = face.hmtx?.metrics;
  if (!metrics || metrics.length === 0 || face._variationProcessor) return face.getGlyph(glyphId).advanceWidth;
  // Glyphs after the table's last entry share its advance (OpenType hmtx: a monospaced run at the end).
  return metrics.get(Math.min(glyphId, metrics.length - 1)).advance;
}
