import { mm, Points } from '../core/units';
import { Format } from '../format/format';
import { Direction } from '../languages/language';
import { Box, DrawItem } from '../layout/draw-items';
import { PAPERS, PaperName } from './paper';

/** Where one panel of the piece lands: which page and which box. */
export interface PanelSlot {
  page: number;
  /** The whole panel, fold to fold. */
  panel: Box;
  /** The area text may use inside it, clear of the paper's edge and the folds. */
  content: Box;
}

export interface Imposition {
  pageWidth: Points;
  pageHeight: Points;
  /** How much larger than designed the type is set on this paper: 1 unless the format names its design paper. */
  designScale: number;
  /** One per side of the piece. */
  pages: number;
  /** Slots in reading order, one per panel of the format. */
  slots: PanelSlot[];
  /** What is printed besides the panels, per page: fold marks. */
  marks: DrawItem[][];
}

/** Left edges and widths of a side's columns, left to right. */
function columnsOf(format: Format, side: number, width: Points): { x: Points; w: Points }[] {
  const columns = format.sides[side].columns;
  const shares = columns.reduce((sum, c) => sum + c.share, 0);
  const free = width - columns.reduce((sum, c) => sum + mm(c.adjustMm), 0);
  let x = 0;
  return columns.map((c) => {
    const w = (free * c.share) / shares + mm(c.adjustMm);
    const column = { x, w };
    x += w;
    return column;
  });
}

/** The scale of the page against the format's design paper, as a photocopier enlarges: the smaller of the two sides' ratios. */
function designScale(format: Format, paperName: PaperName): number {
  if (!format.designPaper) return 1;
  const paper = PAPERS[paperName];
  const design = PAPERS[format.designPaper as PaperName];
  return Math.min(paper.width / design.width, paper.height / design.height);
}

/**
 * Places a format's panels on its pages, one page per side: each panel is a
 * column of its side, with the format's margins clear of the paper's edge
 * and of every fold. For a right-to-left language a mirrored format puts
 * every column at its mirror image, so the piece folds the other way.
 */
export function impose(format: Format, paperName: PaperName, direction: Direction, foldColour: string): Imposition {
  const paper = PAPERS[paperName];
  const [pageWidth, pageHeight] = format.orientation === 'landscape' ? [paper.height, paper.width] : [paper.width, paper.height];
  const mirror = (x: Points, w: Points) => (direction === 'rtl' && format.mirrorForRightToLeft ? pageWidth - x - w : x);
  const edge = mm(format.margins.edgeMm);
  const gutter = mm(format.margins.foldMm);
  const sides = format.sides.map((_, side) => columnsOf(format, side, pageWidth));
  const slots = format.panels.map(({ side, column }) => {
    const col = sides[side][column];
    const x = mirror(col.x, col.w);
    // A column's side at the paper's edge keeps the edge margin; at a fold, the fold's.
    const left = x < 1 ? edge : gutter;
    const right = x + col.w > pageWidth - 1 ? edge : gutter;
    return {
      page: side,
      panel: { x, y: 0, width: col.w, height: pageHeight },
      content: { x: x + left, y: edge, width: col.w - left - right, height: pageHeight - 2 * edge },
    };
  });
  const marks = sides.map((columns) => {
    if (!format.foldMarks) return [];
    const length = mm(format.foldMarks.lengthMm);
    return columns.slice(1).map((c) => mirror(c.x, 0)).sort((a, b) => a - b).flatMap((x) =>
      [[0, length], [pageHeight - length, pageHeight]].map(([y1, y2]): DrawItem => ({ type: 'stroke', x1: x, y1, x2: x, y2, width: 0.5, colour: foldColour })));
  });
  return { pageWidth, pageHeight, designScale: designScale(format, paperName), pages: format.sides.length, slots, marks };
}
