import { Points } from '../core/units';
import { DrawItem } from './draw-items';
import { readsOutOfOrder, rowTolerance, TableQuad, tableQuads, tables, TextBlockBox, textBlocks, textLines } from './pdftotext-tables';

/**
 * Keeps the panels of a side from making pdftotext "tables" by chance.
 *
 * poppler's pdftotext (TextPage::coalesce) takes four blocks for a table when
 * they line up in two columns and two rows: a panel's blocks all start at the
 * same x, so any two blocks of one panel whose tops, bottoms or centres
 * happen to lie within half a type size of those of two blocks of the next
 * panel make one. The table's blocks then share its bounding box, which
 * spans both panels, and TextBlock::visitDepthFirst reads a block of either
 * panel that lies under the top of that box after all of the table: a
 * paragraph comes out after the labels below it. Where the ink is is all
 * that decides it (docs/pdftotext-reading-order.md), so the rule moves ink:
 * for each such table it adds a little space above one of its blocks (a
 * panel block, never between the lines of a paragraph), as little as takes
 * its row out of line with the facing block, and only where the panel has
 * room for it (the spacers give it up). A side without such a table is left
 * as it was.
 */

/** A panel of a side, laid out: its items, and for each the index of the panel block it came from. */
export interface LaidPanel {
  items: DrawItem[];
  origins: number[];
}

/** Lays a panel out again with space added above some of its blocks; null if it would then not fit. */
export type Relayout = (panel: number, space: ReadonlyMap<number, Points>) => LaidPanel | null;

/** How far past poppler's tolerance a moved row is put: its comparisons are on numbers written to a few decimals. */
const MARGIN: Points = 0.05;
/** At most this many moves per side, each taking a table away, and this many moves tried for each: the work stays bounded whatever the text. */
const MAX_MOVES = 8;
const MAX_TRIES = 16;

const sideBlocks = (panels: LaidPanel[]) => textBlocks(panels.flatMap((p, i) => textLines(p.items, i)));

/** The tables of a side that put a block of a panel out of order, as quads. */
export function misreadTables(panels: LaidPanel[]): TableQuad[][] {
  return misread(sideBlocks(panels));
}

const misread = (blocks: TextBlockBox[]) => tables(tableQuads(blocks)).filter((table) => readsOutOfOrder(table, blocks)).map((table) => table.quads);

/**
 * The smallest move t (of the sign given) of one block such that it no
 * longer lines up with its row partner: its top, bottom and centre all more
 * than `tolerance` from the partner's. The bad moves for each edge are an
 * interval; step past whichever one t is in until it is in none.
 */
export function smallestMove(block: TextBlockBox, partner: TextBlockBox, tolerance: Points, sign: 1 | -1): Points {
  const edges = (b: TextBlockBox) => [b.yMin, b.yMax, (b.yMin + b.yMax) / 2];
  const pe = edges(partner);
  const bad = edges(block).map((e, i) => [pe[i] - e - tolerance - MARGIN, pe[i] - e + tolerance + MARGIN]);
  let t = 0;
  for (let moved = true; moved; ) {
    moved = false;
    for (const [lo, hi] of bad) {
      if (sign > 0 ? t >= lo && t < hi : t > lo && t <= hi) {
        t = sign > 0 ? hi : lo;
        moved = true;
      }
    }
  }
  return t;
}

/** Tops closer than this are lined up on purpose: the first lines under headings of one size. */
const SAME_TOP: Points = 0.01;

/**
 * The pairs of blocks of neighbouring panels (side by side, no panel between)
 * whose tops are level, each block named by its panel and its first line's
 * item.
 */
function levelTops(blocks: TextBlockBox[]): Set<string> {
  const panelOf = (b: TextBlockBox) => b.lines[0].panel;
  const left = new Map<number, Points>();
  for (const b of blocks) left.set(panelOf(b), Math.min(left.get(panelOf(b)) ?? Infinity, b.xMin));
  const order = [...left.keys()].sort((a, b) => left.get(a)! - left.get(b)!);
  const neighbours = (a: number, b: number) => Math.abs(order.indexOf(a) - order.indexOf(b)) === 1;
  const name = (b: TextBlockBox) => `${panelOf(b)}:${b.lines[0].item}`;
  const pairs = new Set<string>();
  for (const a of blocks) {
    for (const b of blocks) {
      if (panelOf(a) < panelOf(b) && neighbours(panelOf(a), panelOf(b)) && Math.abs(a.yMin - b.yMin) < SAME_TOP) pairs.add(`${name(a)} ${name(b)}`);
    }
  }
  return pairs;
}

/** The text lines a panel block was laid out into, in order. */
const linesOf = (panel: LaidPanel, origin: number): DrawItem[] => panel.items.filter((item, i) => panel.origins[i] === origin && item.type === 'line');

/** Where a block's first line is now, found by the line's panel block and its place among that block's lines. */
function firstLineBase(panel: LaidPanel, origin: number, nth: number): Points | null {
  const lines = linesOf(panel, origin);
  const line = lines[nth];
  return line && line.type === 'line' ? line.baseline : null;
}

/**
 * The side's panels with its chance tables broken: tries, for each table,
 * space above each of its blocks (but a panel's first, which would move the
 * panel's heading off its neighbours'), as much as takes that block's row out
 * of line, and keeps the smallest that leaves fewer such tables and moves
 * no block whose top was level with one of the panel beside it (the first
 * lines under the headings: a line across the side that the eye would see
 * break). Gives the panels back unchanged when there is no table, or no move
 * helps.
 */
export function keepOutOfTables(panels: LaidPanel[], relayout: Relayout): LaidPanel[] {
  let current = panels;
  const spaces = panels.map(() => new Map<number, Points>());
  const withSpace = (panel: number, origin: number, space: Points) => new Map([...spaces[panel], [origin, (spaces[panel].get(origin) ?? 0) + space]]);
  for (let round = 0; round < MAX_MOVES; round++) {
    const blocks = sideBlocks(current);
    const tables = misread(blocks);
    if (!tables.length) break;
    const levels = levelTops(blocks);
    const tries: { panel: number; origin: number; nth: number; baseline: Points; move: Points }[] = [];
    for (const quad of tables.flat().slice(0, MAX_TRIES / 4)) {
      const tolerance = rowTolerance(quad);
      const [blk1, fblk2, fblk3, fblk4] = quad;
      for (const [block, partner] of [[blk1, fblk2], [fblk2, blk1], [fblk3, fblk4], [fblk4, fblk3]]) {
        const line = block.lines[0];
        const panel = current[line.panel];
        const origin = panel.origins[line.item];
        const first = panel.items[line.item];
        if (origin === 0 || first.type !== 'line') continue;
        const move = smallestMove(block, partner, tolerance, 1);
        // A little: never more than half the smallest type size of the table, less than a gap between paragraphs,
        // so that the page keeps its rhythm (a larger move reads as a section break that is not there).
        if (move > tolerance) continue;
        const nth = linesOf(panel, origin).indexOf(first);
        tries.push({ panel: line.panel, origin, nth, baseline: first.baseline, move });
      }
    }
    tries.sort((a, b) => a.move - b.move);
    let better: LaidPanel[] | null = null;
    for (const t of tries.slice(0, MAX_TRIES)) {
      let space = t.move;
      let laid = relayout(t.panel, withSpace(t.panel, t.origin, space));
      // A block in a group anchored to the panel's foot moves less than the space above it, or not at all: ask for more.
      const moved = laid ? (firstLineBase(laid, t.origin, t.nth) ?? t.baseline) - t.baseline : 0;
      if (laid && Math.abs(moved - t.move) > 1e-6) {
        if (moved < 1e-3 * space) continue;
        space *= t.move / moved;
        laid = relayout(t.panel, withSpace(t.panel, t.origin, space));
      }
      if (!laid) continue;
      const next = current.map((p, i) => (i === t.panel ? laid! : p));
      const after = sideBlocks(next);
      const kept = levelTops(after);
      if (misread(after).length < tables.length && [...levels].every((pair) => kept.has(pair))) {
        spaces[t.panel] = withSpace(t.panel, t.origin, space);
        better = next;
        break;
      }
    }
    if (!better) break;
    current = better;
  }
  return current;
}
