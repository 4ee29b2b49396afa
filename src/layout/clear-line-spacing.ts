import { LoadedFont } from '../fonts/font-registry';
import { maxLineSpacingDelta } from './pdftotext-tables';

/**
 * How much further apart than its primary font's box a line spacing is set,
 * as a share of the box: baselines are written to 1/1000 pt
 * (render/baseline-y.ts), and 1/1000 of a box keeps the boxes apart at any
 * size above a point (0.026 pt for Arabic body text at 15 pt).
 */
const CLEARANCE = 1e-3;

/**
 * A script's body line spacing (in em), widened where pdftotext would take
 * two lines for one row.
 *
 * poppler joins a line to the block above it only if its baseline is at most
 * 1.5 times its size lower (TextPage::coalesce, maxLineSpacingDelta): lines
 * set further apart are blocks of their own, and must then lie one wholly
 * under the other. A word's box is its font's ascent to descent times its
 * size; where the primary font's box is taller than the spacing (Noto Naskh
 * Arabic: 1.703 em, Arabic body text 1.7 em apart), each line overlaps the
 * next by a hair (0.045 pt at 15 pt), and the block "under" a line in
 * poppler's table search is the line after next: a table forms over the
 * panels that leaves the line between out, and reads it after the line below
 * it (the Arabic law panel: "الهجرة وحماية اللاجئين (IRPA)" before the line
 * above it). Such a spacing is widened to the box, and a little more; lines
 * poppler joins into one block, and spacings already clear of the box, are
 * as given. It is the body's spacing: display styles set tighter (a theme's
 * leading under 1) scale it and may still overlap, as the Arabic cover's
 * title does by design (docs/pdftotext-reading-order.md).
 */
export function clearLineSpacing(lineSpacing: number, fonts: { regular: LoadedFont[]; bold: LoadedFont[] }): number {
  if (lineSpacing <= maxLineSpacingDelta) return lineSpacing;
  const box = Math.max(...[fonts.regular[0], fonts.bold[0]].map((font) => font.ascent - font.descent));
  return Math.max(lineSpacing, box * (1 + CLEARANCE));
}
