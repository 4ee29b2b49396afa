import * as path from 'node:path';
import { PamphletError } from '../core/errors';
import { Millimetres } from '../core/units';
import { Format } from '../format/format';
import { isSheet, PaperName } from '../imposition/paper';

/**
 * Who prints the PDF. `office`: a desktop or office printer, on the sheet
 * itself, no bleed, marks where such a printer prints. `shop`: a print shop,
 * which trims: the piece with its bleed, crop and fold marks in the slug
 * around it, colours in CMYK.
 */
export type PrintTarget = 'office' | 'shop';

export const PRINT_TARGETS: readonly PrintTarget[] = ['office', 'shop'];
export const DEFAULT_PRINT: PrintTarget = 'office';

/** The shop's standard bleed, for a format that names none (`bleedMm`). */
export const SHOP_BLEED_MM: Millimetres = 3;

/**
 * The shop's marks, in the slug outside the bleed: each starts `offsetMm`
 * from the trim (1 mm beyond a 3 mm bleed) and is `lengthMm` long; the slug
 * leaves `clearMm` beyond them to the edge of the sheet.
 */
export const SHOP_MARKS = { offsetMm: 4, lengthMm: 6, clearMm: 2, weight: 0.25 } as const;

/** The slug: the room outside the bleed that holds the marks. */
export function slugMm(bleedMm: Millimetres): Millimetres {
  return Math.max(0, SHOP_MARKS.offsetMm - bleedMm) + SHOP_MARKS.lengthMm + SHOP_MARKS.clearMm;
}

/** How close to the paper's edge an office printer prints: marks nearer than this would not print. */
export const OFFICE_PRINTABLE_MM: Millimetres = 5;

/** `office`, `shop`, both separated by a comma, or `all`: the targets, in the order above, each once. */
export function parsePrintTargets(value: string, place: { file?: string; key?: string } = {}): PrintTarget[] {
  const asked = value.split(',').map((part) => part.trim());
  if (asked.includes('all')) return [...PRINT_TARGETS];
  for (const part of asked) {
    if (!(PRINT_TARGETS as readonly string[]).includes(part)) {
      const shown = JSON.stringify(part.length > 30 ? `${part.slice(0, 30)}…` : part);
      throw new PamphletError(`unknown print target ${shown}. Use office, shop, both separated by a comma, or all.`, place, 'usage');
    }
  }
  return PRINT_TARGETS.filter((target) => asked.includes(target));
}

/**
 * The papers a format is printed on for a target. The office prints on its
 * sheets; a piece smaller than the sheet (the wallet card) goes to the shop
 * alone, on the paper `piece`, which the shop imposes and cuts itself.
 */
export function papersFor(format: Format, target: PrintTarget): PaperName[] {
  const papers = format.papers as PaperName[];
  if (target === 'office') return papers.filter(isSheet);
  return format.piece ? papers.filter((p) => !isSheet(p)) : papers;
}

/** Office PDFs where they have always been, OUT/<format>/<paper>/<lang>.pdf; the shop's beside them under OUT/shop/. */
export function outputPath(out: string, target: PrintTarget, format: string, paper: PaperName, piece: string): string {
  return target === 'office' ? path.join(out, format, paper, `${piece}.pdf`) : path.join(out, 'shop', format, paper, `${piece}.pdf`);
}

/** The PDF's /Duplex: how the printer turns the sheet to print its back. */
export type Duplex = 'Simplex' | 'DuplexFlipShortEdge' | 'DuplexFlipLongEdge';

/**
 * A one-sided format is printed simplex. A two-sided one names how its
 * reader turns it over (`turn`): `sideways` as a book's page, about the
 * upright axis; `upwards` as a wall calendar, about the level one. On a
 * landscape sheet the upright axis runs along the short edge, so the flip
 * follows from the turn and the orientation, never from the format's name.
 */
export function duplexOf(format: Format): Duplex {
  if (format.sides.length < 2) return 'Simplex';
  const sideways = (format.turn ?? 'sideways') === 'sideways';
  const landscape = format.orientation === 'landscape';
  return sideways === landscape ? 'DuplexFlipShortEdge' : 'DuplexFlipLongEdge';
}
