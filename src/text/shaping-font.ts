/**
 * Tables HarfBuzz does not read to shape: glyph outlines and bitmaps. They
 * are most of a CJK font (Noto Sans SC's glyf is 9 of its 10 MB), and each
 * font HarfBuzz is given is copied into its WebAssembly memory, which never
 * shrinks. Shaping reads cmap, the advances (hmtx) and the layout tables; it
 * would read outlines only for fallback mark positioning in a font without
 * GPOS marks, which no font of a stack may be (fonts.json's are all Noto).
 */
const OUTLINE_TABLES = new Set(['glyf', 'loca', 'CFF ', 'CFF2', 'CBDT', 'CBLC', 'EBDT', 'EBLC', 'EBSC', 'sbix', 'SVG ', 'hdmx', 'LTSH', 'VDMX', 'DSIG']);

const tagAt = (data: Uint8Array, offset: number) => String.fromCharCode(data[offset], data[offset + 1], data[offset + 2], data[offset + 3]);

/**
 * The font file `data` (an sfnt, its directory already checked to lie within
 * the file by verify-font.ts) with its outline tables left out: what
 * HarfBuzz needs to shape, in a new table directory.
 */
export function shapingTables(data: Uint8Array): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint16(4);
  const kept: { tag: string; checksum: number; offset: number; length: number }[] = [];
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = tagAt(data, record);
    if (!OUTLINE_TABLES.has(tag)) kept.push({ tag, checksum: view.getUint32(record + 4), offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  const padded = (n: number) => (n + 3) & ~3;
  const header = 12 + 16 * kept.length;
  const out = new Uint8Array(header + kept.reduce((sum, t) => sum + padded(t.length), 0));
  const write = new DataView(out.buffer);
  out.set(data.subarray(0, 4));
  // searchRange, entrySelector and rangeShift, as the OpenType spec computes them from the count.
  const power = 2 ** Math.floor(Math.log2(Math.max(1, kept.length)));
  write.setUint16(4, kept.length);
  write.setUint16(6, power * 16);
  write.setUint16(8, Math.log2(power));
  write.setUint16(10, kept.length * 16 - power * 16);
  let at = header;
  kept.forEach((table, i) => {
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[record + k] = table.tag.charCodeAt(k);
    write.setUint32(record + 4, table.checksum);
    write.setUint32(record + 8, at);
    write.setUint32(record + 12, table.length);
    out.set(data.subarray(table.offset, table.offset + table.length), at);
    at += padded(table.length);
  });
  return out;
}
