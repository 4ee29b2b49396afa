// Reads what a printer or a print shop looks at in a PDF, with MuPDF, and
// prints it as JSON: each page's MediaBox, BleedBox and TrimBox (bottom-up
// points, as written), its content streams' colour operators, the
// document's /ViewerPreferences, the fonts' BaseFont names, whether
// DeviceRGB is named anywhere in the file (every stream decompressed), and
// what makes it a PDF/X file: the header's version, the output intents
// with their profile's header, the Info entries and the XMP packet, and the
// annotations on each page.
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';

const bytes = fs.readFileSync(process.argv[2]);
const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
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
  const annotations = page.get('Annots');
  pages.push({ mediaBox: boxOf(page, 'MediaBox'), bleedBox: boxOf(page, 'BleedBox'), trimBox: boxOf(page, 'TrimBox'), colours: colourOperators(content), annotations: annotations.isArray() ? annotations.length : 0 });
}
const text = (value) => (value.isString() ? value.asString() : value.isName() ? `/${value.asName()}` : null);
/** An ICC profile's header: its size, version, class, colour space and connection space (ICC.1, 7.2). */
function profileHeader(stream) {
  const icc = Buffer.from(stream.readStream().asUint8Array());
  return { n: stream.get('N').asNumber(), bytes: icc.length, size: icc.readUInt32BE(0), version: icc[8], deviceClass: icc.toString('latin1', 12, 16), colourSpace: icc.toString('latin1', 16, 20), pcs: icc.toString('latin1', 20, 24), signature: icc.toString('latin1', 36, 40) };
}
const root = doc.getTrailer().get('Root');
const intents = root.get('OutputIntents');
const outputIntents = intents.isArray() ? Array.from({ length: intents.length }, (_, i) => {
  const intent = intents.get(i);
  return { s: text(intent.get('S')), identifier: text(intent.get('OutputConditionIdentifier')), registry: text(intent.get('RegistryName')), info: text(intent.get('Info')), profile: profileHeader(intent.get('DestOutputProfile')) };
}) : [];
const info = {};
doc.getTrailer().get('Info').forEach((value, key) => { info[key] = text(value.resolve()); });
const metadata = root.get('Metadata');
const xmp = metadata.isStream() ? Buffer.from(metadata.readStream().asUint8Array()).toString('utf8') : '';
const header = bytes.subarray(0, 8).toString('latin1');
const preferences = doc.getTrailer().get('Root').get('ViewerPreferences');
const viewer = {};
if (preferences.isDictionary()) preferences.forEach((value, key) => { viewer[key] = value.isName() ? value.asName() : String(value); });
const whole = Buffer.from(doc.saveToBuffer('decompress').asUint8Array()).toString('latin1');
process.stdout.write(JSON.stringify({ pages, viewer, fonts: [...fonts], deviceRgb: whole.includes('/DeviceRGB'), deviceGray: whole.includes('/DeviceGray'), header, outputIntents, info, xmp }));
