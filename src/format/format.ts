import { z } from 'zod';
import { PAPER_NAMES } from '../imposition/paper';

const millimetres = (max: number) => z.number().min(0).max(max);
const paperName = z.string().refine((name) => (PAPER_NAMES as readonly string[]).includes(name), `a paper: ${PAPER_NAMES.join(', ')}`);

/**
 * A column of one side of the piece, between folds (or the edges). Its width
 * is its `share` of what the side's width leaves after every column's
 * `adjustMm`, plus its own `adjustMm`: a tri-fold's fold-in panel is
 * `{ "adjustMm": -2 }`, 2 mm narrower so that it folds inside the others.
 */
const columnSchema = z.object({
  share: z.number().min(0.05).max(20).default(1),
  adjustMm: z.number().min(-100).max(100).default(0),
}).strict();

/** One printed side of the piece: its columns, left to right as printed for a left-to-right language. */
const sideSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a plain name such as outside'),
  columns: z.array(columnSchema).min(1).max(12),
}).strict();

const marginsSchema = z.object({
  /** Clear of the paper's edge: most office printers cannot print closer than about 5 mm. */
  edgeMm: millimetres(60),
  /** Clear of each fold (or, in a bilingual piece, of the other language's column), on both sides, so that no text runs into a crease. */
  foldMm: millimetres(30),
}).strict();

const placeSchema = { side: z.number().int().min(0).max(1), column: z.number().int().min(0).max(11) };

/**
 * How a bilingual piece (`--lang th+en`) is arranged: its own sides and
 * margins if it needs them, and which panel of the template, in which of the
 * two languages (0 the first named, 1 the second), fills each place: side by
 * side on a poster, front and back on a card.
 */
const bilingualSchema = z.object({
  /** The papers a bilingual piece is printed on, when fewer than the format's: two posters side by side need a large sheet. */
  papers: z.array(paperName).min(1).max(8).optional(),
  sides: z.array(sideSchema).min(1).max(2).optional(),
  margins: marginsSchema.optional(),
  panels: z.array(z.object({
    ...placeSchema,
    panel: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'the name of one of the template\'s panels, such as front'),
    language: z.number().int().min(0).max(1),
  }).strict()).min(2).max(24),
}).strict();

/** The places of `panels` must be columns of `sides`, each used once. */
/** Whether a piece in `languages` languages is printed on `paper`: a bilingual one only on its arrangement's papers, if it names them. */
export function printsOn(format: Format, languages: number, paper: string): boolean {
  return languages === 1 || !format.bilingual?.papers || format.bilingual.papers.includes(paper);
}

function checkPlaces(sides: { name: string; columns: unknown[] }[], panels: { side: number; column: number }[], at: string[], ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...at, ...path], message });
  panels.forEach((panel, i) => {
    const side = sides[panel.side];
    if (!side) issue(['panels', i, 'side'], `a side of this format (0 to ${sides.length - 1})`);
    else if (panel.column >= side.columns.length) issue(['panels', i, 'column'], `a column of side "${side.name}" (0 to ${side.columns.length - 1})`);
  });
  const places = panels.map((p) => `${p.side}/${p.column}`);
  const twice = places.findIndex((place, i) => places.indexOf(place) !== i);
  if (twice >= 0) issue(['panels', twice], 'a place no other panel has: two panels cannot share a column');
}

/**
 * A format: the piece's pages and panels as data (templates/formats/*.json).
 * The imposition code places them (src/imposition/impose.ts); no format is
 * named in code.
 */
export const formatSchema = z.object({
  _comment: z.string().optional(),
  description: z.string().max(500),
  /** Papers the piece is printed on, and which way the sheet is turned. */
  papers: z.array(paperName).min(1).max(8),
  orientation: z.enum(['portrait', 'landscape']),
  sides: z.array(sideSchema).min(1).max(2),
  margins: marginsSchema,
  /** The panels in reading order: which side and which column (0 = left, for a left-to-right language). The template's panels fill them in order. */
  panels: z.array(z.object(placeSchema).strict()).min(1).max(24),
  /**
   * The paper the theme's sizes are meant for. On another paper every size
   * and space scales with the page (a Letter poster enlarged to A3 is 1.38
   * times larger, as on a photocopier); without it, sizes stay as designed.
   */
  designPaper: paperName.optional(),
  /** For a right-to-left language every position is mirrored, so that the piece opens the way its reader reads. */
  mirrorForRightToLeft: z.boolean(),
  /** Short strokes at each fold, near the top and bottom edge, to fold by: `offsetMm` in from the edge, where an office printer prints (most leave 4 to 5 mm blank). */
  foldMarks: z.object({ lengthMm: millimetres(20), offsetMm: millimetres(20).default(0) }).strict().optional(),
  /**
   * A piece smaller than the sheet (a wallet card): its trimmed size. Its
   * sides are laid out once and placed on each sheet in a grid (`grids`), or
   * alone with its bleed on the paper `piece`. Without it the piece is the sheet.
   */
  piece: z.object({ widthMm: z.number().min(20).max(500), heightMm: z.number().min(20).max(500) }).strict().optional(),
  /** Per sheet paper, how many pieces across and down. The back is placed mirrored left to right, so that each back falls behind its front when the sheet is printed on both sides, flipped on its long edge. */
  grids: z.record(paperName, z.object({ columns: z.number().int().min(1).max(10), rows: z.number().int().min(1).max(20) }).strict()).optional(),
  /** Short strokes in the sheet's margin at every cut, clear of the pieces. */
  cutMarks: z.object({ lengthMm: millimetres(20), offsetMm: millimetres(10) }).strict().optional(),
  /** Extra all round the piece for a print shop (`--print shop`, and the paper `piece`), which it trims off; 3 mm when not given. */
  bleedMm: millimetres(10).optional(),
  /**
   * How a two-sided piece is turned over to read its back: `sideways`, as a
   * book's page (the default), or `upwards`, as a wall calendar. With the
   * orientation it gives the office printer's duplex flip: sideways on a
   * landscape sheet is its short edge, on a portrait one its long edge.
   */
  turn: z.enum(['sideways', 'upwards']).optional(),
  /** How a piece in two languages is arranged; a format without it is printed in one language only. */
  bilingual: bilingualSchema.optional(),
}).strict().superRefine((format, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  for (const [i, paper] of format.papers.entries()) {
    if (!format.piece && paper === 'piece') issue(['papers', i], 'a sheet: "piece" is for a format with a piece smaller than the sheet');
    if (format.piece && paper !== 'piece' && !format.grids?.[paper]) issue(['grids'], `a grid for ${paper}: how many pieces go across and down`);
  }
  checkPlaces(format.sides, format.panels, [], ctx);
  if (format.bilingual) {
    checkPlaces(format.bilingual.sides ?? format.sides, format.bilingual.panels, ['bilingual'], ctx);
    format.bilingual.papers?.forEach((paper, i) => {
      if (!format.papers.includes(paper)) issue(['bilingual', 'papers', i], `one of the format's papers (${format.papers.join(', ')})`);
    });
    const languages = new Set(format.bilingual.panels.map((p) => p.language));
    if (languages.size < 2) issue(['bilingual', 'panels'], 'panels in both languages: 0 (the first named) and 1 (the second)');
  }
});

export type Format = z.infer<typeof formatSchema> & {
  /** The format's name: its file's name without .json. */
  name: string;
  /** Where it was read from, for errors. */
  file: string;
  /** Where its panels were read from, for errors: `panels`, or `bilingual.panels` for a bilingual arrangement. */
  panelsKey?: string;
};
