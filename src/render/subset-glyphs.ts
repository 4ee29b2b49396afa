import type * as fontkit from 'fontkit';
import { glyphBytes } from '../fonts/glyf-points';
import { hmtxEntry } from '../fonts/glyph-advance';
import { perFont } from '../fonts/per-font';

/**
 * fontkit's TrueType subsetter (TTFSubset._addGlyph) decodes every glyph it
 * copies in full, each point of its outline, only to learn whether it is
 * built of other glyphs and of which; and it does so for every copy
 * glyph-codes.ts adds and again in every PDF, while one face serves every
 * PDF of the process (embed-font.ts). What a glyph's entry in a subset is
 * made of (its glyf bytes, its components' ids and where they sit in those
 * bytes, its advance and left side bearing) is the face's own: read once
 * per face and glyph here, without decoding the outline, and the entry
 * written as fontkit writes it, to the byte. Variable fonts, whose glyphs fontkit re-encodes at the
 * instance, and CFF fonts are left to fontkit.
 */
interface GlyphEntry {
  /** The glyph's bytes in the face's glyf table; shared, never written to. */
  bytes: Uint8Array;
  /** A compound glyph's components: the glyph id, and its offset in `bytes`. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

/** The parts of fontkit's face and TTFSubset that _addGlyph uses. */
interface TrueTypeFace {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  directory: { tables: Record<string, unknown> };
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
}

interface TrueTypeSubset {
  font: TrueTypeFace;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph?(gid: number): number;
}

/** Read as fontkit's _addGlyph reads it, but for the outline's points, which it does not use. */
function readEntry(face: TrueTypeFace, gid: number): GlyphEntry {
  const bytes = glyphBytes(face, gid);
  // The glyph's metrics from hmtx's bytes, as fontkit's _getMetrics gives them without decoding the glyph first.
  const metrics = hmtxEntry(face, gid);
  if (metrics) return { bytes, components: componentsOf(bytes), advance: metrics.advance, bearing: metrics.bearing };
  const glyph = face.getGlyph(gid);
  return { bytes, components: componentsOf(bytes), advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

// Component flags (OpenType glyf table, "Composite glyph description").
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * A compound glyph's components, as fontkit's _decodeComposite finds them
 * (the glyph id and where it sits); null for a simple or empty glyph. After
 * the 10-byte header (numberOfContours < 0 for a compound glyph), each
 * component is its flags, its glyph id, its offsets (two bytes or two
 * words) and its scale (none, one, two or four F2Dot14).
 */
export function componentsOf(bytes: Uint8Array): { glyphID: number; pos: number }[] | null {
  if (bytes.length === 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt16(0) >= 0) return null;
  const components: { glyphID: number; pos: number }[] = [];
  let pos = 10;
  let flags: number;
  do {
    flags = view.getUint16(pos);
    components.push({ glyphID: view.getUint16(pos + 2), pos: pos + 2 });
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
  } while (flags & MORE_COMPONENTS);
  return components;
}

const entryFor = perFont(readEntry);

/**
 * fontkit's _addGlyph for a static TrueType face, from the face's entries.
 * A glyph whose bytes cannot be read so (damaged: a compound glyph cut
 * short) is left to fontkit's own, which reads it as it always did.
 */
function addGlyph(this: TrueTypeSubset, gid: number, fontkitAddGlyph: (gid: number) => number): number {
  let entry: GlyphEntry;
  try {
    entry = entryFor(this.font, gid);
  } catch {
    return fontkitAddGlyph.call(this, gid);
  }
  let bytes = entry.bytes;
  if (entry.components) {
    // A compound glyph names its components by id: renumbered in the subset, on a copy.
    bytes = new Uint8Array(bytes);
    const view = new DataView(bytes.buffer);
    for (const component of entry.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
  }
  this.glyf.push(bytes);
  this.loca.offsets.push(this.offset);
  this.hmtx.metrics.push({ advance: entry.advance, bearing: entry.bearing });
  this.offset += bytes.length;
  return this.glyf.length - 1;
}

/** Makes `subset` (fontkit's, of `face`) copy glyphs from the face's kept entries, if it is a static TrueType subset. */
export function keepGlyphEntries(subset: unknown, face: fontkit.Font): void {
  const s = subset as TrueTypeSubset;
  const f = face as unknown as TrueTypeFace;
  if (typeof s._addGlyph !== 'function' || !f.directory.tables.glyf || f._variationProcessor) return;
  const fontkitAddGlyph = s._addGlyph;
  s._addGlyph = function (this: TrueTypeSubset, gid: number) {
    return addGlyph.call(this, gid, fontkitAddGlyph);
  };
}
