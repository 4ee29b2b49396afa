import { Points } from '../core/units';
import { ListBlock } from '../document/types';
import { DrawItem } from './draw-items';
import { Area, Flow, setSize, shift } from './flow';
import { StructNode, structNode } from './structure';

/** A list item's body: what a screen reader reads as the item; its bullet or pictogram is decoration. */
const itemBody = (list: StructNode) => structNode('LBody', structNode('LI', list));

/** A list with a bullet at the start side of each item. */
export function bulletList(flow: Flow, block: ListBlock, area: Area, y: Points, items: DrawItem[], list: StructNode): Points {
  const s = flow.tightening.scale;
  const indent = flow.theme.list.indent * s;
  const itemStyle = flow.theme.listItem;
  block.items.forEach((item, i) => {
    if (i > 0) y += flow.space(itemStyle.spaceAfter);
    const from = items.length;
    y = flow.text(item, itemStyle, area, indent, area.width - indent, y, items, itemBody(list));
    flow.stopIfFull(y);
    const first = items.slice(from).find((it) => it.type === 'line');
    if (first && first.type === 'line') {
      const size = setSize(itemStyle, flow.tightening) * flow.language.typography.sizeFactor;
      items.push({ type: 'circle', x: flow.x(indent * 0.35, 0, area), y: first.baseline - size * 0.32, radius: flow.theme.list.bulletRadius * s, colour: flow.theme.colours.accent });
    }
  });
  return y;
}

/** A checklist: each item's pictogram at the start side, its text beside it, centred on the pictogram when shorter. */
export function pictogramList(flow: Flow, block: ListBlock, area: Area, y: Points, items: DrawItem[], list: StructNode): Points {
  const s = flow.tightening.scale;
  const { iconSize, iconGap, bulletRadius } = flow.theme.list;
  const size = iconSize * s;
  const indent = size + iconGap * s;
  const itemStyle = flow.theme.listItem;
  block.items.forEach((item, i) => {
    if (i > 0) y += flow.space(flow.theme.list.iconItemSpace);
    const text: DrawItem[] = [];
    const bottom = flow.text(item, itemStyle, area, indent, area.width - indent, y, text, itemBody(list));
    const offset = Math.max(0, (size - (bottom - y)) / 2);
    items.push(...text.map((it) => shift(it, offset)));
    const icon = block.icons[i];
    if (icon) items.push({ type: 'icon', x: flow.x(0, size, area), y, size, paths: icon.paths, colour: flow.theme.colours.accent });
    else items.push({ type: 'circle', x: flow.x(size / 2, 0, area), y: y + size / 2, radius: bulletRadius * s, colour: flow.theme.colours.accent });
    y = Math.max(bottom + offset, y + size);
    flow.stopIfFull(y);
  });
  return y;
}
