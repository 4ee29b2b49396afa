import { Points } from '../core/units';
import { WriteInBlock } from '../document/types';
import { DrawItem, itemExtent } from './draw-items';
import { Area, Flow } from './flow';
import { StructNode, structNode } from './structure';

/**
 * A label, then ruled lines to write on: the first beside the label when it
 * leaves room enough to write (half the column), else below it, and the
 * others below, each a line's gap apart.
 */
export function writeIn(flow: Flow, block: WriteInBlock, area: Area, y: Points, items: DrawItem[], parent: StructNode): Points {
  const s = flow.tightening.scale;
  const { lineGap, lineWidth } = flow.theme.writeIn;
  const gap = flow.space(lineGap);
  const from = items.length;
  let bottom = flow.text(block.label, flow.theme.styles.label, area, 0, area.width, y, items, structNode('P', parent));
  const last = items.slice(from).filter((it): it is Extract<DrawItem, { type: 'line' }> => it.type === 'line').pop();
  const colour = flow.theme.colours.text;
  const rule = (x1: Points, x2: Points, at: Points) => items.push({ type: 'stroke', x1, y1: at, x2, y2: at, width: lineWidth, colour });
  let lines = block.lines;
  if (last) {
    const inked = itemExtent(last);
    const free = flow.language.direction === 'rtl' ? inked.x - area.x : area.x + area.width - (inked.x + inked.width);
    if (free > area.width / 2) {
      const pad = 4 * s;
      const at = last.baseline + 2 * s;
      if (flow.language.direction === 'rtl') rule(area.x, inked.x - pad, at);
      else rule(inked.x + inked.width + pad, area.x + area.width, at);
      lines -= 1;
    }
  }
  for (let i = 0; i < lines; i++) {
    bottom += gap;
    rule(area.x, area.x + area.width, bottom);
  }
  return bottom + lineWidth;
}
