#!/usr/bin/env node
// Renders every page of the given PDFs to PNG beside them (or into --out DIR),
// so a person can look at what the pamphlet really looks like.
// --grey: as an office photocopier copies it in black and white: grey only,
// light tints (under about 15 % ink) dropped to white, dark tones (over
// about 70 %) pushed to black, the rest kept as a grey. A callout whose fill
// drops out keeps its keyline; grey text that breaks up shows here.
// Usage: node scripts/render-pages.mjs [--dpi 110] [--grey] [--out DIR] file.pdf...
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as mupdf from 'mupdf';

const args = process.argv.slice(2);
let dpi = 110;
let outDir = null;
let grey = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dpi') dpi = Number(args[++i]);
  else if (args[i] === '--out') outDir = args[++i];
  else if (args[i] === '--grey') grey = true;
  else files.push(args[i]);
}
for (const file of files) {
  const doc = mupdf.Document.openDocument(fs.readFileSync(file), 'application/pdf');
  for (let i = 0; i < doc.countPages(); i++) {
    const pixmap = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), grey ? mupdf.ColorSpace.DeviceGray : mupdf.ColorSpace.DeviceRGB, false, true);
    if (grey) photocopy(pixmap.getPixels());
    const dir = outDir ?? path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const png = path.join(dir, `${path.basename(file, '.pdf')}-${path.basename(path.dirname(file))}-p${i + 1}${grey ? '-grey' : ''}.png`);
    fs.writeFileSync(png, pixmap.asPNG());
    console.log(png);
  }
}

/** A photocopier's tone curve on grey samples (0 black, 255 white), in place. */
function photocopy(samples) {
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i];
    samples[i] = v >= 217 ? 255 : v <= 77 ? 0 : Math.round(((v - 77) / (217 - 77)) * 255);
  }
}
