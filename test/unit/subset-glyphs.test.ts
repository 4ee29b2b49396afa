import { FontRegistry } from '../../src/fonts/font-registry';
import { componentsOf, keepGlyphEntries } from '../../src/render/subset-glyphs';
import { SHIPPED_FAMILIES } from '../support/shipped-fonts';

/**
 * The embedded subsets copy glyphs from entries kept per face instead of
 * fontkit decoding each glyph: the subset must be fontkit's own, to the
 * byte, for every shipped font, with compound glyphs (whose components are
 * renumbered on a copy of the kept bytes) and with the copies glyph-codes.ts
 * adds (a glyph listed twice).
 */
type Subset = { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
type Face = { numGlyphs: number; createSubset(): Subset; getGlyph(id: number): { _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null } };

const families = SHIPPED_FAMILIES;
const fonts = FontRegistry.default();
const faces = families.flatMap((family) => (['regular', 'bold'] as const).map((weight) => [`${family} ${weight}`, fonts.font(family, weight).face as unknown as Face] as const));
/** Every glyph of the small fonts; a sample of the CJK ones, always with the last. */
const sample = (face: Face) => {
  const step = face.numGlyphs > 5000 ? 61 : 1;
  return [...Array.from({ length: Math.ceil(face.numGlyphs / step) }, (_, i) => i * step), face.numGlyphs - 1];
};
const fontkitComponents = (face: Face, id: number) => {
  const glyf = face.getGlyph(id)._decode();
  return glyf && glyf.numberOfContours < 0 ? glyf.components!.map(({ glyphID, pos }) => ({ glyphID, pos })) : null;
};

describe('glyph entries kept per face for font subsets', () => {
  it.each(faces)('%s: a glyph\'s components are those fontkit decodes', (_, face) => {
    let compound = 0;
    for (const id of sample(face)) {
      const bytes = glyphBytes(face, id);
      const expected = fontkitComponents(face, id);
      if (expected) compound++;
      expect([id, componentsOf(bytes)]).toEqual([id, expected]);
    }
    // Noto Sans builds its accented letters of components: the test sees compound glyphs.
    if (_.startsWith('NotoSans ')) expect(compound).toBeGreaterThan(100);
  });

  it.each(faces)('%s: the subset is byte-identical to fontkit\'s', (_, face) => {
    const ids = sample(face).slice(0, 400);
    const compound = ids.filter((id) => fontkitComponents(face, id) !== null).slice(0, 40);
    // Compound glyphs first, a glyph listed twice (a copy under a new code), and simple ones.
    const list = [...compound, ids[3], ids[3], ...ids.slice(1, 60)];
    const encode = (kept: boolean) => {
      const subset = face.createSubset();
      if (kept) keepGlyphEntries(subset, face as never);
      for (const id of list) {
        if (subset.glyphs.includes(id)) subset.glyphs.push(id);
        else subset.includeGlyph(id);
      }
      return Buffer.from(subset.encode());
    };
    const fontkit = encode(false);
    // Twice: the second from entries already kept, which the first must have left as they were.
    expect(encode(true).equals(fontkit)).toBe(true);
    expect(encode(true).equals(fontkit)).toBe(true);
  });
});

function glyphBytes(face: Face, id: number): Uint8Array {
  const f = face as unknown as { loca: { offsets: number[] }; _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array } };
  const stream = f._getTableStream('glyf');
  stream.pos += f.loca.offsets[id];
  return stream.readBuffer(f.loca.offsets[id + 1] - f.loca.offsets[id]);
}
