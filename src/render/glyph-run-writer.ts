import PDFDocument from 'pdfkit';
import { Points } from '../core/units';
import { TypesetLine, PlacedRun, ShapedGlyph } from '../text/types';
import { Ink } from '../layout/draw-items';

/**
 * PDFKit lays out text itself and has no call that draws glyphs we have
 * already shaped and positioned. This writes them as PDF text operators
 * through PDFKit's embedded-font object, which still subsets the font and
 * writes the ToUnicode map; it relies on EmbeddedFont's `subset`, `widths`
 * and `unicode` fields (pdfkit 0.17), the same ones its own `_fragment` uses.
 */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

type Doc = InstanceType<typeof PDFDocument> & {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): Doc;
};

const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();

/** Draws a typeset line with its left edge at x and its baseline at `baseline` (top-down page coordinates). */
export function drawLine(pdf: InstanceType<typeof PDFDocument>, line: TypesetLine, x: Points, baseline: Points, colour: Ink, registered: Set<string>): void {
  const doc = pdf as Doc;
  if (line.actualText !== null) doc.markContent('Span', { actual: line.actualText } as never);
  doc.save();
  doc.fillColor(colour);
  // PDFKit flips pages to top-down; flip back to PDF space for text, as PDFKit does.
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const y = doc.page.height - baseline;
  doc.addContent('BT');
  for (const run of line.runs) {
    if (!registered.has(run.font.key)) {
      doc.registerFont(run.font.key, run.font.data);
      registered.add(run.font.key);
    }
    doc.font(run.font.key);
    writeRun(doc, run, x + run.x, y);
  }
  doc.addContent('ET');
  doc.restore();
  if (line.actualText !== null) doc.endMarkedContent();
}

/** Default-ignorable characters (joiners, isolates) shape to invisible zero-width glyphs: not drawn. */
function invisible(glyph: ShapedGlyph): boolean {
  return glyph.xAdvance === 0 && glyph.codePoints.length > 0 &&
    glyph.codePoints.every((c) => /\p{Default_Ignorable_Code_Point}/u.test(String.fromCodePoint(c)));
}

/**
 * Left-to-right runs go out as TJ arrays. Right-to-left runs are written
 * glyph by glyph in logical order, each at its own position, so that text
 * extraction, which follows the content stream, gives the logical text.
 */
function writeRun(doc: Doc, run: PlacedRun, x: Points, y: Points): void {
  const font = doc._font;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const face = run.font.face;
  const toText = 1000 / run.size;
  const unitsToText = 1000 / run.font.unitsPerEm;
  doc.addContent(`/${font.id} ${fmt(run.size)} Tf`);
  const positioned: { glyph: ShapedGlyph; pen: Points }[] = [];
  let pen = x;
  for (const glyph of run.glyphs) {
    positioned.push({ glyph, pen });
    pen += glyph.xAdvance;
  }
  if (run.rtl) positioned.reverse();
  let segment: string[] = [];
  let segmentStart = x;
  let expected = x;
  const flush = () => {
    if (segment.length) doc.addContent(`1 0 0 1 ${fmt(segmentStart)} ${fmt(y)} Tm [${segment.join(' ')}] TJ`);
    segment = [];
  };
  for (const { glyph, pen } of positioned) {
    if (invisible(glyph)) continue;
    const gid = font.subset.includeGlyph(glyph.id);
    const defaultWidth = face.getGlyph(glyph.id).advanceWidth * unitsToText;
    if (font.widths[gid] == null) font.widths[gid] = defaultWidth;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    const hex = `<${gid.toString(16).padStart(4, '0')}>`;
    if (run.rtl || glyph.xOffset !== 0 || glyph.yOffset !== 0) {
      flush();
      doc.addContent(`1 0 0 1 ${fmt(pen + glyph.xOffset)} ${fmt(y + glyph.yOffset)} Tm [${hex}] TJ`);
      continue;
    }
    if (!segment.length || Math.abs(pen - expected) > 0.001) {
      flush();
      segmentStart = pen;
    }
    segment.push(hex);
    const adjust = defaultWidth - glyph.xAdvance * toText;
    if (Math.abs(adjust) > 0.001) segment.push(fmt(adjust));
    expected = pen + glyph.xAdvance;
  }
  flush();
}
