import { Points } from '../core/units';
import { LineWidths } from './line-breaker';

/*
 * Which of a paragraph's break opportunities become line ends, beyond
 * first-fit: `balance` (CSS text-wrap: balance) for titles, headings and
 * callouts, `pretty` (text-wrap: pretty) for body text. Both only move line
 * ends: the paragraph keeps the number of lines first-fit gave it, so the
 * panel's height, and the fit, stay the same. Both lay out with the
 * paragraph's own breaker (the same break opportunities and word splits),
 * at other widths; the lines are then placed at the full width's alignment.
 */

/** How a paragraph chooses its line ends. */
export type TextWrap = 'normal' | 'balance' | 'pretty';

/** What the last-line rule needs to know of a line. */
export interface LineMeasure {
  /** Visible words (text between two break opportunities) on the line: counted when asked, as only a last line's are. */
  words(): number;
  /** Visible grapheme clusters on the line, counted up to MIN_LAST_LINE_GRAPHEMES, when asked. */
  graphemes(): number;
  width: Points;
  /** The line ends at a space or after punctuation, not inside a run of letters (Thai, Chinese). */
  endsAtSeparator: boolean;
}

/** The paragraph as the rewrapping sees it: its breaker, at any widths. */
interface Rewrappable<L extends readonly unknown[]> {
  /** All of the paragraph's lines, first-fit at these widths. */
  breakAt(widths: LineWidths): L[];
  measure(line: L): LineMeasure;
  /** Width of the widest word that is not cut: below it, words would be split. */
  widestWord: Points;
  /** Width of all the words, without spaces: the longest of n lines is at least this / n. */
  inkWidth: Points;
}

/**
 * A last line must hold at least two words and this many grapheme clusters:
 * in scripts without spaces (Chinese, Thai) a "word" between two break
 * opportunities can be one character, and two characters alone on a line
 * read as a lost fragment just as one English word does.
 */
export const MIN_LAST_LINE_GRAPHEMES = 3;
/** Balancing more lines than this makes a narrow block of body text, not a balanced title: such a paragraph is set pretty. */
const MAX_BALANCED_LINES = 6;
/** Pretty: a lone last word at least this share of the line wide looks like a line, not a leftover, and is left alone. */
const PRETTY_SHORT_SHARE = 1 / 3;
/** Pretty: the lines before the last may be narrowed, at most this many of them, down to this share of the width. */
const PRETTY_LINES = 3;
const PRETTY_FLOOR = 0.8;
/** Balance may narrow the lines before a lone last word further: a balanced block is short, every line may give. */
const BALANCE_FLOOR = 0.6;
/**
 * Balance: a line end inside a run of letters (Thai words between spaces,
 * Chinese between punctuation) costs as much raggedness as a line this share
 * of the width shorter than the longest: a wider balanced set of lines that
 * ends its lines at spaces or punctuation is taken over a narrower one that does not.
 */
const SEPARATOR_WEIGHT = 0.3;
/** Balance: widths between the balanced one and the full one tried for ends at separators, in this many steps. */
const SEPARATOR_STEPS = 10;
/** Narrowing steps, as a share of the width: finer for pretty, which takes the first that works. */
const PRETTY_STEP = 0.01;
const BALANCE_STEP = 0.025;
/** The balanced width is found to within this. */
const PRECISION: Points = 0.5;

/** Words and parts of split words on the lines: more than before when a narrower line has cut a word. */
function pieces(lines: readonly (readonly unknown[])[]): number {
  return lines.reduce((sum, line) => sum + line.length, 0);
}

/** The last line holds one word, or too few characters, alone. */
function isLonely(line: LineMeasure): boolean {
  return line.words() < 2 || line.graphemes() < MIN_LAST_LINE_GRAPHEMES;
}

/** Chooses the line ends of a whole paragraph, given its first-fit lines at `width`. */
export function rewrap<L extends readonly unknown[]>(wrap: TextWrap, firstFit: L[], width: Points, paragraph: Rewrappable<L>): L[] {
  if (wrap === 'normal' || firstFit.length < 2) return firstFit;
  if (wrap === 'balance' && firstFit.length <= MAX_BALANCED_LINES) return balance(firstFit, width, paragraph);
  return pretty(firstFit, width, paragraph);
}

/**
 * The narrowest width at which the paragraph still takes as many lines as at
 * full width (first-fit line count only grows as the width shrinks), then a
 * lone last word given company.
 */
export function balance<L extends readonly unknown[]>(firstFit: L[], width: Points, paragraph: Rewrappable<L>): L[] {
  const count = firstFit.length;
  let lo = Math.min(Math.max(paragraph.widestWord, paragraph.inkWidth / count), width);
  let hi = width;
  let best = firstFit;
  const atLo = paragraph.breakAt(lo);
  if (atLo.length <= count) {
    hi = lo;
    best = atLo;
  }
  while (hi - lo > PRECISION) {
    const mid = (lo + hi) / 2;
    const lines = paragraph.breakAt(mid);
    if (lines.length <= count) {
      hi = mid;
      best = lines;
    } else lo = mid;
  }
  best = preferSeparators(best, hi, width, paragraph);
  if (!isLonely(paragraph.measure(best[best.length - 1]))) return best;
  const kept = keepCompany(best, hi, width, paragraph, count - 1, { floor: BALANCE_FLOOR, step: BALANCE_STEP }, raggedness(paragraph));
  if (kept) return kept;
  // No balanced set of lines avoids it: first-fit's, if they do.
  return isLonely(paragraph.measure(firstFit[firstFit.length - 1])) ? best : firstFit;
}

/** First-fit, unless its last line is a short word alone and narrowing the lines just before moves a word down to it. */
export function pretty<L extends readonly unknown[]>(firstFit: L[], width: Points, paragraph: Rewrappable<L>): L[] {
  const last = paragraph.measure(firstFit[firstFit.length - 1]);
  if (!isLonely(last) || last.width >= width * PRETTY_SHORT_SHARE) return firstFit;
  return keepCompany(firstFit, width, width, paragraph, PRETTY_LINES, { floor: PRETTY_FLOOR, step: PRETTY_STEP }, null) ?? firstFit;
}

/** Where `lines` end a line inside a run of letters: wider lines (up to `width`) that end more of them at spaces or punctuation, if such a set scores better. */
function preferSeparators<L extends readonly unknown[]>(lines: L[], balanced: Points, width: Points, paragraph: Rewrappable<L>): L[] {
  const inside = (ls: L[]) => ls.slice(0, -1).filter((line) => !paragraph.measure(line).endsAtSeparator).length;
  if (inside(lines) === 0 || width <= balanced) return lines;
  const ragged = raggedness(paragraph);
  const score = (ls: L[]) => ragged(ls) + inside(ls) * (width * SEPARATOR_WEIGHT) ** 2;
  let best = lines;
  let bestScore = score(lines);
  for (let i = 1; i <= SEPARATOR_STEPS; i++) {
    const candidate = paragraph.breakAt(balanced + ((width - balanced) * i) / SEPARATOR_STEPS);
    if (candidate.length !== lines.length || pieces(candidate) !== pieces(lines)) continue;
    const s = score(candidate);
    if (s < bestScore) {
      best = candidate;
      bestScore = s;
    }
  }
  return best;
}

/** How unlike in length the lines are: the squares of each line's shortfall from the longest. */
function raggedness<L extends readonly unknown[]>(paragraph: Rewrappable<L>): (lines: L[]) => number {
  return (lines) => {
    const widths = lines.map((line) => paragraph.measure(line).width);
    const longest = Math.max(...widths);
    return widths.reduce((sum, w) => sum + (longest - w) ** 2, 0);
  };
}

/**
 * Lines whose last one is not lonely, with as many lines as `lines`: up to
 * `narrowed` lines before the last one are set narrower than `body`, down to
 * `floor` × body, the lines before them at `body`, the last at `full`. With
 * a `score`, the candidate it scores lowest; without, the first found, with
 * the fewest lines narrowed and the least narrowing (the least change).
 * Null when none does it.
 */
function keepCompany<L extends readonly unknown[]>(lines: L[], body: Points, full: Points, paragraph: Rewrappable<L>, narrowed: number, { floor, step }: { floor: number; step: number }, score: ((lines: L[]) => number) | null): L[] | null {
  const count = lines.length;
  let best: L[] | null = null;
  let bestScore = Infinity;
  for (let k = 1; k <= Math.min(narrowed, count - 1); k++) {
    for (let share = 1 - step; share >= floor - 1e-9; share -= step) {
      const narrow = body * share;
      const widths = (i: number) => (i >= count - 1 ? full : i >= count - 1 - k ? narrow : body);
      const candidate = paragraph.breakAt(widths);
      // Same number of lines, no word cut that was whole, and company for the last word.
      if (candidate.length !== count || pieces(candidate) !== pieces(lines) || isLonely(paragraph.measure(candidate[count - 1]))) continue;
      if (!score) return candidate;
      const s = score(candidate);
      if (s < bestScore) {
        best = candidate;
        bestScore = s;
      }
    }
  }
  return best;
}
