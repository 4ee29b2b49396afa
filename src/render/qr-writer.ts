import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { Points } from '../core/units';

/** Draws a QR code (error correction M) as filled squares, one path for all dark modules. */
export function drawQr(doc: InstanceType<typeof PDFDocument>, value: string, x: Points, y: Points, size: Points, colour: string): void {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
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
