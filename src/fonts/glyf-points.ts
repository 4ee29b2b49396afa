/**
 * The boxes of a simple TrueType glyph, read straight from its glyf bytes:
 * the box its header records and the box of its points, on and off the
 * curve. glyphProblem (verify-font.ts) checks both against the font's own
 * box for every character a language prints; fontkit gives them only by
 * decoding the outline into an object per point and a path, and for the
 * thousands of CJK glyphs of a batch that was some 150 ms and 40 MB of
 * garbage (issue 12). The coordinates are read as fontkit's _decodeSimple
 * reads them (OpenType glyf table, "Simple glyph description"), but never
 * past the glyph's own bytes, which fontkit would read on into the next glyph
 * (glyphBytes).
 */

export interface GlyphBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export type GlyfOutline =
  | { kind: 'points'; recorded: GlyphBox; points: GlyphBox }
  /** No contours: nothing is drawn. */
  | { kind: 'empty' }
  /** Built of other glyphs, or in a variable font: left to fontkit, which places the parts. */
  | { kind: 'other' };

/** The parts of a fontkit TrueType face read here. */
interface TrueTypeFace {
  loca?: { offsets: ArrayLike<number> };
  directory?: { tables: { glyf?: { length: number } } };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; buffer: Uint8Array } | null;
}

// Point flags.
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const SAME_X = 0x10;
const SAME_Y = 0x20;
/** numberOfContours and the recorded box: five 16-bit values. */
const HEADER_BYTES = 10;

/** Thrown when a glyph's data ends before its description does, or lies outside its table; reported as damage. */
class GlyphDataError extends Error {}

/**
 * The bytes of glyph `id` in the face's glyf table, where its loca offsets
 * say: a view of the file, never written to. Offsets that run backwards or
 * past the table's end (a damaged loca) are an error, never read on into
 * the tables after it. Also what the subsetter copies (render/subset-glyphs.ts).
 */
export function glyphBytes(face: object, id: number): Uint8Array {
  const font = face as TrueTypeFace;
  const offsets = font.loca?.offsets;
  const table = font.directory?.tables.glyf;
  const stream = font._getTableStream('glyf');
  if (!offsets || !table || !stream) throw new GlyphDataError('the font has no glyf or loca table');
  if (id + 1 >= offsets.length) throw new GlyphDataError(`glyph ${id} is not in the font's loca table`);
  const start = offsets[id];
  const end = offsets[id + 1];
  if (end < start || end > table.length || stream.pos + end > stream.buffer.length) throw new GlyphDataError(`glyph ${id} lies outside the glyf table`);
  return stream.buffer.subarray(stream.pos + start, stream.pos + end);
}

/** Glyph `id` of `face`, read from its glyf bytes (see above). */
export function glyfOutline(face: object, id: number): GlyfOutline {
  const font = face as TrueTypeFace;
  if (!font.loca?.offsets || font._variationProcessor) return { kind: 'other' };
  const bytes = glyphBytes(face, id);
  if (bytes.length === 0) return { kind: 'empty' };
  return simpleGlyph(new DataView(bytes.buffer, bytes.byteOffset, bytes.length));
}

/** A glyph description (its bytes alone): its boxes when it is simple. */
export function simpleGlyph(view: DataView): GlyfOutline {
  if (view.byteLength < HEADER_BYTES) throw new GlyphDataError('its data is shorter than a glyph header');
  const contours = view.getInt16(0);
  if (contours < 0) return { kind: 'other' };
  if (contours === 0) return { kind: 'empty' };
  const recorded = { minX: view.getInt16(2), minY: view.getInt16(4), maxX: view.getInt16(6), maxY: view.getInt16(8) };
  const need = (pos: number, bytes: number) => {
    if (pos + bytes > view.byteLength) throw new GlyphDataError('its points run past the end of its data');
  };
  need(HEADER_BYTES, 2 * contours + 2);
  const count = view.getUint16(HEADER_BYTES + 2 * (contours - 1)) + 1;
  let pos = HEADER_BYTES + 2 * contours;
  pos += 2 + view.getUint16(pos); // the instructions, not read
  // The flags, run-length coded; the x and the y coordinates follow, each coded as its flag says.
  const flagsStart = pos;
  let xBytes = 0;
  for (let point = 0; point < count;) {
    need(pos, 1);
    const flag = view.getUint8(pos++);
    let times = 1;
    if (flag & REPEAT) {
      need(pos, 1);
      times += view.getUint8(pos++);
    }
    // A run that claims more points than the glyph has is cut, as readCoordinates cuts it.
    times = Math.min(times, count - point);
    xBytes += times * (flag & X_SHORT ? 1 : flag & SAME_X ? 0 : 2);
    point += times;
  }
  const points = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  readCoordinates(view, flagsStart, count, pos, X_SHORT, SAME_X, (x) => {
    if (x < points.minX) points.minX = x;
    if (x > points.maxX) points.maxX = x;
  }, need);
  readCoordinates(view, flagsStart, count, pos + xBytes, Y_SHORT, SAME_Y, (y) => {
    if (y < points.minY) points.minY = y;
    if (y > points.maxY) points.maxY = y;
  }, need);
  return { kind: 'points', recorded, points };
}

/**
 * One axis's coordinates, each a delta from the one before: a byte whose
 * sign the `same` bit gives when `short`, else a 16-bit delta, or none when
 * `same` is set alone. The flags are read again from `flagsAt` (run-length
 * coded), so that no array of them is made.
 */
function readCoordinates(
  view: DataView, flagsAt: number, count: number, pos: number, short: number, same: number,
  take: (value: number) => void, need: (pos: number, bytes: number) => void,
): void {
  let value = 0;
  let flagPos = flagsAt;
  for (let point = 0; point < count;) {
    const flag = view.getUint8(flagPos++);
    const times = flag & REPEAT ? 1 + view.getUint8(flagPos++) : 1;
    for (let k = 0; k < times && point < count; k++, point++) {
      if (flag & short) {
        need(pos, 1);
        const delta = view.getUint8(pos++);
        value += flag & same ? delta : -delta;
      } else if (!(flag & same)) {
        need(pos, 2);
        value += view.getInt16(pos);
        pos += 2;
      }
      take(value);
    }
  }
}
