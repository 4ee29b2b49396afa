import { Points } from '../core/units';
import { DrawItem, itemExtent } from './draw-items';

/**
 * A model of how poppler's pdftotext (TextOutputDev.cc, 22.12) groups a
 * page's text into blocks and finds "tables" among them, from the laid-out
 * lines alone: see docs/pdftotext-reading-order.md. A table's blocks get the
 * table's bounding box for the reading-order sort, so four blocks of two
 * panels that line up by chance make a box over both panels, and a block of
 * one panel under that box is read after all of it. keep-out-of-tables.ts
 * uses this model to move text apart before it is drawn.
 *
 * The model works on whole lines, where poppler works on words: a laid-out
 * line's words are a space apart, nearer than poppler's 0.3 em, so they end
 * up in one block together. A word's box is its advance by the font's
 * ascent and descent times its size (itemExtent), as poppler's is.
 */

/** One laid-out line of text, as poppler sees it. */
export interface TextLineBox {
  /** Which panel of the side it belongs to, and which item of that panel it is. */
  panel: number;
  item: number;
  xMin: Points;
  xMax: Points;
  yMin: Points;
  yMax: Points;
  /** Its baseline, top-down. */
  base: Points;
  /** The size of its left-most run: poppler's `fontSize` of its first word. */
  size: Points;
}

/** A block as poppler forms it: lines, their bounding box, and the size of its first line's first word. */
export interface TextBlockBox {
  lines: TextLineBox[];
  xMin: Points;
  xMax: Points;
  yMin: Points;
  yMax: Points;
  size: Points;
}

// poppler's constants (TextOutputDev.cc).
const textPoolStep = 4;
export const maxLineSpacingDelta = 1.5;
const maxIntraLineDelta = 0.5;
const minColSpacing1 = 0.3;
const minColSpacing2 = 1.0;
const maxBlockFontSizeDelta1 = 0.05;
const maxBlockFontSizeDelta2 = 0.6;
const maxBlockFontSizeDelta3 = 0.2;

/** The text lines among a panel's items. */
export function textLines(items: DrawItem[], panel: number): TextLineBox[] {
  const lines: TextLineBox[] = [];
  items.forEach((item, index) => {
    if (item.type !== 'line' || !item.line.runs.length) return;
    const box = itemExtent(item);
    const first = item.line.runs.reduce((a, b) => (b.x < a.x ? b : a));
    // The baseline as written: to 1/1000 pt (render/baseline-y.ts).
    lines.push({ panel, item: index, xMin: box.x, xMax: box.x + box.width, yMin: box.y, yMax: box.y + box.height, base: Math.round(item.baseline * 1000) / 1000, size: first.size });
  });
  return lines;
}

const poolIndex = (base: Points) => Math.trunc(base / textPoolStep);
/**
 * Lines exactly `maxLineSpacingDelta` apart join: the PDF writer raises each
 * baseline by a hair so that they do (render/baseline-y.ts). Far below the
 * 1/1000 pt baselines are written to, far above floating-point noise.
 */
const HAIR: Points = 1e-7;
const overlapsX = (line: TextLineBox, block: TextBlockBox) => line.xMin < block.xMax && line.xMax > block.xMin;

/**
 * The page's blocks in poppler's order (`TextPage::coalesce`, "assemble the
 * blocks"): each starts from the left-most line among the first four pool
 * rows still holding text, and takes lines above and below it within
 * `maxLineSpacingDelta` of its first line's size that overlap it and have its
 * size (`maxBlockFontSizeDelta1`), lines beside it within `minColSpacing1`,
 * and up to three near outliers (`minColSpacing2`).
 */
export function textBlocks(all: TextLineBox[]): TextBlockBox[] {
  const left = new Set(all);
  // The lines in the orders the passes below take them, sorted once (stably, as a sort of `left` in its order
  // would be) and read skipping those already in a block: each pass adds only the line it is looking at.
  const upward = [...all].sort((a, b) => b.base - a.base);
  const downward = [...all].sort((a, b) => a.base - b.base);
  const blocks: TextBlockBox[] = [];
  while (left.size) {
    // Indexed loops, here and below, over the lines still left: a for-of allocates a step object per line
    // until V8 optimizes the function, and this one runs for every side of every PDF.
    let top = Infinity;
    for (let i = 0; i < all.length; i++) if (left.has(all[i])) top = Math.min(top, poolIndex(all[i].base));
    // The left-most line of the first four rows; an earlier row wins a tie.
    let seed: TextLineBox | null = null;
    for (let i = 0; i < all.length; i++) {
      const line = all[i];
      if (!left.has(line)) continue;
      const row = poolIndex(line.base);
      if (row > top + 3) continue;
      if (!seed || line.xMin < seed.xMin || (line.xMin === seed.xMin && row < poolIndex(seed.base))) seed = line;
    }
    const first = seed!;
    left.delete(first);
    const block: TextBlockBox = { lines: [first], xMin: first.xMin, xMax: first.xMax, yMin: first.yMin, yMax: first.yMax, size: first.size };
    /** The lowest and highest baselines of the block's lines so far. */
    let lowest = first.base;
    let highest = first.base;
    const add = (line: TextLineBox) => {
      left.delete(line);
      block.lines.push(line);
      block.xMin = Math.min(block.xMin, line.xMin);
      block.xMax = Math.max(block.xMax, line.xMax);
      block.yMin = Math.min(block.yMin, line.yMin);
      block.yMax = Math.max(block.yMax, line.yMax);
      lowest = Math.min(lowest, line.base);
      highest = Math.max(highest, line.base);
    };
    const size = first.size;
    const sameSize = (line: TextLineBox, delta: number) => Math.abs(line.size - size) < delta * size;
    let minBase = first.base;
    let maxBase = first.base;
    for (let found = true; found; ) {
      found = false;
      for (let i = 0; i < upward.length; i++) {
        const line = upward[i];
        if (left.has(line) && line.base < minBase && line.base >= minBase - maxLineSpacingDelta * size - HAIR && overlapsX(line, block) && sameSize(line, maxBlockFontSizeDelta1)) {
          add(line);
          found = true;
        }
      }
      minBase = Math.min(minBase, lowest);
      for (let i = 0; i < downward.length; i++) {
        const line = downward[i];
        if (left.has(line) && line.base > maxBase && line.base <= maxBase + maxLineSpacingDelta * size + HAIR && overlapsX(line, block) && sameSize(line, maxBlockFontSizeDelta1)) {
          add(line);
          found = true;
        }
      }
      maxBase = Math.max(maxBase, highest);
      const onLines = (line: TextLineBox) => line.base >= minBase - maxIntraLineDelta * size && line.base <= maxBase + maxIntraLineDelta * size;
      for (let i = 0; i < all.length; i++) {
        const line = all[i];
        if (left.has(line) && onLines(line) && line.xMin < block.xMax + minColSpacing1 * size && line.xMax > block.xMin - minColSpacing1 * size && sameSize(line, maxBlockFontSizeDelta2)) {
          add(line);
          found = true;
        }
      }
      if (found) continue;
      // Outlying lines just beside the block, on either side: if they are on three pool rows or fewer, the first of each row joins.
      for (const side of ['left', 'right'] as const) {
        const near = all.filter((line) => left.has(line) && onLines(line) && sameSize(line, maxBlockFontSizeDelta3)
          && (side === 'left' ? line.xMax <= block.xMin && line.xMax > block.xMin - minColSpacing2 * size : line.xMin >= block.xMax && line.xMin < block.xMax + minColSpacing2 * size));
        const firstOfRow = new Map<number, TextLineBox>();
        for (const line of near.sort((a, b) => a.xMin - b.xMin)) if (!firstOfRow.has(poolIndex(line.base))) firstOfRow.set(poolIndex(line.base), line);
        if (firstOfRow.size > 0 && firstOfRow.size <= 3) {
          for (const line of firstOfRow.values()) {
            add(line);
            minBase = Math.min(minBase, line.base);
            maxBase = Math.max(maxBase, line.base);
          }
          found = true;
        }
      }
    }
    block.lines.sort((a, b) => a.base - b.base || a.xMin - b.xMin);
    // poppler's block size is its first line's first word's.
    block.size = block.lines[0].size;
    blocks.push(block);
  }
  return blocks;
}

/** Four blocks that poppler takes for a table: a block, the one to its right, the one under it, and the one under that. */
export type TableQuad = [TextBlockBox, TextBlockBox, TextBlockBox, TextBlockBox];

const overlapY = (a: TextBlockBox, b: TextBlockBox) => a.yMin <= b.yMax && a.yMax >= b.yMin;
const overlapXB = (a: TextBlockBox, b: TextBlockBox) => a.xMin <= b.xMax && a.xMax >= b.xMin;

/** How far apart the rows of a quad may be and still line up: poppler's `deltaY`, half the smallest of their sizes (`maxIntraLineDelta`). */
export function rowTolerance(quad: TableQuad): Points {
  return maxIntraLineDelta * Math.min(...quad.map((b) => b.size));
}

/**
 * The quads poppler makes tables of (`TextPage::coalesce`, "find fblk2, fblk3
 * and fblk4"): for each block blk1, the nearest block to its right that
 * overlaps it vertically (fblk2), the nearest below that overlaps it
 * horizontally (fblk3) and one below and to the right (fblk4), in a grid;
 * a table if blk1/fblk3 and fblk2/fblk4 line up on the left, right or centre
 * within `minColSpacing1` of the smallest size, and blk1/fblk2 and fblk3/fblk4
 * on the top, bottom or centre within `maxIntraLineDelta` of it.
 */
export function tableQuads(blocks: TextBlockBox[]): TableQuad[] {
  const quads: TableQuad[] = [];
  for (const blk1 of blocks) {
    let fblk2: TextBlockBox | null = null;
    let fblk3: TextBlockBox | null = null;
    let fblk4: TextBlockBox | null = null;
    let bxMin0 = Infinity;
    let byMin0 = Infinity;
    let bxMin1 = Infinity;
    let byMin1 = Infinity;
    for (const blk2 of blocks) {
      if (blk2 === blk1) continue;
      if (blk2.yMin <= blk1.yMax && blk2.yMax >= blk1.yMin && blk2.xMin > blk1.xMax && blk2.xMin < bxMin0) {
        bxMin0 = blk2.xMin;
        fblk2 = blk2;
      } else if (blk2.xMin <= blk1.xMax && blk2.xMax >= blk1.xMin && blk2.yMin > blk1.yMax && blk2.yMin < byMin0) {
        byMin0 = blk2.yMin;
        fblk3 = blk2;
      } else if (blk2.xMin > blk1.xMax && blk2.xMin < bxMin1 && blk2.yMin > blk1.yMax && blk2.yMin < byMin1) {
        bxMin1 = blk2.xMin;
        byMin1 = blk2.yMin;
        fblk4 = blk2;
      }
    }
    if (!fblk2 || !fblk3 || !fblk4) continue;
    if (overlapXB(fblk3, fblk4) || overlapY(fblk2, fblk4) || overlapXB(fblk2, fblk3) || overlapY(fblk2, fblk3) || !(overlapXB(fblk4, fblk2) && overlapY(fblk4, fblk3))) continue;
    const quad: TableQuad = [blk1, fblk2, fblk3, fblk4];
    const size = Math.min(...quad.map((b) => b.size));
    const dx = minColSpacing1 * size;
    const dy = maxIntraLineDelta * size;
    const cx = (b: TextBlockBox) => (b.xMin + b.xMax) / 2;
    const cy = (b: TextBlockBox) => (b.yMin + b.yMax) / 2;
    const columns = (f: (b: TextBlockBox) => number) => Math.abs(f(blk1) - f(fblk3)) <= dx && Math.abs(f(fblk2) - f(fblk4)) <= dx;
    const rows = (f: (b: TextBlockBox) => number) => Math.abs(f(blk1) - f(fblk2)) <= dy && Math.abs(f(fblk3) - f(fblk4)) <= dy;
    const inColumns = columns(cx) || columns((b) => b.xMin) || columns((b) => b.xMax);
    const inRows = rows(cy) || rows((b) => b.yMin) || rows((b) => b.yMax);
    if (inColumns && inRows) quads.push(quad);
  }
  return quads;
}

/** Blocks poppler reads as one table: quads that share a block are one table (`tableId`), its box their bounding box (`ExMin`…`EyMax`). */
export interface Table {
  quads: TableQuad[];
  members: Set<TextBlockBox>;
  yMin: Points;
}

export function tables(quads: TableQuad[]): Table[] {
  const found: Table[] = [];
  for (const quad of quads) {
    const joined = found.filter((t) => quad.some((b) => t.members.has(b)));
    const table: Table = { quads: [quad, ...joined.flatMap((t) => t.quads)], members: new Set([...quad, ...joined.flatMap((t) => [...t.members])]), yMin: 0 };
    table.yMin = Math.min(...[...table.members].map((b) => b.yMin));
    found.splice(0, found.length, ...found.filter((t) => !joined.includes(t)), table);
  }
  return found;
}

/**
 * Whether a table puts a block out of order (`TextBlock::visitDepthFirst`,
 * `isBeforeByRule1`): every member has the table's box, whose top is that of
 * its highest member, so a block that is not a member, starts below that top
 * and comes before a member of its own panel (is higher on the page) is read
 * after that member. Higher, not wholly above: where a font's box is taller
 * than the line spacing (Arabic Naskh: 1.703 em, lines 1.7 em apart), the
 * boxes of consecutive lines overlap by a hair, so the "block under blk1" of
 * a quad (`tableQuads`) is the line after next, and the line between them,
 * not a member, is read after it.
 */
export function readsOutOfOrder(table: Table, blocks: TextBlockBox[]): boolean {
  const panel = (b: TextBlockBox) => b.lines[0].panel;
  const members = [...table.members];
  const higher = (x: TextBlockBox, t: TextBlockBox) => x.yMin < t.yMin && x.yMax < t.yMax;
  return blocks.some((x) => !table.members.has(x) && x.yMin > table.yMin && members.some((t) => panel(t) === panel(x) && higher(x, t)));
}
