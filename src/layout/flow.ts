import { Points } from '../core/units';
import { InlineSpan } from '../document/types';
import { TypesetLanguage } from '../text/types';
import { BlockStyle, Theme } from '../theme/theme';
import { DrawItem } from './draw-items';
import { StructNode } from './structure';

/** How much the fit step has shrunk the panel: 1 is the design size; each size stays at or above its style's floor. */
export interface Tightening {
  scale: number;
}

/** A column's horizontal extent: where a block's lines and drawings go. */
export type Area = { x: Points; width: Points };

/**
 * What a block's layout may ask of the panel's flow (panel-flow.ts): the
 * theme and type scale, spaces as set, the start side, paragraphs, and a stop
 * once the panel is full. Lists and write-in lines are laid out through it.
 */
export interface Flow {
  readonly language: TypesetLanguage;
  readonly theme: Theme;
  readonly tightening: Tightening;
  /** A space of the design, as set. */
  space(points: Points): Points;
  /** Physical x of an area given by its offset from the start side. */
  x(start: Points, width: Points, within: Area): Points;
  /** A paragraph at `start` from the area's start side, `width` wide, its lines content of `node`; returns the y below it. */
  text(spans: InlineSpan[], style: BlockStyle, area: Area, start: Points, width: Points, y: Points, items: DrawItem[], node?: StructNode): Points;
  /** Stops the layout once the blocks down to `y` are taller than the limit. */
  stopIfFull(y: Points): void;
}

/**
 * The size a style is set at, in points of the type scale (Latin type): its
 * design size scaled by the fit step, held at its floor. Each font sets it
 * times its own size factor (Arabic Naskh 1.25).
 */
export function setSize(style: BlockStyle, tightening: Tightening): Points {
  return Math.max(style.size * tightening.scale, style.minSize);
}

/** An item moved down by dy: a group of blocks to its place in the panel. */
export function shift(item: DrawItem, dy: Points): DrawItem {
  switch (item.type) {
    case 'line': return { ...item, baseline: item.baseline + dy };
    case 'stroke': return { ...item, y1: item.y1 + dy, y2: item.y2 + dy };
    default: return { ...item, y: item.y + dy };
  }
}
