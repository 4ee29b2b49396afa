import { FontRegistry } from '../../src/fonts/font-registry';
import { advanceWidth } from '../../src/fonts/glyph-advance';
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
});
