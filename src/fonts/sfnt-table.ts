/** Where one table of an sfnt font lies in its file, in bytes. */
export interface TableRange {
  offset: number;
  length: number;
}

/**
 * The table `tag` of the sfnt `data`, found in its table directory, or null
 * when the font has none. The directory is the one fontFileProblem
 * (verify-font.ts) checked: every table lies inside the file.
 */
export function sfntTable(data: Uint8Array, tag: string): TableRange | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const wanted = ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>> 0;
  const count = view.getUint16(4);
  for (let entry = 12; entry < 12 + 16 * count; entry += 16) {
    if (view.getUint32(entry) === wanted) return { offset: view.getUint32(entry + 8), length: view.getUint32(entry + 12) };
  }
  return null;
}
