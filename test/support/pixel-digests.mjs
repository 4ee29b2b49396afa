// Renders each page of a PDF with MuPDF, as scripts/render-pages.mjs does, and
// prints a SHA-256 of its pixels per page as JSON: two files whose digests
// are equal put the same ink on the page, pixel for pixel.
// Usage: node pixel-digests.mjs file.pdf [dpi]
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';

const [file, dpi = '100'] = process.argv.slice(2);
const doc = mupdf.Document.openDocument(fs.readFileSync(file), 'application/pdf');
const digests = [];
for (let i = 0; i < doc.countPages(); i++) {
  const pixmap = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(Number(dpi) / 72, Number(dpi) / 72), mupdf.ColorSpace.DeviceRGB, false, true);
  digests.push(createHash('sha256').update(pixmap.getPixels()).digest('hex'));
}
process.stdout.write(JSON.stringify(digests));
