import * as fontkit from 'fontkit';
import { FontRegistry } from '../../src/fonts/font-registry';
import { advanceWidth, hmtxEntry } from '../../src/fonts/glyph-advance';
import { SHIPPED_FAMILIES } from '../support/shipped-fonts';

/**
 * The width a glyph's code gets in the PDF is read from the font's hmtx
 * table directly: it must be what fontkit's glyph says, for every glyph,
 * including those after the table's last entry (which share its advance).
 */
describe('a glyph\'s advance from the hmtx table', () => {
  const fonts = FontRegistry.default();
  it.each(SHIPPED_FAMILIES)('%s: equals fontkit\'s glyph.advanceWidth', (family) => {
    for (const weight of ['regular', 'bold'] as const) {
      const font = fonts.font(family, weight);
      const count = font.face.numGlyphs;
      // Every glyph of the small fonts; a sample of the CJK ones, always with the last.
      const step = count > 5000 ? 61 : 1;
      const ids = [...Array.from({ length: Math.ceil(count / step) }, (_, i) => i * step), count - 1];
      for (const id of ids) expect([id, advanceWidth(font, id)]).toEqual([id, font.face.getGlyph(id).advanceWidth]);
    }
  });

  it('asks hmtx only: the glyphs it answers for are not decoded', () => {
    const font = fonts.font('NotoSansSC', 'regular');
    // A glyph the test above did not sample.
    let id = font.face.numGlyphs - 2;
    if (id % 61 === 0) id--;
    advanceWidth(font, id);
    // fontkit keeps a glyph it made in its cache; hmtx leaves none there.
    expect((font.face as unknown as { _glyphs: Record<number, unknown> })._glyphs[id]).toBeUndefined();
  });

  /** Noto Sans with fewer hmtx entries than glyphs, as fonts with a monospaced run at the end have, and the table's length in the directory. */
  const withShortMetrics = (less: number, tableLength?: (count: number) => number) => {
    const data = Buffer.from(fonts.font('NotoSans', 'regular').data);
    const entry = (tag: string) => {
      for (let e = 12; e < 12 + 16 * data.readUInt16BE(4); e += 16) if (data.toString('latin1', e, e + 4) === tag) return e;
      throw new Error(tag);
    };
    const hhea = data.readUInt32BE(entry('hhea') + 8);
    const count = data.readUInt16BE(hhea + 34) - less;
    data.writeUInt16BE(count, hhea + 34);
    if (tableLength) data.writeUInt32BE(tableLength(count), entry('hmtx') + 12);
    return { face: fontkit.create(data) as fontkit.Font, count };
  };
  const metricsOf = (face: fontkit.Font, id: number) => {
    const m = (face.getGlyph(id) as unknown as { _getMetrics(): { advanceWidth: number; leftBearing: number } })._getMetrics();
    return { advance: m.advanceWidth, bearing: m.leftBearing };
  };

  it('reads an entry\'s advance and bearing, and past the last entry its advance and the glyph\'s own bearing, as fontkit does', () => {
    const { face, count } = withShortMetrics(10);
    const ids = [0, 1, count - 2, count - 1, count, count + 1, count + 9];
    for (const id of ids) expect([id, hmtxEntry(face, id)]).toEqual([id, metricsOf(face, id)]);
    expect(hmtxEntry(face, count + 5)!.advance).toBe(hmtxEntry(face, count - 1)!.advance);
  });

  it('leaves to fontkit a glyph past the entries of a table too short for its bearings', () => {
    const { face, count } = withShortMetrics(10, (n) => 4 * n);
    expect(hmtxEntry(face, count - 1)).toEqual(metricsOf(face, count - 1));
    expect(hmtxEntry(face, count)).toBeNull();
    expect(hmtxEntry(face, count + 9)).toBeNull();
  });
});
