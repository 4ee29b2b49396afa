import { sfntTable } from './sfnt-table';

/**
 * Where each glyph starts in the glyf table (the `loca` table), read from
 * the file's bytes. fontkit decodes the table one value at a time through
 * its generic decoder, and the first glyph a process reads waits for it:
 * 15 ms for a CJK font of 65,000 glyphs, four such faces in a batch.
 * Handed the offsets (seedLocaOffsets), fontkit reads them as its own.
 */

/** What fontkit's decoder gives for the table: the offsets in bytes, short ones already doubled. */
export interface LocaTable {
  version: number;
  offsets: Uint32Array;
  /** fontkit's mark that short offsets were doubled (loca.process). */
  _processed: boolean;
}

/**
 * The loca table of the sfnt `data` (its directory checked by
 * verify-font.ts), as fontkit decodes it: every whole value the table holds,
 * 16-bit ones (head.indexToLocFormat 0) doubled; null without head or loca.
 */
export function locaOffsets(data: Uint8Array): LocaTable | null {
  const head = sfntTable(data, 'head');
  const loca = sfntTable(data, 'loca');
  if (!head || !loca || head.length < 54) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getInt16(head.offset + 50);
  if (version !== 0 && version !== 1) return null;
  const size = version === 0 ? 2 : 4;
  const offsets = new Uint32Array(Math.floor(loca.length / size));
  for (let i = 0, at = loca.offset; i < offsets.length; i++, at += size) offsets[i] = size === 2 ? view.getUint16(at) * 2 : view.getUint32(at);
  return { version, offsets, _processed: true };
}

/**
 * Gives the fontkit face of `data` its loca table, so that fontkit never
 * decodes it. fontkit keeps the tables it decoded in `_tables`, and reads a
 * table from the file only when it is not there (as post-header.ts does).
 */
export function seedLocaOffsets(face: object, data: Uint8Array): void {
  const tables = (face as { _tables?: unknown })._tables;
  if (typeof tables !== 'object' || tables === null || 'loca' in tables) return;
  const loca = locaOffsets(data);
  if (loca) (tables as Record<string, unknown>).loca = loca;
}
