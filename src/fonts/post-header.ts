import { sfntTable } from './sfnt-table';

/**
 * The fixed header of a font's `post` table, read from the file's bytes.
 * PDFKit reads two of its fields when it embeds a font (italicAngle and
 * isFixedPitch, for the font descriptor); fontkit, asked for the table,
 * decodes all of it, and in a version 2 table that is the name of every
 * glyph: some 40 ms for Noto Sans on a cold start, for names nothing reads.
 * Handing fontkit the header alone (seedPostHeader) saves that.
 */

/** The post table's header: what fontkit's decoder gives for it, less the glyph names. */
export interface PostHeader {
  version: number;
  italicAngle: number;
  underlinePosition: number;
  underlineThickness: number;
  isFixedPitch: number;
  minMemType42: number;
  maxMemType42: number;
  minMemType1: number;
  maxMemType1: number;
}

/** version, italicAngle (Fixed 16.16 each), two FWORDs, five uint32. */
const HEADER_BYTES = 32;

/**
 * The post header of the sfnt `data` (its table directory checked by
 * verify-font.ts: every table lies inside the file), or null when it has no
 * post table or one too short to hold its header.
 */
export function postHeader(data: Uint8Array): PostHeader | null {
  const post = sfntTable(data, 'post');
  if (!post || post.length < HEADER_BYTES) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = post.offset;
  return {
    version: view.getInt32(at) / 65536,
    italicAngle: view.getInt32(at + 4) / 65536,
    underlinePosition: view.getInt16(at + 8),
    underlineThickness: view.getInt16(at + 10),
    isFixedPitch: view.getUint32(at + 12),
    minMemType42: view.getUint32(at + 16),
    maxMemType42: view.getUint32(at + 20),
    minMemType1: view.getUint32(at + 24),
    maxMemType1: view.getUint32(at + 28),
  };
}

/**
 * Gives the fontkit face of `data` its post header, so that fontkit never
 * decodes the table. fontkit keeps the tables it decoded in `_tables`, and
 * reads a table from the file only when it is not there.
 */
export function seedPostHeader(face: object, data: Uint8Array): void {
  const tables = (face as { _tables?: unknown })._tables;
  const header = postHeader(data);
  if (header && typeof tables === 'object' && tables !== null && !('post' in tables)) (tables as Record<string, unknown>).post = header;
}
