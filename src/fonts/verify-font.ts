import type * as fontkit from 'fontkit';
import { glyfOutline, GlyphBox } from './glyf-points';
import { tableAdvance } from './glyph-advance';

/**
 * Checks of a font file before it is used, because fontkit trusts its input:
 * a file cut short or with damaged bytes either throws deep inside layout or,
 * worse, draws nothing for some letters. Each check returns what is wrong, in
 * words a person can act on, or null when the font is sound.
 */

/** The sfnt versions of a single TrueType or OpenType font. */
const SFNT_VERSIONS = new Set([0x00010000, 0x4f54544f /* OTTO */, 0x74727565 /* true */]);
/** Other formats a font file may be in, named so the message says what to use instead. */
const OTHER_FORMATS: Record<number, string> = {
  0x74746366: 'a font collection (.ttc), not a single font; name one .ttf or .otf file',
  0x774f4646: 'a WOFF web font; use the .ttf or .otf file',
  0x774f4632: 'a WOFF2 web font; use the .ttf or .otf file',
};
/** Tables the tool reads (metrics, character map, outlines); a font without them cannot be used. */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];
/** The spec allows far fewer in practice; a larger count is damage, and bounds the work. */
const MAX_TABLES = 512;

function tagAt(data: Uint8Array, offset: number): string {
  return String.fromCharCode(data[offset], data[offset + 1], data[offset + 2], data[offset + 3]);
}

/**
 * The OpenType table checksum: the sum, modulo 2^32, of the table as
 * big-endian 32-bit words, the last one padded with zeros.
 */
export function tableChecksum(data: Uint8Array, offset: number, length: number): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = offset + length;
  let sum = 0;
  let i = offset;
  for (; i + 4 <= end; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (i < end) {
    let word = 0;
    for (let k = 0; k < 4; k++) word = word * 256 + (i + k < end ? data[i + k] : 0);
    sum = (sum + word) >>> 0;
  }
  return sum;
}

/**
 * Verifies the table directory of a TrueType/OpenType file: its header, that
 * every table lies inside the file, that each table's checksum matches the
 * directory (in `head`, checkSumAdjustment counts as 0), and that the tables
 * the tool reads are there. Random damage (a cut, a bad download, changed
 * bytes) fails here, whatever table it hits. `checksums: false` checks all
 * but the checksums, for a file whose checksums were verified before
 * (verified-fonts.ts).
 */
export function fontFileProblem(data: Uint8Array, { checksums = true } = {}): string | null {
  if (data.length < 12) return `it is ${data.length} bytes long, too short to be a font`;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint32(0);
  if (OTHER_FORMATS[version]) return `it is ${OTHER_FORMATS[version]}`;
  if (!SFNT_VERSIONS.has(version)) return 'it does not start as a TrueType or OpenType font does';
  const count = view.getUint16(4);
  if (count === 0 || count > MAX_TABLES) return `its table directory claims ${count} tables, so it is damaged`;
  const directoryEnd = 12 + 16 * count;
  if (directoryEnd > data.length) return `its table directory runs past the end of the file (${data.length} bytes): the file is cut short`;
  // Every table inside the file, and their lengths adding up to no more than the file (tables do not
  // overlap), before any checksum: so the checksums read the file about once, whatever the directory says.
  let total = 0;
  for (let entry = 12; entry < directoryEnd; entry += 16) {
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    if (offset + length > data.length) {
      return `its table "${tagAt(data, entry).trim()}" (bytes ${offset} to ${offset + length}) runs past the end of the file (${data.length} bytes): the file is cut short`;
    }
    total += length;
  }
  if (total > data.length) return `its table directory claims ${total} bytes of tables in a file of ${data.length}, so it is damaged`;
  const tags = new Set<string>();
  for (let entry = 12; entry < directoryEnd; entry += 16) {
    const tag = tagAt(data, entry);
    if (!/^[\x20-\x7e]{4}$/.test(tag)) return `its table directory has a broken table name at byte ${entry}, so it is damaged`;
    tags.add(tag);
    const expected = view.getUint32(entry + 4);
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    if (offset + length > data.length) {
      return `its table "${tag.trim()}" (bytes ${offset} to ${offset + length}) runs past the end of the file (${data.length} bytes): the file is cut short`;
    }
    if (!checksums) continue;
    let sum = tableChecksum(data, offset, length);
    // checkSumAdjustment (bytes 8-11 of head) is set after the table's checksum was taken.
    if (tag === 'head' && length >= 12) sum = (sum - view.getUint32(offset + 8)) >>> 0;
    if (sum !== expected) return `the checksum of its table "${tag.trim()}" does not match its contents: the file is damaged`;
  }
  const missing = REQUIRED_TABLES.filter((tag) => !tags.has(tag));
  if (!(tags.has('glyf') && tags.has('loca')) && !tags.has('CFF ') && !tags.has('CFF2')) missing.push('glyf or CFF');
  if (missing.length) return `it has no ${missing.map((tag) => `"${tag}"`).join(', ')} table${missing.length > 1 ? 's' : ''}, which the tool needs`;
  return null;
}

/** True for TrueType outlines (glyf), false for CFF: from the sfnt version, which fontFileProblem checked. */
export function hasTrueTypeOutlines(data: Uint8Array): boolean {
  return data.length >= 4 && new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0) !== 0x4f54544f;
}

/** Characters that print ink; their glyph must have an outline (spaces and invisible characters need none). */
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}\p{M}]$/u;

/**
 * Decodes the glyph a font has for one character and checks it against the
 * font's own bounds: fontkit decodes outlines only when a glyph is drawn, and
 * damaged glyph data decodes silently into nothing or into points far off
 * the glyph, which prints as a missing letter. The font's head table bounds
 * every glyph (OpenType spec), and hhea bounds every advance width.
 */
export function glyphProblem(face: fontkit.Font, codePoint: number, trueType: boolean): string | null {
  try {
    const glyph = face.glyphForCodePoint(codePoint);
    // From hmtx, as the PDF will have it: fontkit's glyph.advanceWidth decodes the glyph's header first.
    const advance = tableAdvance(face, glyph.id);
    const widest = face.hhea.advanceWidthMax;
    if (!Number.isFinite(advance) || advance < 0 || advance > widest) {
      return `has an advance width of ${advance} font units, outside the font's own range (0 to ${widest})`;
    }
    const font = face.bbox;
    const outside = (box: GlyphBox) => box.minX < font.minX - 1 || box.minY < font.minY - 1 || box.maxX > font.maxX + 1 || box.maxY > font.maxY + 1
      ? `reaches outside the font's own bounds (${Math.round(box.minX)},${Math.round(box.minY)} to ${Math.round(box.maxX)},${Math.round(box.maxY)}; the font: ${font.minX},${font.minY} to ${font.maxX},${font.maxY})`
      : null;
    const empty = () => (VISIBLE.test(String.fromCodePoint(codePoint)) ? 'has no outline, so it would print as nothing' : null);
    // TrueType: the box of the points, on and off the curve, and the box the glyph records. Both are
    // what the font's own box bounds (it is the union of the glyphs' recorded boxes, which hold every point),
    // and the points' box holds the drawn outline. A simple glyph's are read from its bytes (glyf-points.ts).
    const simple = trueType ? glyfOutline(face, glyph.id) : null;
    if (simple?.kind === 'empty') return empty();
    if (simple?.kind === 'points') return outside(simple.points) ?? outside(simple.recorded);
    // A compound glyph: the boxes of the outline fontkit builds of its parts. CFF: the outline's exact box
    // (its control points may stick out of the font's tight box).
    const outline = glyph.path;
    if (outline.commands.length === 0) return empty();
    for (const box of trueType ? [outline.cbox, glyph.cbox] : [glyph.bbox]) {
      const problem = outside(box);
      if (problem) return problem;
    }
    return null;
  } catch (error) {
    return `cannot be decoded (${(error as Error).message})`;
  }
}

