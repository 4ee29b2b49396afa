import PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';
import { LoadedFont } from '../fonts/font-registry';
import { keepGlyphEntries } from './subset-glyphs';

type Doc = InstanceType<typeof PDFDocument> & {
  _fontFamilies: Record<string, { name?: string }>;
  _registeredFonts: Record<string, { src: unknown }>;
  _fontCount: number;
};

/** PDFKit's embedded-font class, which it does not export: taken from the first one it makes. */
type EmbeddedFontClass = new (doc: Doc, face: fontkit.Font, id: string) => { name?: string; subset: unknown };
let embeddedFontClass: EmbeddedFontClass | undefined;

function embeddedFont(font: LoadedFont): EmbeddedFontClass {
  if (!embeddedFontClass) {
    const scratch = new PDFDocument({ autoFirstPage: false, font: null as never }) as Doc;
    scratch.font(font.data);
    embeddedFontClass = (scratch as unknown as { _font: object })._font.constructor as EmbeddedFontClass;
  }
  return embeddedFontClass;
}

/**
 * Makes `font` the document's current font, embedded from the fontkit face
 * the font registry already parsed. PDFKit opens a font from its bytes, with
 * a new fontkit face per document, and decodes its tables again (the glyph
 * outlines of a CJK font are megabytes) for every PDF of a batch; fontkit
 * decodes each table once and keeps it, so one face per font file serves
 * every PDF of the process. Sharing it is safe: PDFKit's per-document state
 * (the subset, widths and ToUnicode) lives on its embedded-font object, not
 * on the face, and the text each code reads as is set by glyph-codes.ts,
 * never taken from fontkit's glyph cache. The font is set up as PDFKit's
 * own doc.font() would (the next id, listed under its key and its name).
 * Its subset copies glyphs from entries kept per face (subset-glyphs.ts).
 */
export function useFont(pdf: InstanceType<typeof PDFDocument>, font: LoadedFont): void {
  const doc = pdf as Doc;
  if (!doc._fontFamilies[font.key]) {
    const embedded = new (embeddedFont(font))(doc, font.face, `F${++doc._fontCount}`);
    keepGlyphEntries(embedded.subset, font.face);
    doc._registeredFonts[font.key] = { src: font.data };
    doc._fontFamilies[font.key] = embedded;
    if (embedded.name) doc._fontFamilies[embedded.name] = embedded;
  }
  doc.font(font.key);
}
