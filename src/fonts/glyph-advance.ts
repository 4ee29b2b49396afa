import { perFont } from './per-font';

/** The parts of a fontkit face (2.0) read here: its horizontal metrics table, and whether it varies. */
interface MetricsFace {
  hmtx?: { metrics: { length: number; get(index: number): { advance: number } } };
  _variationProcessor?: unknown;
  getGlyph(id: number): { advanceWidth: number };
}

/** The parts of a fontkit face (2.0) where its hmtx entries are: its file, its table directory, and the counts hhea and maxp give. */
interface TableFace {
  stream?: { buffer?: Uint8Array };
  directory?: { tables: Record<string, { offset: number; length: number } | undefined> };
  hhea?: { numberOfMetrics?: number };
  maxp?: { numGlyphs?: number };
  _variationProcessor?: unknown;
}

/**
 * A glyph's advance width in font units, as the font's hmtx table gives it:
 * the width its code gets in the PDF. fontkit's `glyph.advanceWidth` decodes
 * the glyph's outline header first (TTFGlyph._getMetrics wants its box for
 * vertical metrics), which was a fifth of the time of writing a batch's
 * first PDFs. A variable font's advance varies: fontkit's answer is taken.
 */
export const advanceWidth = perFont((font, glyphId: number) => tableAdvance(font.face, glyphId));

/** advanceWidth of a fontkit face's glyph, unremembered: for a glyph read once (the glyph check, verify-font.ts). */
export function tableAdvance(fontkitFace: object, glyphId: number): number {
  const entry = hmtxEntry(fontkitFace, glyphId);
  if (entry) return entry.advance;
  const face = fontkitFace as MetricsFace;
  const metrics = face.hmtx?.metrics;
  if (!metrics || metrics.length === 0 || face._variationProcessor) return face.getGlyph(glyphId).advanceWidth;
  // Glyphs after the table's last entry share its advance (OpenType hmtx: a monospaced run at the end).
  return metrics.get(Math.min(glyphId, metrics.length - 1)).advance;
}

/** Where a static face's hmtx entries lie in its file. */
interface HmtxPlace {
  view: DataView;
  offset: number;
  /** hhea's numberOfMetrics: entries of an advance and a bearing. */
  count: number;
  /** Bearings after them, one per glyph left (maxp's numGlyphs less count), where the table holds them all. */
  bearings: number;
}

const places = new WeakMap<object, HmtxPlace | null>();

/**
 * A glyph's hmtx entry, its advance and left side bearing, read from the face's file as fontkit's
 * hmtx table reads it (TTFGlyph._getTableMetrics: a glyph after the last entry has its advance and a
 * bearing of its own, 0 past maxp's count), but a few bytes at a time: fontkit decodes each entry
 * through its table parser, some 6 µs apiece. Null where fontkit is to answer: a variable face, or a
 * table that does not hold what hhea and maxp count (fontkit would read on into the next table).
 */
export function hmtxEntry(fontkitFace: object, glyphId: number): { advance: number; bearing: number } | null {
  const place = hmtxPlace(fontkitFace);
  if (!place || !(glyphId >= 0)) return null;
  const { view, offset, count, bearings } = place;
  if (glyphId < count) return { advance: view.getUint16(offset + 4 * glyphId), bearing: view.getInt16(offset + 4 * glyphId + 2) };
  if (bearings < 0) return null;
  const extra = glyphId - count;
  return { advance: view.getUint16(offset + 4 * (count - 1)), bearing: extra < bearings ? view.getInt16(offset + 4 * count + 2 * extra) : 0 };
}

function hmtxPlace(fontkitFace: object): HmtxPlace | null {
  let place = places.get(fontkitFace);
  if (place !== undefined) return place;
  place = null;
  const face = fontkitFace as TableFace;
  const buffer = face.stream?.buffer;
  const table = face.directory?.tables.hmtx;
  const count = face.hhea?.numberOfMetrics;
  const glyphs = face.maxp?.numGlyphs;
  if (!face._variationProcessor && buffer && table && typeof count === 'number' && typeof glyphs === 'number' && count > 0
    && 4 * count <= table.length && table.offset + table.length <= buffer.length) {
    // -1: the table is cut short of maxp's bearings; glyphs past its entries are fontkit's to answer.
    const bearings = 4 * count + 2 * Math.max(0, glyphs - count) <= table.length ? Math.max(0, glyphs - count) : -1;
    place = { view: new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength), offset: table.offset, count, bearings };
  }
  places.set(fontkitFace, place);
  return place;
}
