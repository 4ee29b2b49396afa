import { PlacedRun, ShapedGlyph, TypesetLine } from '../text/types';
import { ltrSeam, LtrSeam, pullBackBeforePunctuation } from './ltr-seam';
import { isSpaceGlyph as isSpace, NONSPACING_MARK as MARK } from './glyph-classes';

/**
 * The order a line's runs go into the content stream. pdf.js cuts a text
 * item at every change of font, runs bidi on each item alone and gives the
 * items in stream order: a right-to-left line drawn left to right with a
 * bold word at its start (its right end) came out with that word last.
 * MuPDF reverses each right-to-left stretch of characters in place, in
 * stream order: a number drawn in the middle of an Arabic line came out
 * before the words it follows. So a line with right-to-left text is written
 * in stretches of one font and one direction, left to right inside each
 * (one item, which pdf.js puts in logical order itself), the stretches in
 * logical order, that is, by the first of their runs in the line's logical
 * order; the seams before left-to-right stretches are bridged for both
 * readers (ltr-seam.ts), and where one cannot be, the line goes in
 * stretches of one font alone, as before. Lines with no right-to-left run,
 * or in one font and one direction, keep plain left-to-right order.
 *
 * Going back to the left for the next stretch, pdf.js drops the space that
 * lies between two stretches (it skips a space glyph and only makes a space
 * of a gap going forward). That space goes into the text of the first
 * letter of the later stretch, its rightmost glyph, after its own letters
 * (right-to-left text is stored backwards: glyph-text.ts), and the space's
 * glyph, which draws nothing, is left out.
 */
export interface StreamOrder {
  readonly runs: readonly PlacedRun[];
  /**
   * A line with right-to-left text: `runs` cut into its stretches of one
   * font, in stream order (one, for a line in one font). Empty for a line
   * with none, whose runs are written as they come.
   */
  readonly stretches: readonly PlacedRun[][];
  /** Glyphs whose text is followed by a space. */
  readonly spaceAfter: ReadonlySet<ShapedGlyph>;
  /** Space glyphs left out: their text went to spaceAfter. */
  readonly dropped: ReadonlySet<ShapedGlyph>;
  /** Glyphs whose code is wider than the glyph by this much: they span a dropped space. */
  readonly widened: ReadonlyMap<ShapedGlyph, number>;
  /** Left-to-right stretches that follow a space after right-to-left text, by stretch: their seam (ltr-seam.ts). */
  readonly seams: ReadonlyMap<PlacedRun[], LtrSeam>;
  /** The glyph before each seam, and where pdf.js is to find the pen after it (ltr-seam.ts). */
  readonly pulledBack: ReadonlyMap<ShapedGlyph, number>;
  /** Runs written right to left, glyph by glyph: punctuation alone in a right-to-left stretch. */
  readonly backwards: ReadonlySet<PlacedRun>;
}

/** A field of StreamOrder as it is filled in: a set, map or array that can still grow. */
type Growing<T> = T extends ReadonlyMap<infer K, infer V> ? Map<K, V>
  // After maps: a read-only map has all a read-only set has.
  : T extends ReadonlySet<infer V> ? Set<V>
  : T extends readonly (infer E)[] ? E[]
  : T;

/** A right-to-left line's order as it is worked out: StreamOrder's fields, each one that can grow. */
type Ordering = { -readonly [K in keyof StreamOrder]: Growing<StreamOrder[K]> };

/** Nothing moved, dropped or bridged: a line with no right-to-left text, most lines (shared, never changed). */
const NO_GLYPHS: ReadonlySet<ShapedGlyph> = new Set();
const NO_WIDTHS: ReadonlyMap<ShapedGlyph, number> = new Map();
const NO_SEAMS: ReadonlyMap<PlacedRun[], LtrSeam> = new Map();
const NO_RUNS: ReadonlySet<PlacedRun> = new Set();
const NO_STRETCHES: readonly PlacedRun[][] = [];

/** The runs in visual order, left to right: the line's own array when they are so already (most lines). */
function leftToRight(runs: readonly PlacedRun[]): readonly PlacedRun[] {
  for (let i = 1; i < runs.length; i++) if (runs[i].x < runs[i - 1].x) return [...runs].sort((a, b) => a.x - b.x);
  return runs;
}


export function streamOrder(line: TypesetLine): StreamOrder {
  if (!line.runs.some((r) => r.rtl)) {
    return { runs: leftToRight(line.runs), stretches: NO_STRETCHES, spaceAfter: NO_GLYPHS, dropped: NO_GLYPHS, widened: NO_WIDTHS, seams: NO_SEAMS, pulledBack: NO_WIDTHS, backwards: NO_RUNS };
  }
  const visual = [...line.runs].sort((a, b) => a.x - b.x);
  const fresh = (): Ordering => ({ runs: visual, stretches: [], spaceAfter: new Set(), dropped: new Set(), widened: new Map(), seams: new Map(), pulledBack: new Map(), backwards: new Set() });
  let order = fresh();
  // By font and direction, so that MuPDF gets a number in logical order; by font alone where a seam cannot be bridged,
  // on an order of its own: nothing the first attempt noted is kept.
  const byDirection = stretchesInLogicalOrder(line, visual, order, true);
  if (byDirection) order.stretches = byDirection;
  else {
    order = fresh();
    order.stretches = stretchesInLogicalOrder(line, visual, order, false)!;
  }
  order.runs = order.stretches.flat();
  bridgeSpacesBeforeMarks(order);
  return order;
}

/**
 * The runs in stretches of one font (and one direction, if `byDirection`),
 * in logical order; the spaces at the seams go to `order`. Undefined if a
 * seam before a left-to-right stretch cannot be bridged (ltr-seam.ts).
 */
function stretchesInLogicalOrder(line: TypesetLine, visual: PlacedRun[], order: Ordering, byDirection: boolean): PlacedRun[][] | undefined {
  const stretches: PlacedRun[][] = [];
  for (const run of visual) {
    const last = stretches[stretches.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.font.key === run.font.key && (!byDirection || prev.rtl === run.rtl)) last.push(run);
    else stretches.push([run]);
  }
  if (stretches.length === 1) return stretches;
  const first = (stretch: PlacedRun[]) => Math.min(...stretch.map((r) => line.runs.indexOf(r)));
  stretches.sort((a, b) => first(a) - first(b));
  if (byDirection) stretches.forEach((stretch, i) => (stretches[i] = punctuationInLogicalOrder(stretch, order)));
  for (let i = 1; i < stretches.length; i++) {
    const [before, after] = [stretches[i - 1], stretches[i]];
    if (after[0].x >= before[0].x) continue;
    // The glyphs at the seam, from the left: the later stretch's, then the earlier one's.
    const left = after.flatMap((r) => r.glyphs.map((glyph) => ({ glyph, run: r })));
    const right = before.flatMap((r) => r.glyphs.map((glyph) => ({ glyph, run: r })));
    const spaces = [...takeWhile([...left].reverse(), (g) => isSpace(g.glyph)), ...takeWhile(right, (g) => isSpace(g.glyph))];
    const letter = [...left].reverse().find((g) => !isSpace(g.glyph) && g.glyph.text !== '' && g.glyph.yOffset === 0);
    if (spaces.length && letter?.run.rtl) {
      order.spaceAfter.add(letter.glyph);
      for (const s of spaces) order.dropped.add(s.glyph);
      // After a left-to-right stretch, the letter's code spans the spaces too, so that poppler sees no gap, and adds no
      // space of its own beside the one the letter holds.
      if (!before.some((r) => r.rtl)) order.widened.set(letter.glyph, spaces.reduce((w, s) => w + s.glyph.xAdvance, 0));
      continue;
    }
    // A left-to-right stretch after right-to-left text: its seam is written on its own (ltr-seam.ts).
    if (!byDirection || !before.every((r) => r.rtl) || after.some((r) => r.rtl)) continue;
    const seam = ltrSeam(before, after, order.dropped);
    if (seam === undefined) return undefined;
    if (seam === 'none') continue;
    order.seams.set(after, seam);
    order.pulledBack.set(seam.last, seam.penAt);
    for (const g of seam.glyphs) order.dropped.add(g.glyph);
  }
  if (byDirection) {
    for (let i = 1; i < stretches.length; i++) {
      const pull = pullBackBeforePunctuation(stretches[i - 1], stretches[i], stretches[i].every((r) => order.backwards.has(r)), order.dropped);
      if (pull) order.pulledBack.set(pull.last, pull.penAt);
    }
  }
  return stretches;
}

/**
 * A right-to-left stretch of punctuation alone (the "):" after "279.01" in
 * "(المادة 279.01):") is one text item to pdf.js, with no right-to-left
 * letter in it, so pdf.js leaves it in the order it is written (evaluator.js,
 * bidi), and MuPDF gives it the direction of the number before it: it goes
 * out right to left, in logical order, its runs and their glyphs.
 */
function punctuationInLogicalOrder(stretch: PlacedRun[], order: Ordering): PlacedRun[] {
  const punctuation = (run: PlacedRun) => run.rtl && run.glyphs.every((g) => /^[\s\p{P}\p{S}]*$/u.test(g.text));
  if (!stretch.every(punctuation)) return stretch;
  for (const run of stretch) order.backwards.add(run);
  return [...stretch].reverse();
}


/**
 * A right-to-left word whose last letter carries a mark (عالٍ, صحّ) is
 * written mark first, at its left end. pdf.js takes the mark's glyph for a
 * zero-width diacritic: it adds it with no look at where it is, so the gap
 * of the space before it shows up only at the next letter, and pdf.js puts
 * a space between the letter and its mark ("عال ٍ"). So the space goes
 * into the glyph before it in the stream, the last letter of the word to
 * its left (after that letter's text, as it is stored backwards), and that
 * glyph's code is made as wide as the space too: the mark then comes with
 * no gap before it, and the letter after it with none either.
 */
function bridgeSpacesBeforeMarks(order: Ordering): void {
  const glyphs = order.runs.flatMap((run) => run.glyphs.map((glyph) => ({ glyph, run })));
  for (let i = 1; i + 1 < glyphs.length; i++) {
    const [before, space, after] = [glyphs[i - 1], glyphs[i], glyphs[i + 1]];
    if (!isSpace(space.glyph) || order.dropped.has(space.glyph)) continue;
    if (!(after.glyph.xAdvance === 0 && MARK.test(after.glyph.text))) continue;
    const letter = before.glyph;
    if (!before.run.rtl || !space.run.rtl || letter.text === '' || isSpace(letter) || letter.yOffset !== 0 || letter.xAdvance === 0) continue;
    if (order.spaceAfter.has(letter) || order.pulledBack.has(letter) || before.run.size !== space.run.size) continue;
    order.spaceAfter.add(letter);
    order.dropped.add(space.glyph);
    order.widened.set(letter, space.glyph.xAdvance);
  }
}

function takeWhile<T>(items: T[], test: (item: T) => boolean): T[] {
  const end = items.findIndex((item) => !test(item));
  return end < 0 ? items : items.slice(0, end);
}
