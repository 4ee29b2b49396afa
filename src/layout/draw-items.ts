import { Points } from '../core/units';
import { TypesetLine } from '../text/types';
import { Colour } from '../theme/theme';
import { LogoImage } from '../logo/logo-image';
import { StructNode } from './structure';
import { Cmyk } from '../print/cmyk';

/** What an item is drawn in: the design colour (#rrggbb), or for a print shop its CMYK (src/print/inks.ts). */
export type Ink = Colour | Cmyk;

/**
 * What block layout hands the PDF writer: positioned, page-absolute, top-down
 * coordinates. Text, figures and links carry their structure element
 * (structure.ts); everything else is decoration.
 */
export type DrawItem =
  | { type: 'line'; line: TypesetLine; x: Points; baseline: Points; colour: Ink; node?: StructNode }
  | { type: 'rect'; x: Points; y: Points; width: Points; height: Points; colour: Ink }
  | { type: 'circle'; x: Points; y: Points; radius: Points; colour: Ink }
  | { type: 'qr'; x: Points; y: Points; size: Points; value: string; colour: Ink; node?: StructNode }
  | { type: 'logo'; x: Points; y: Points; width: Points; height: Points; image: LogoImage; alt: string | null; node?: StructNode }
  | { type: 'stroke'; x1: Points; y1: Points; x2: Points; y2: Points; width: Points; colour: Ink }
  /** A rectangle's outline (a callout's keyline). */
  | { type: 'frame'; x: Points; y: Points; width: Points; height: Points; lineWidth: Points; colour: Ink }
  /** A pictogram: stroked SVG paths in a 24-unit square (src/icons/pictogram.ts), drawn `size` wide. */
  | { type: 'icon'; x: Points; y: Points; size: Points; paths: string[]; colour: Ink };

export interface Box {
  x: Points;
  y: Points;
  width: Points;
  height: Points;
}

/** The area an item inks, for checking that nothing leaves its panel. */
export function itemExtent(item: DrawItem): Box {
  switch (item.type) {
    case 'line': {
      if (!item.line.runs.length) return { x: item.x, y: item.baseline, width: 0, height: 0 };
      // One pass over the runs: the fit step asks this of every line of every attempt, and the pdftotext model
      // of every side. Indexed loops: a for-of or a reduce allocates per step until V8 optimizes this.
      let left = Infinity;
      let right = -Infinity;
      let top = Infinity;
      let bottom = -Infinity;
      const { runs } = item.line;
      for (let i = 0; i < runs.length; i++) {
        const r = runs[i];
        let advance = 0;
        for (let g = 0; g < r.glyphs.length; g++) advance += r.glyphs[g].xAdvance;
        left = Math.min(left, r.x);
        right = Math.max(right, r.x + advance);
        top = Math.min(top, item.baseline - r.font.ascent * r.size);
        bottom = Math.max(bottom, item.baseline - r.font.descent * r.size);
      }
      return { x: item.x + left, y: top, width: right - left, height: bottom - top };
    }
    case 'rect': return { x: item.x, y: item.y, width: item.width, height: item.height };
    case 'circle': return { x: item.x - item.radius, y: item.y - item.radius, width: 2 * item.radius, height: 2 * item.radius };
    case 'qr': return { x: item.x, y: item.y, width: item.size, height: item.size };
    case 'icon': return { x: item.x, y: item.y, width: item.size, height: item.size };
    case 'frame': return { x: item.x, y: item.y, width: item.width, height: item.height };
    case 'logo': return { x: item.x, y: item.y, width: item.width, height: item.height };
    case 'stroke': return { x: Math.min(item.x1, item.x2), y: Math.min(item.y1, item.y2), width: Math.abs(item.x2 - item.x1), height: Math.abs(item.y2 - item.y1) };
  }
}

/** The item moved by dx, dy: a group of blocks to its place in the panel, a piece to its place on the sheet. */
export function translate(item: DrawItem, dx: Points, dy: Points): DrawItem {
  switch (item.type) {
    case 'line': return { ...item, x: item.x + dx, baseline: item.baseline + dy };
    case 'stroke': return { ...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy };
    default: return { ...item, x: item.x + dx, y: item.y + dy };
  }
}
