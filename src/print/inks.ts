import { Colour } from '../theme/theme';
import { DrawItem } from '../layout/draw-items';
import { Cmyk } from './cmyk';

/**
 * A page's items in process colours, for a print shop: each design colour
 * (#rrggbb) replaced by its CMYK from the theme's ink table (print/cmyk.ts),
 * so that the PDF holds no RGB a press would convert its own way. A logo
 * has no colour of its own here: the PDF writer converts an SVG's colours.
 */
export function inItsInks(items: DrawItem[], ink: (hex: Colour) => Cmyk): DrawItem[] {
  return items.map((item) => (item.type === 'logo' || typeof item.colour !== 'string' ? item : { ...item, colour: ink(item.colour) }));
}
