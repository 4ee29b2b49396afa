import { Points } from '../core/units';
import { ICON_STROKE, ICON_UNITS } from '../icons/pictogram';
import { Ink } from '../layout/draw-items';
import { RecordedOperators } from './recorded-operators';

/** An icon path's operators, parsed from its SVG text once for every PDF of the process (recorded-operators.ts). */
const iconPaths = new RecordedOperators();

/** Draws a pictogram's paths as line art, scaled from its 24-unit square to `size`, with round caps and joins as designed. */
export function drawIcon(doc: PDFKit.PDFDocument, paths: string[], x: Points, y: Points, size: Points, colour: Ink): void {
  doc.save();
  doc.translate(x, y).scale(size / ICON_UNITS);
  doc.lineWidth(ICON_STROKE).lineCap('round').lineJoin('round').strokeColor(colour);
  for (const d of paths) {
    iconPaths.write(doc as PDFKit.PDFDocument & { addContent(op: string): unknown }, d, (recorder) => (recorder.path(d), true));
    doc.stroke();
  }
  doc.restore();
}
