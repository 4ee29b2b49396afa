// Reads what a PDF draws, with MuPDF, and prints it as JSON per page: the
// image XObjects in the page's resources (with their pixel size), every
// image drawn (with its box on the page), every filled and stroked path
// (with its box and colour), and every run of text with its colour and size,
// in top-down points.
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';

const doc = mupdf.Document.openDocument(fs.readFileSync(process.argv[2]), 'application/pdf');
const box = (r) => ({ x: r[0], y: r[1], w: r[2] - r[0], h: r[3] - r[1] });
/** A path's box on the page: its points (and curves' control points) through the matrix. */
function pathBox(path, ctm) {
  const r = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (x, y) => {
    const [px, py] = [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
    r[0] = Math.min(r[0], px); r[1] = Math.min(r[1], py); r[2] = Math.max(r[2], px); r[3] = Math.max(r[3], py);
  };
  path.walk({ moveTo: add, lineTo: add, curveTo: (a, b, c, d, e, f) => { add(a, b); add(c, d); add(e, f); } });
  return box(r);
}
const pages = [];
for (let i = 0; i < doc.countPages(); i++) {
  const page = doc.loadPage(i);
  const xobjects = [];
  const resources = page.getObject().get('Resources').get('XObject');
  if (resources.isDictionary()) {
    resources.forEach((value, key) => {
      const object = value.resolve();
      xobjects.push({ name: String(key), subtype: object.get('Subtype').asName(), width: object.get('Width').asNumber(), height: object.get('Height').asNumber() });
    });
  }
  const images = [];
  const fills = [];
  const shades = [];
  const strokes = [];
  const texts = [];
  const device = new mupdf.Device({
    strokePath(path, stroke, ctm, colorspace, color) { strokes.push({ colour: color.map((c) => Math.round(c * 255)), ...pathBox(path, ctm) }); },
    fillText(text, ctm, colorspace, color) {
      let chars = '';
      let size = 0;
      text.walk({ showGlyph(font, trm, glyph, unicode) {
        if (unicode > 0) chars += String.fromCodePoint(unicode);
        // The glyph's size on the page: its matrix's vertical scale through the page's.
        size = Math.max(size, Math.hypot(trm[2] * ctm[0] + trm[3] * ctm[2], trm[2] * ctm[1] + trm[3] * ctm[3]));
      } });
      texts.push({ text: chars, size: Math.round(size * 100) / 100, colour: color.map((c) => Math.round(c * 255)) });
    },
    fillImage(image, ctm) { images.push({ width: image.getWidth(), height: image.getHeight(), ...box(mupdf.Rect.transform([0, 0, 1, 1], ctm)) }); },
    fillPath(path, evenOdd, ctm, colorspace, color) { fills.push({ colour: color.map((c) => Math.round(c * 255)), ...pathBox(path, ctm) }); },
    fillShade(shade, ctm) { shades.push(box(shade.getBounds(ctm))); },
  });
  page.run(device, mupdf.Matrix.identity);
  device.close();
  pages.push({ xobjects, images, fills, shades, strokes, texts });
}
process.stdout.write(JSON.stringify({ pages }));
