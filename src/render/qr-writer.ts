import PDFDocument from 'pdfkit';
import { PamphletError } from '../core/errors';
import { Points } from '../core/units';
import { encodeQr } from '../facts/qr-payload';
import { Ink } from '../layout/draw-items';

/**
 * Draws a QR code (error correction M) as filled squares, one path for all
 * dark modules. The data check refuses values that do not encode; this
 * guards the writer against any other caller, with an error naming the value.
 */
export function drawQr(doc: InstanceType<typeof PDFDocument>, value: string, x: Points, y: Points, size: Points, colour: Ink): void {
  const encoded = encodeQr(value);
  if ('problem' in encoded) {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    throw new PamphletError(`the QR code's value ${JSON.stringify(shown)} cannot be printed: it is ${encoded.problem}. Use a shorter address.`);
  }
  const { modules } = encoded.code;
  const n = modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) { col++; continue; }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fillColor(colour).fill();
}
