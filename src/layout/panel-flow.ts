import { Points } from '../core/units';
import { Block, InlineSpan, Panel, TextBlock } from '../document/types';
import { LayoutNotes, layoutParagraph } from '../text/paragraph';
import { TextWrap } from '../text/balance';
import { TypesetLanguage } from '../text/types';
import { Box, DrawItem } from './draw-items';
import { Area, Flow, setSize, shift, Tightening } from './flow';
import { bulletList, pictogramList } from './lists';
import { clearLineSpacing } from './clear-line-spacing';
import { writeIn } from './write-in';
import { BlockStyle, Theme } from '../theme/theme';
import { spansText, StructNode, structNode, TEXT_ROLES } from './structure';

export { setSize, Tightening } from './flow';

export interface PanelLayout {
  items: DrawItem[];
  /** Height the blocks need, spacers at zero. */
  contentHeight: Points;
  /**
   * False when layout stopped early, as soon as the blocks were taller than
   * the limit it was given: `contentHeight` is then only a lower bound, and
   * `items` is empty.
   */
  complete: boolean;
  /** For each item, the index of the panel block (in `panel.blocks`) it was laid out for. */
  origins: number[];
}

/** Thrown inside a panel's layout once its blocks are taller than the limit: the rest need not be laid out. */
class PanelFull {
  constructor(readonly height: Points) {}
}

/** A stretch of blocks between spacers, laid out from y = 0. */
interface Group {
  items: DrawItem[];
  /** For each item, the index of its block in the panel. */
  origins: number[];
  height: Points;
  /** The space kept below it whatever its spacer's height: its last block's, if a callout. */
  after: Points;
}

/**
 * Block layout: flows a panel's blocks top to bottom inside its box, in the
 * language's direction (start side on the right for right-to-left), and
 * shares the height left over among the spacers.
 *
 * With a `limit`, layout stops as soon as the blocks are taller than it, so
 * that a panel of thousands of paragraphs costs no more than one that just
 * overflows; below the limit the layout is the same as without one.
 *
 * `space` adds room above some blocks (by their index in `panel.blocks`),
 * besides the theme's spacing: see keep-out-of-tables.ts.
 */
export function layoutPanel(panel: Panel, box: Box, language: TypesetLanguage, theme: Theme, tightening: Tightening, limit: Points = Infinity, section: StructNode = structNode('Sect', null), space: ReadonlyMap<number, Points> = new Map()): PanelLayout {
  const flow = new BlockFlow(box, language, theme, tightening, limit, section, space);
  const groups: Group[] = [];
  let current: number[] = [];
  try {
    for (const [index, block] of [...panel.blocks, { type: 'spacer' } as Block].entries()) {
      if (block.type === 'spacer') {
        groups.push(flow.group(current.map((i) => panel.blocks[i]), current));
        current = [];
      } else current.push(index);
    }
  } catch (error) {
    if (!(error instanceof PanelFull)) throw error;
    return { items: [], contentHeight: error.height, complete: false, origins: [] };
  }
  const gap = (i: number) => (i < groups.length - 1 ? groups[i].after : 0);
  const contentHeight = groups.reduce((sum, g, i) => sum + g.height + gap(i), 0);
  const spacers = groups.length - 1;
  const extra = spacers > 0 ? Math.max(0, box.height - contentHeight) / spacers : 0;
  const items: DrawItem[] = [];
  let y = box.y;
  groups.forEach((group, i) => {
    items.push(...group.items.map((item) => shift(item, y)));
    y += group.height + gap(i) + extra;
  });
  return { items, contentHeight, complete: true, origins: groups.flatMap((g) => g.origins) };
}

/** A text block's element: its role (a heading level or a paragraph); a link's text sits in a Link inside its paragraph. */
function textNode(block: TextBlock, parent: StructNode): StructNode {
  const node = structNode(TEXT_ROLES[block.kind], parent);
  if (!block.href) return node;
  // A web or e-mail address is read letter by letter in the page's language unless tagged: its words are English (canadianhumantraffickinghotline.ca).
  return structNode('Link', node, { href: block.href, ...(/^(https|mailto):/.test(block.href) ? { lang: 'en' } : {}) });
}

/** How much smaller display text is set at each try to keep its phrases whole: a share of its design size. */
const SHRINK_STEP = 0.025;

class BlockFlow implements Flow {
  /** Height of the groups already laid out. */
  private above: Points = 0;

  constructor(private readonly box: Box, readonly language: TypesetLanguage, readonly theme: Theme, readonly tightening: Tightening, private readonly limit: Points, private readonly section: StructNode, private readonly extraSpace: ReadonlyMap<number, Points>) {}

  /** A space of the design, in points of Latin type, as set: scaled with the type and the script's size. */
  space(points: Points): Points {
    return points * this.tightening.scale * this.language.typography.sizeFactor;
  }

  /** Stops the layout once the blocks down to `y` (in the current group) are taller than the limit: heights only grow. */
  stopIfFull(y: Points): void {
    if (this.above + y > this.limit) throw new PanelFull(this.above + y);
  }

  /** Physical x of an area given by its offset from the start side. */
  x(start: Points, width: Points, within: { x: Points; width: Points }): Points {
    return this.language.direction === 'rtl' ? within.x + within.width - start - width : within.x + start;
  }

  /** The blocks between two spacers; `indices`: their places in the panel. */
  group(blocks: Block[], indices: number[]): Group {
    const items: DrawItem[] = [];
    const origins: number[] = [];
    let y: Points = 0;
    let pendingSpace: Points = 0;
    blocks.forEach((block, i) => {
      const { before, after } = this.spacing(block);
      if (i > 0) y += Math.max(pendingSpace, before);
      y += this.extraSpace.get(indices[i]) ?? 0;
      y = this.block(block, { x: this.box.x, width: this.box.width }, y, items, this.section);
      while (origins.length < items.length) origins.push(indices[i]);
      this.stopIfFull(y);
      pendingSpace = after;
    });
    // Two boxes must not touch: a group ending in a callout keeps its space below it, even where its spacer gets no height.
    const after = blocks.length && blocks[blocks.length - 1].type === 'callout' ? pendingSpace : 0;
    this.above += y + after;
    return { items, origins, height: y, after };
  }

  private spacing(block: Block): { before: Points; after: Points } {
    const { styles, contact, callout, list, qr, logo } = this.theme;
    switch (block.type) {
      case 'text': return { before: this.space(styles[block.kind].spaceBefore), after: this.space(styles[block.kind].spaceAfter) };
      case 'contact': return { before: 0, after: this.space(contact.spaceAfter) };
      case 'callout': return { before: this.space(callout.spaceBefore), after: this.space(callout.spaceAfter) };
      case 'list': return { before: 0, after: this.space(list.spaceAfter) };
      case 'qr': return { before: 0, after: this.space(qr.spaceAfter) };
      case 'logo': return { before: this.space(logo.spaceBefore), after: this.space(logo.spaceAfter) };
      case 'band': return { before: this.space(this.theme.band.spaceBefore), after: this.space(this.theme.band.spaceAfter) };
      case 'icon': return { before: 0, after: this.space(this.theme.icon.spaceAfter) };
      case 'writein': return { before: 0, after: this.space(this.theme.writeIn.spaceAfter) };
      case 'spacer': return { before: 0, after: 0 };
    }
  }

  /** Lays out one block at y (relative to the group), its content in the structure element `parent`; returns the y below it. `wrap` overrides its text's own (inside a callout). */
  private block(block: Block, area: Area, y: Points, items: DrawItem[], parent: StructNode, wrap?: TextWrap): Points {
    const s = this.tightening.scale;
    switch (block.type) {
      case 'text': {
        const own = this.theme.styles[block.kind];
        const style = { ...own, wrap: wrap ?? own.wrap };
        const rule = this.theme.rule;
        if (style.rule) {
          items.push({ type: 'rect', x: this.x(0, rule.width * s, area), y, width: rule.width * s, height: rule.height * s, colour: this.theme.colours.rule });
          y += (rule.height + rule.gap) * s;
        }
        return this.text(block.spans, style, area, 0, area.width, y, items, textNode(block, parent));
      }
      case 'list': {
        const list = structNode('L', parent);
        return block.icons.some(Boolean) ? pictogramList(this, block, area, y, items, list) : bulletList(this, block, area, y, items, list);
      }
      case 'band': {
        // Solid colour behind display text in the band's text colour; no accent rule on a band of the accent's own kind.
        const pad = this.theme.band.padding * s;
        const inner = { x: area.x + pad, width: area.width - 2 * pad };
        const text: DrawItem[] = [];
        let innerY = y + pad;
        block.blocks.forEach((child, i) => {
          const style = { ...this.theme.styles[child.kind], colour: this.theme.colours.onBand, rule: false };
          if (i > 0) innerY += this.space(style.spaceBefore);
          innerY = this.text(child.spans, style, inner, 0, inner.width, innerY, text, textNode(child, parent));
          this.stopIfFull(innerY);
        });
        const height = innerY + pad - y;
        items.push({ type: 'rect', x: area.x, y, width: area.width, height, colour: this.theme.colours.band }, ...text);
        return y + height;
      }
      case 'icon': {
        const size = this.theme.icon.size * s;
        items.push({ type: 'icon', x: this.x(0, size, area), y, size, paths: block.icon.paths, colour: this.theme.colours.accent });
        return y + size;
      }
      case 'writein':
        return writeIn(this, block, area, y, items, parent);
      case 'callout': {
        const pad = this.theme.callout.padding * s;
        const bar = this.theme.callout.bar * s;
        const background: DrawItem[] = [];
        const inner = { x: this.x(bar + pad, area.width - bar - 2 * pad, area), width: area.width - bar - 2 * pad };
        let innerY = y + pad;
        const innerItems: DrawItem[] = [];
        const callout = structNode('Div', parent);
        block.blocks.forEach((child, i) => {
          if (i > 0) innerY += this.spacing(child).before;
          innerY = this.block(child, inner, innerY, innerItems, callout, this.theme.callout.wrap);
          this.stopIfFull(innerY);
        });
        const height = innerY + pad - y;
        background.push({ type: 'rect', x: area.x, y, width: area.width, height, colour: this.theme.colours.calloutFill });
        // The keyline keeps the callout's edge when a photocopier drops its light fill.
        const keyline = this.theme.callout.keyline;
        if (keyline > 0) background.push({ type: 'frame', x: area.x, y, width: area.width, height, lineWidth: keyline, colour: this.theme.colours.keyline });
        background.push({ type: 'rect', x: this.x(0, bar, area), y, width: bar, height, colour: this.theme.colours.accent });
        items.push(...background, ...innerItems);
        return y + height;
      }
      case 'contact': {
        const contact = structNode('Div', parent);
        block.blocks.forEach((child) => {
          y = this.text(child.spans, this.theme.styles[child.kind], area, 0, area.width, y, items, textNode(child, contact));
          y += this.space(this.theme.styles[child.kind].spaceAfter);
          this.stopIfFull(y);
        });
        return y;
      }
      case 'qr': {
        const size = this.theme.qr.size * s;
        const gap = this.theme.qr.gap * s;
        // Its alternative text: what the caption says, then the address the code holds.
        const alt = `${spansText(block.caption)} ${block.value.replace(/^https?:\/\//, '')}`;
        items.push({ type: 'qr', x: this.x(0, size, area), y, size, value: block.value, colour: this.theme.colours.text, node: structNode('Figure', parent, { alt }) });
        const captionBottom = this.text(block.caption, this.theme.styles.label, area, size + gap, area.width - size - gap, y, items, structNode('P', parent));
        return y + Math.max(size, captionBottom - y);
      }
      case 'logo': {
        // The theme's height, scaled with the type; the width from the logo's own proportions, never wider than the column.
        const wanted = this.theme.logo.height * s;
        const width = Math.min(area.width, wanted * block.image.width / block.image.height);
        const height = width * block.image.height / block.image.width;
        // A logo without alternative text is decoration to a screen reader: an artifact.
        items.push({ type: 'logo', x: this.x(0, width, area), y, width, height, image: block.image, alt: block.alt, node: block.alt ? structNode('Figure', parent, { alt: block.alt }) : undefined });
        if (!block.caption.length) return y + height;
        const gap = this.theme.logo.gap * s;
        const captionBottom = this.text(block.caption, this.theme.styles.small, area, width + gap, area.width - width - gap, y, items, structNode('P', parent));
        return y + Math.max(height, captionBottom - y);
      }
      case 'spacer':
        return y;
    }
  }

  /** A paragraph at `start` from the area's start side, `width` wide. */
  text(spans: InlineSpan[], style: BlockStyle, area: Area, start: Points, width: Points, y: Points, items: DrawItem[], node?: StructNode): Points {
    const size = setSize(style, this.tightening);
    const { lines, lineSize, lineHeight } = style.shrinkToKeep ? this.keepingPhrases(spans, style, size, width, y) : this.lines(spans, style, size, width, y);
    const x = this.x(start, width, area);
    const primary = this.language.fonts.regular[0];
    lines.forEach((line, i) => {
      const top = y + i * lineHeight;
      // Centre the font's ascent-descent box in the line.
      const baseline = top + (lineHeight - (primary.ascent - primary.descent) * lineSize) / 2 + primary.ascent * lineSize;
      items.push({ type: 'line', line, x, baseline, colour: style.colour, node });
    });
    return y + lines.length * lineHeight;
  }

  /**
   * Display text at `size`, or smaller, step by step down to its floor, at the
   * first size where no `<nobr>` phrase or keep word breaks. If even the
   * floor breaks one, smaller type would not help: the size stays.
   */
  private keepingPhrases(spans: InlineSpan[], style: BlockStyle, size: Points, width: Points, y: Points) {
    const design = this.lines(spans, style, size, width, y);
    for (let smaller = size - style.size * SHRINK_STEP; design.keptBroken && smaller > style.minSize - 1e-9; smaller -= style.size * SHRINK_STEP) {
      const set = this.lines(spans, style, smaller, width, y);
      if (!set.keptBroken) return set;
    }
    return design;
  }

  /** The lines of a paragraph at `size` (points of the type scale), with their spacing. */
  private lines(spans: InlineSpan[], style: BlockStyle, size: Points, width: Points, y: Points) {
    // Lines are spaced for the script's own letters, set at its primary font's size.
    const lineSize = size * this.language.typography.sizeFactor;
    const lineHeight = lineSize * clearLineSpacing(this.language.typography.lineSpacing, this.language.fonts) * style.leading;
    // Lines enough to pass the limit by a whole line: a paragraph that gets them all certainly overflows.
    const maxLines = Math.max(1, Math.floor((this.limit - this.above - y) / lineHeight) + 2);
    const notes: LayoutNotes = { keptBroken: false };
    const lines = layoutParagraph(spans, width, { size, lineHeight, align: style.align, bold: style.bold, hyphenate: style.hyphenate, wrap: style.wrap }, this.language, maxLines, notes);
    if (lines.length >= maxLines) throw new PanelFull(this.above + y + lines.length * lineHeight);
    return { lines, lineSize, lineHeight, keptBroken: notes.keptBroken };
  }
}
