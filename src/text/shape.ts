import { Points } from '../core/units';
import { LoadedFont } from '../fonts/font-registry';
import { stripBidiControls } from './bidi';
import { ShapedGlyph } from './types';

const cache = new Map<string, { glyphs: ShapedGlyph[]; advance: number }>();

/**
 * Step 5: shape a piece of text with fontkit (OpenType GSUB/GPOS: Arabic
 * joining, Indic reordering, mark positioning). Glyphs come back in visual
 * order, sized in points. Results are cached per font, direction and text.
 */
export function shape(text: string, font: LoadedFont, rtl: boolean, size: Points): { glyphs: ShapedGlyph[]; width: Points } {
  const clean = stripBidiControls(text).replace(/\u2028/g, '');
  const key = `${font.key}\u0000${rtl ? 'r' : 'l'}\u0000${clean}`;
  let shaped = cache.get(key);
  if (!shaped) {
    const run = font.face.layout(clean, undefined, undefined, undefined, rtl ? 'rtl' : 'ltr');
    const glyphs: ShapedGlyph[] = run.glyphs.map((glyph, i) => ({
      id: glyph.id,
      codePoints: glyph.codePoints,
      xAdvance: run.positions[i].xAdvance,
      xOffset: run.positions[i].xOffset,
      yOffset: run.positions[i].yOffset,
    }));
    shaped = { glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
    cache.set(key, shaped);
  }
  const scale = size / font.unitsPerEm;
  return {
    glyphs: shaped.glyphs.map((g) => ({ ...g, xAdvance: g.xAdvance * scale, xOffset: g.xOffset * scale, yOffset: g.yOffset * scale })),
    width: shaped.advance * scale,
  };
}
