import { Points, mm } from '../core/units';
import { Direction } from '../languages/language';
import { Box } from '../layout/draw-items';
import { PAPERS, PaperName } from './paper';

/** Where one panel of the pamphlet lands: which page (0 outside, 1 inside) and which box. */
export interface PanelSlot {
  page: 0 | 1;
  /** The whole panel, fold to fold. */
  panel: Box;
  /** The area text may use inside it, clear of the paper edge and the folds. */
  content: Box;
}

export interface TrifoldImposition {
  pageWidth: Points;
  pageHeight: Points;
  /** Slots in reading order: cover, first panel seen on opening, the three inside panels, back. */
  slots: PanelSlot[];
  /** x positions of the folds on each page. */
  folds: [Points[], Points[]];
}

/** The panel that folds in is this much narrower so the pamphlet closes flat. */
export const FOLD_IN_SHORTENING = mm(2);
/** Clear of the paper edge: most office and mission printers cannot print closer. */
export const EDGE_MARGIN = mm(10);
/** Clear of each fold, on both sides, so no text runs into a crease. */
export const FOLD_GUTTER = mm(7);

/**
 * Imposes six panels on two landscape pages, as a roll (letter) fold:
 *
 *   page 1, outside:  [ fold-in flap | back | cover ]
 *   page 2, inside:   [ inside 1 | inside 2 | inside 3 (fold-in) ]
 *
 * printed double-sided, flipped on the short edge, the inside-right panel
 * folds in first and the cover closes over it. For a right-to-left language
 * every position is mirrored, so the cover is where its reader opens the
 * pamphlet: on the outside left, folding the other way.
 */
export function imposeTrifold(paperName: PaperName, direction: Direction): TrifoldImposition {
  const paper = PAPERS[paperName];
  const full = (paper.width + FOLD_IN_SHORTENING) / 3;
  const narrow = full - FOLD_IN_SHORTENING;
  // Left-to-right x and width of each page's three columns.
  const outside = [{ x: 0, w: narrow }, { x: narrow, w: full }, { x: narrow + full, w: full }];
  const inside = [{ x: 0, w: full }, { x: full, w: full }, { x: 2 * full, w: narrow }];
  // Reading order -> (page, column): cover, flap, inside 1-3, back.
  const order: [0 | 1, number][] = [[0, 2], [0, 0], [1, 0], [1, 1], [1, 2], [0, 1]];
  const mirror = (x: Points, w: Points) => (direction === 'rtl' ? paper.width - x - w : x);
  const slots = order.map(([page, column]) => {
    const col = (page === 0 ? outside : inside)[column];
    const x = mirror(col.x, col.w);
    const left = x < 1 ? EDGE_MARGIN : FOLD_GUTTER;
    const right = x + col.w > paper.width - 1 ? EDGE_MARGIN : FOLD_GUTTER;
    return {
      page,
      panel: { x, y: 0, width: col.w, height: paper.height },
      content: { x: x + left, y: EDGE_MARGIN, width: col.w - left - right, height: paper.height - 2 * EDGE_MARGIN },
    };
  });
  const foldsOf = (cols: { x: Points; w: Points }[]) => cols.slice(1).map((c) => mirror(c.x, 0)).sort((a, b) => a - b);
  return { pageWidth: paper.width, pageHeight: paper.height, slots, folds: [foldsOf(outside), foldsOf(inside)] };
}
