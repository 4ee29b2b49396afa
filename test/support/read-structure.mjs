// Reads what a screen reader and a PDF/UA checker read of a PDF, with MuPDF,
// and prints it as JSON: the catalog's accessibility entries, the structure
// tree (role, language, alternative text, how many marked-content pieces,
// the link targets of its annotations), the XMP packet, the annotations of
// each page, and every drawing operator found outside marked content.
// Usage: node read-structure.mjs file.pdf
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';

const doc = mupdf.Document.openDocument(fs.readFileSync(process.argv[2]), 'application/pdf').asPDF();
const root = doc.getTrailer().get('Root');
const text = (obj) => (obj.isString() ? obj.asString() : null);
const name = (obj) => (obj.isName() ? obj.asName() : null);

function element(obj) {
  const node = { role: name(obj.get('S')), lang: text(obj.get('Lang')), alt: text(obj.get('Alt')), mcids: 0, links: [], children: [] };
  const kids = obj.get('K');
  const list = kids.isArray() ? Array.from({ length: kids.length }, (_, i) => kids.get(i)) : kids.isNull() ? [] : [kids];
  for (const kid of list) {
    if (kid.isNumber()) node.mcids++;
    else if (kid.isDictionary() && name(kid.get('Type')) === 'OBJR') {
      const annotation = kid.get('Obj');
      node.links.push({ uri: text(annotation.get('A').get('URI')), structParent: annotation.get('StructParent').isNumber() ? annotation.get('StructParent').asNumber() : null });
    } else if (kid.isDictionary() && name(kid.get('Type')) === 'MCR') node.mcids++;
    else if (kid.isDictionary()) node.children.push(element(kid));
  }
  return node;
}

// Operators that put marks on the page; each must sit inside BDC/BMC … EMC.
const DRAWING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);
function unmarked(content) {
  const found = [];
  let depth = 0;
  // Strings and hex strings cannot hold operators: skip them.
  const tokens = content.replace(/\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>/g, ' ').split(/[\s\[\]]+/);
  for (const token of tokens) {
    if (token === 'BDC' || token === 'BMC') depth++;
    else if (token === 'EMC') depth--;
    else if (depth === 0 && DRAWING.has(token)) found.push(token);
  }
  return found;
}

const pages = [];
for (let i = 0; i < doc.countPages(); i++) {
  const page = doc.findPage(i);
  const contents = page.get('Contents');
  const streams = contents.isArray() ? Array.from({ length: contents.length }, (_, k) => contents.get(k)) : [contents];
  const content = streams.map((s) => Buffer.from(s.readStream().asUint8Array()).toString('latin1')).join('\n');
  const annots = page.get('Annots');
  const annotations = annots.isArray() ? Array.from({ length: annots.length }, (_, k) => annots.get(k)).map((a) => ({
    subtype: name(a.get('Subtype')), uri: text(a.get('A').get('URI')), rect: [0, 1, 2, 3].map((j) => a.get('Rect').get(j).asNumber()), contents: text(a.get('Contents')),
  })) : [];
  pages.push({ tabs: name(page.get('Tabs')), structParents: page.get('StructParents').isNumber(), annotations, unmarked: unmarked(content) });
}

const tree = root.get('StructTreeRoot');
const kids = tree.isNull() ? null : tree.get('K');
const metadata = root.get('Metadata');
process.stdout.write(JSON.stringify({
  lang: text(root.get('Lang')),
  marked: root.get('MarkInfo').isDictionary() ? root.get('MarkInfo').get('Marked').asBoolean() : false,
  displayDocTitle: root.get('ViewerPreferences').isDictionary() ? root.get('ViewerPreferences').get('DisplayDocTitle').asBoolean() : false,
  structure: kids === null ? null : (kids.isArray() ? Array.from({ length: kids.length }, (_, i) => element(kids.get(i))) : [element(kids)]),
  xmp: metadata.isStream() ? Buffer.from(metadata.readStream().asUint8Array()).toString('utf8') : null,
  pages,
}));
