// Reads what a printer or a print shop looks at in a PDF, with MuPDF, and
// prints it as JSON: each page's MediaBox, BleedBox and TrimBox (bottom-up
// points, as written), its content streams' colour operators, the
// document's /ViewerPreferences, the fonts' BaseFont names, and whether
// DeviceRGB is named anywhere in the file (every stream decompressed).
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';

const doc = mupdf.Document.openDocument(fs.readFileSync(process.argv[2]), 'application/pdf');
const boxOf = (page, name) => {
  const box = page.get(name);
  return box.isArray() ? Array.from({ length: box.length }, (_, i) => box.get(i).asNumber()) : null;
};
/** Colour operators of a content stream, with their operands: strings and inline data taken out first, so that text never reads as an operator. */
function colourOperators(content) {
  const bare = content.replace(/\((?:\\.|[^\\)])*\)/gs, '()').replace(/<[0-9a-fA-F\s]*>/g, '<>');
  const tokens = bare.split(/\s+/).filter(Boolean);
  const found = [];
  tokens.forEach((token, i) => {
    if (['rg', 'RG', 'g', 'G', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN'].includes(token)) {
      let j = i - 1;
      while (j >= 0 && /^[-+.\d]+$|^\/\w+$/.test(tokens[j]) && i - j <= 4) j--;
      found.push({ op: token, operands: tokens.slice(j + 1, i).join(' ') });
    }
  });
  return found;
}
const pages = [];
const fonts = new Set();
for (let i = 0; i < doc.countPages(); i++) {
  const page = doc.loadPage(i).getObject();
  const contents = page.get('Contents');
  const streams = contents.isArray() ? Array.from({ length: contents.length }, (_, k) => contents.get(k)) : [contents];
  const content = streams.map((s) => Buffer.from(s.readStream().asUint8Array()).toString('latin1')).join('\n');
  page.get('Resources').get('Font').forEach((value) => fonts.add(value.resolve().get('BaseFont').asName()));
  pages.push({ mediaBox: boxOf(page, 'MediaBox'), bleedBox: boxOf(page, 'BleedBox'), trimBox: boxOf(page, 'TrimBox'), colours: colourOperators(content) });
}
const preferences = doc.getTrailer().get('Root').get('ViewerPreferences');
const viewer = {};
if (preferences.isDictionary()) preferences.forEach((value, key) => { viewer[key] = value.isName() ? value.asName() : String(value); });
const whole = Buffer.from(doc.saveToBuffer('decompress').asUint8Array()).toString('latin1');
process.stdout.write(JSON.stringify({ pages, viewer, fonts: [...fonts], deviceRgb: whole.includes('/DeviceRGB'), deviceGray: whole.includes('/DeviceGray') }));
