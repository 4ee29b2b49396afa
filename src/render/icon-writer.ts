import { Points } from '../core/units';
import { ICON_STROKE, ICON_UNITS } from '../icons/pictogram';
import { Ink } from '../layout/draw-items';

/** Draws a pictogram's paths as line art, scaled from its 24-unit square to `size`, with round caps and joins as designed. */
export function drawIcon(doc: PDFKit.PDFDocument, paths: string[], x: Points, y: Points, size: Points, colour: Ink): void {
  doc.save();
  doc.translate(x, y).scale(size / ICON_UNITS);
  doc.lineWidth(ICON_STROKE).lineCap('round').lineJoin('round').strokeColor(colour);
  for (const d of paths) doc.path(d).stroke();
  doc.restore();
}
