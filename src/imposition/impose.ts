import { PamphletError } from '../core/errors';
import { mm, Points, toMm } from '../core/units';
import { Format } from '../format/format';
import { Direction } from '../languages/language';
import { Box, DrawItem, translate } from '../layout/draw-items';
import { isSheet, PAPERS, PaperName, SheetName } from './paper';
import { OFFICE_PRINTABLE_MM, PrintTarget, SHOP_BLEED_MM, SHOP_MARKS, slugMm } from '../print/print-target';

/** Where one panel of the piece lands: which side and which box, in the piece's own coordinates. */
export interface PanelSlot {
  page: number;
  /** The whole panel, fold to fold. */
  panel: Box;
  /** The area text may use inside it, clear of the paper's edge and the folds. */
  content: Box;
}

/** Where a copy of the piece's side goes on the page: its top-left corner. */
export interface Placement {
  x: Points;
  y: Points;
}

export interface Imposition {
  pageWidth: Points;
  pageHeight: Points;
  /** The trimmed piece: the sheet itself, or a smaller piece (a card). */
  pieceWidth: Points;
  pieceHeight: Points;
  /** How much larger than designed the type is set on this paper: 1 unless the format names its design paper. */
  designScale: number;
  /** Slots in reading order, one per panel of the format, in the piece's coordinates. */
  slots: PanelSlot[];
  /** Per page (one per side of the piece): where each copy of that side is placed. */
  placements: Placement[][];
  /** What is printed besides the panels, per page, in page coordinates: fold and cut marks. */
  marks: DrawItem[][];
  /** For a print shop: the trimmed piece and its bleed on the page (the MediaBox is the page, with a slug for the marks). */
  boxes?: { trim: Box; bleed: Box };
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

/** The sheet's width and height as the format turns it. */
function sheetSize(format: Format, name: SheetName): [Points, Points] {
  const paper = PAPERS[name];
  return format.orientation === 'landscape' ? [paper.height, paper.width] : [paper.width, paper.height];
}

/** The scale of the page against the format's design paper, as a photocopier enlarges: the smaller of the two sides' ratios. */
function designScale(format: Format, paperName: PaperName): number {
  if (!format.designPaper || !isSheet(paperName)) return 1;
  const [width, height] = sheetSize(format, paperName);
  const [designWidth, designHeight] = sheetSize(format, format.designPaper as SheetName);
  return Math.min(width / designWidth, height / designHeight);
}

/** The least room inside a panel's margins, either way: about two words of body text. */
const MIN_PANEL: Points = mm(15);

const stroke = (x1: Points, y1: Points, x2: Points, y2: Points, colour: string, width: Points = 0.5): DrawItem => ({ type: 'stroke', x1, y1, x2, y2, width, colour });

/**
 * Places a format's panels: each panel is a column of its side of the
 * piece, with the format's margins clear of the piece's edge and of every
 * fold. For a right-to-left language a mirrored format puts every column at
 * its mirror image, so the piece folds the other way. A piece smaller than
 * the sheet is then placed on it in the format's grid, backs mirrored left
 * to right so that each falls behind its front (duplex, long edge), or
 * alone with its bleed on the paper `piece`. For a print shop every piece
 * is placed alone, with its bleed and a slug that holds its crop and fold
 * marks (src/print/print-target.ts); for an office printer, marks stay at
 * least 5 mm from the paper's edge.
 */
export function impose(format: Format, paperName: PaperName, direction: Direction, markColour: string, target: PrintTarget = 'office'): Imposition {
  if (target === 'office' && !isSheet(paperName)) {
    throw new PamphletError(`the paper "${paperName}" is one piece with bleed, for a print shop: build it with --print shop.`, { file: format.file }, 'usage');
  }
  const [pieceWidth, pieceHeight] = format.piece ? [mm(format.piece.widthMm), mm(format.piece.heightMm)] : sheetSize(format, paperName as SheetName);
  const mirror = (x: Points, w: Points) => (direction === 'rtl' && format.mirrorForRightToLeft ? pieceWidth - x - w : x);
  const edge = mm(format.margins.edgeMm);
  const gutter = mm(format.margins.foldMm);
  const sides = format.sides.map((_, side) => columnsOf(format, side, pieceWidth));
  const slots = format.panels.map(({ side, column }) => {
    const col = sides[side][column];
    const x = mirror(col.x, col.w);
    // A column's side at the piece's edge keeps the edge margin; at a fold, the fold's.
    const left = x < 1 ? edge : gutter;
    const right = x + col.w > pieceWidth - 1 ? edge : gutter;
    return {
      page: side,
      panel: { x, y: 0, width: col.w, height: pieceHeight },
      content: { x: x + left, y: edge, width: col.w - left - right, height: pieceHeight - 2 * edge },
    };
  });
  const foldMarks = sides.map((columns) => {
    if (!format.foldMarks) return [];
    const length = mm(format.foldMarks.lengthMm);
    // Nearer the edge than an office printer prints, a mark would not print at all.
    const offset = mm(Math.max(format.foldMarks.offsetMm, OFFICE_PRINTABLE_MM));
    return columns.slice(1).map((c) => mirror(c.x, 0)).sort((a, b) => a - b).flatMap((x) =>
      [[offset, offset + length], [pieceHeight - offset - length, pieceHeight - offset]].map(([y1, y2]) => stroke(x, y1, x, y2, markColour)));
  });
  slots.forEach((slot, i) => {
    // A format is input: columns adjusted or margins so wide that a panel has no room would lay text out of sight.
    if (slot.content.width < MIN_PANEL || slot.content.height < MIN_PANEL) {
      throw new PamphletError(`panel ${i + 1} has ${Math.round(toMm(slot.content.width))} x ${Math.round(toMm(slot.content.height))} mm inside its margins, too little for any text. Make its column wider or its margins smaller.`, { file: format.file, key: `${format.panelsKey ?? 'panels'}.${i}` });
    }
  });
  if (target === 'shop') return { ...shopPage(format, sides, pieceWidth, pieceHeight, mirror, markColour), pieceWidth, pieceHeight, designScale: designScale(format, paperName), slots };
  const sheet = placeOnSheet(format, paperName, pieceWidth, pieceHeight, markColour);
  const marks = sheet.placements.map((copies, side) => [
    ...copies.flatMap(({ x, y }) => foldMarks[side].map((m) => translate(m, x, y))),
    ...sheet.cutMarks,
  ]);
  return { pageWidth: sheet.width, pageHeight: sheet.height, pieceWidth, pieceHeight, designScale: designScale(format, paperName), slots, placements: sheet.placements, marks };
}

/** The office's page, where each side's copies go on it, and the cut marks: one-up, or a grid of pieces. */
function placeOnSheet(format: Format, paperName: PaperName, pieceWidth: Points, pieceHeight: Points, markColour: string) {
  const sides = format.sides.length;
  if (!format.piece) return { width: pieceWidth, height: pieceHeight, placements: Array.from({ length: sides }, () => [{ x: 0, y: 0 }]), cutMarks: [] };
  const [width, height] = sheetSize(format, paperName as SheetName);
  const { columns, rows } = format.grids![paperName as SheetName]!;
  const left = (width - columns * pieceWidth) / 2;
  const top = (height - rows * pieceHeight) / 2;
  // The grid must fit the sheet with its cut marks where an office printer prints them, or pieces would be cut off the paper.
  const marksRoom = format.cutMarks ? mm(format.cutMarks.offsetMm + format.cutMarks.lengthMm + OFFICE_PRINTABLE_MM) - 0.01 : 0;
  if (Math.min(left, top) < marksRoom) {
    throw new PamphletError(`on ${PAPERS[paperName as SheetName].label}, ${columns} x ${rows} pieces of ${format.piece!.widthMm} x ${format.piece!.heightMm} mm${marksRoom ? ' and their cut marks' : ''} do not fit the sheet, with the marks 5 mm clear of its edge for an office printer. Take fewer columns or rows for it.`, { file: format.file, key: `grids.${paperName}` });
  }
  const cell = (column: number, row: number) => ({ x: left + column * pieceWidth, y: top + row * pieceHeight });
  const placements = Array.from({ length: sides }, (_, side) => {
    const copies: Placement[] = [];
    for (let row = 0; row < rows; row++) {
      // The back (side 1) mirrored left to right: flipped on its long edge, each back falls behind its front.
      for (let column = 0; column < columns; column++) copies.push(cell(side === 1 ? columns - 1 - column : column, row));
    }
    return copies;
  });
  const cutMarks: DrawItem[] = [];
  if (format.cutMarks) {
    const length = mm(format.cutMarks.lengthMm);
    const offset = mm(format.cutMarks.offsetMm);
    const [right, bottom] = [left + columns * pieceWidth, top + rows * pieceHeight];
    for (let c = 0; c <= columns; c++) {
      const x = left + c * pieceWidth;
      cutMarks.push(stroke(x, top - offset - length, x, top - offset, markColour), stroke(x, bottom + offset, x, bottom + offset + length, markColour));
    }
    for (let r = 0; r <= rows; r++) {
      const y = top + r * pieceHeight;
      cutMarks.push(stroke(left - offset - length, y, left - offset, y, markColour), stroke(right + offset, y, right + offset + length, y, markColour));
    }
  }
  return { width, height, placements, cutMarks };
}

/**
 * A print shop's page: the piece alone, its bleed all round, and a slug
 * beyond the bleed for the marks: crop marks at the four corners, in line
 * with the trim, and fold marks in line with each fold, all outside the
 * bleed, so that none is left on the trimmed piece.
 */
function shopPage(format: Format, sides: { x: Points; w: Points }[][], pieceWidth: Points, pieceHeight: Points, mirror: (x: Points, w: Points) => Points, markColour: string) {
  const bleedMm = format.bleedMm ?? SHOP_BLEED_MM;
  const bleed = mm(bleedMm);
  const at = bleed + mm(slugMm(bleedMm));
  const [width, height] = [pieceWidth + 2 * at, pieceHeight + 2 * at];
  const [left, top, right, bottom] = [at, at, at + pieceWidth, at + pieceHeight];
  const near = mm(SHOP_MARKS.offsetMm);
  const far = near + mm(SHOP_MARKS.lengthMm);
  const mark = (x1: Points, y1: Points, x2: Points, y2: Points) => stroke(x1, y1, x2, y2, markColour, SHOP_MARKS.weight);
  const crop = [
    ...[left, right].flatMap((x) => [mark(x, top - far, x, top - near), mark(x, bottom + near, x, bottom + far)]),
    ...[top, bottom].flatMap((y) => [mark(left - far, y, left - near, y), mark(right + near, y, right + far, y)]),
  ];
  const marks = sides.map((columns) => [
    ...crop,
    ...columns.slice(1).map((c) => left + mirror(c.x, 0)).sort((a, b) => a - b).flatMap((x) => [mark(x, top - far, x, top - near), mark(x, bottom + near, x, bottom + far)]),
  ]);
  return {
    pageWidth: width,
    pageHeight: height,
    placements: sides.map(() => [{ x: left, y: top }]),
    marks,
    boxes: {
      trim: { x: left, y: top, width: pieceWidth, height: pieceHeight },
      bleed: { x: left - bleed, y: top - bleed, width: pieceWidth + 2 * bleed, height: pieceHeight + 2 * bleed },
    },
  };
}
