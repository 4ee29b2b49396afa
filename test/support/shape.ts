import { Points } from '../../src/core/units';
import { LoadedFont } from '../../src/fonts/font-registry';
import { scaledGlyphs, shapeText } from '../../src/text/shape';
import { ShapedGlyph } from '../../src/text/types';

/**
 * A piece of text shaped with HarfBuzz as the layout shapes it (shapeText), its glyphs in visual
 * order and sized in points: for tests that look at one word's glyphs. The layout itself measures
 * in font units and scales only the glyphs it places.
 */
export function shape(text: string, font: LoadedFont, rtl: boolean, size: Points): { glyphs: ShapedGlyph[]; width: Points } {
  const shaped = shapeText(text, font, rtl);
  const scale = size / font.unitsPerEm;
  return { glyphs: scaledGlyphs(shaped, scale), width: shaped.advance * scale };
}
