// Reads a PDF with MuPDF (WASM, an ES module with top-level await, so it runs
// in its own process) and prints what the tests check, as JSON: page sizes,
// text lines with their boxes and fonts, embedded fonts, and the glyph ids
// drawn, per page.
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';

const doc = mupdf.Document.openDocument(fs.readFileSync(process.argv[2]), 'application/pdf');
const pages = [];
for (let i = 0; i < doc.countPages(); i++) {
  const page = doc.loadPage(i);
  const [x0, y0, x1, y1] = page.getBounds();
  const stext = JSON.parse(page.toStructuredText('preserve-whitespace').asJSON());
  const lines = [];
  for (const block of stext.blocks) {
    if (block.type !== 'text') continue;
    for (const line of block.lines) {
      lines.push({ text: line.text, x: line.bbox.x, y: line.bbox.y, w: line.bbox.w, h: line.bbox.h, font: line.font.name, size: line.font.size });
    }
  }
  const pageObj = page.getObject();
  const fonts = [];
  const resources = pageObj.get('Resources').get('Font');
  resources.forEach((value) => {
    const font = value.resolve();
    const descendant = font.get('DescendantFonts');
    const descriptor = descendant.isArray() ? descendant.get(0).resolve().get('FontDescriptor') : font.get('FontDescriptor');
    fonts.push({
      name: font.get('BaseFont').asName(),
      embedded: !!(descriptor.get('FontFile2').isStream() || descriptor.get('FontFile3').isStream() || descriptor.get('FontFile').isStream()),
    });
  });
  const contents = pageObj.get('Contents');
  const streams = contents.isArray() ? Array.from({ length: contents.length }, (_, k) => contents.get(k)) : [contents];
  const content = streams.map((s) => Buffer.from(s.readStream().asUint8Array()).toString('latin1')).join('\n');
  const glyphIds = [...content.matchAll(/<([0-9a-f]{4})>/g)].map((m) => parseInt(m[1], 16));
  pages.push({ width: x1 - x0, height: y1 - y0, lines, fonts, glyphIds, text: page.toStructuredText().asText() });
}
process.stdout.write(JSON.stringify({ pages }));
