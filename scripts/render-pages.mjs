#!/usr/bin/env node
// Renders every page of the given PDFs to PNG beside them (or into --out DIR),
// so a person can look at what the pamphlet really looks like.
// Usage: node scripts/render-pages.mjs [--dpi 110] [--out DIR] file.pdf...
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as mupdf from 'mupdf';

const args = process.argv.slice(2);
let dpi = 110;
let outDir = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dpi') dpi = Number(args[++i]);
  else if (args[i] === '--out') outDir = args[++i];
  else files.push(args[i]);
}
for (const file of files) {
  const doc = mupdf.Document.openDocument(fs.readFileSync(file), 'application/pdf');
  for (let i = 0; i < doc.countPages(); i++) {
    const pixmap = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true);
    const dir = outDir ?? path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const png = path.join(dir, `${path.basename(file, '.pdf')}-${path.basename(path.dirname(file))}-p${i + 1}.png`);
    fs.writeFileSync(png, pixmap.asPNG());
    console.log(png);
  }
}
