import { Points } from '../core/units';
import { Box, DrawItem } from '../layout/draw-items';

/** Within this of the trim, a fill counts as touching it (layout rounds nothing, but placement adds). */
const TOUCH: Points = 0.01;

/**
 * For a print shop: a background or colour band that touches the trim is
 * extended into the bleed on that side, so that a trim a little off leaves
 * no white sliver. Only filled rectangles are backgrounds; text, rules and
 * marks stay where they are.
 */
export function extendIntoBleed(items: DrawItem[], trim: Box, bleed: Box): DrawItem[] {
  return items.map((item) => {
    if (item.type !== 'rect') return item;
    let [left, top, right, bottom] = [item.x, item.y, item.x + item.width, item.y + item.height];
    if (Math.abs(left - trim.x) < TOUCH) left = bleed.x;
    if (Math.abs(top - trim.y) < TOUCH) top = bleed.y;
    if (Math.abs(right - (trim.x + trim.width)) < TOUCH) right = bleed.x + bleed.width;
    if (Math.abs(bottom - (trim.y + trim.height)) < TOUCH) bottom = bleed.y + bleed.height;
    return { ...item, x: left, y: top, width: right - left, height: bottom - top };
  });
}
