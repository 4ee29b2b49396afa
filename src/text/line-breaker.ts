import { Points } from '../core/units';

/** A word as the line breaker sees it: text between two break opportunities. */
export interface Word {
  start: number;
  /** End of the word's content: trailing spaces are not part of it. */
  contentEnd: number;
  end: number;
  width: Points;
  /** Width of the trailing spaces, kept inside a line and dropped at its end. */
  spaceWidth: Points;
  /** Nothing to see: only spaces and invisible characters (joiners, bidi controls). */
  blank: boolean;
  /** A line must end after this word (forced line break). */
  required: boolean;
  /** The word is the first part of a split word and shows a hyphen at the line end. */
  hyphen: boolean;
}

/**
 * Splits a word that does not fit: the parts that end a line, and the rest
 * of the word, which fits a line of its own; null when the word cannot be
 * split. `available` is the room left on the current line, of a line
 * `lineWidth(0)` wide; the part after the first k has a whole line of
 * `lineWidth(k)`. At most `maxLines` parts end a line: a word that needs
 * more gives those and no rest, as the caller wants no more lines.
 */
export type SplitWord<W extends Word> = (
  word: W, available: Points, mustSplit: boolean, maxLines: number, lineWidth: (part: number) => Points,
) => { lines: W[]; rest: W | null } | null;

/** The width of each line, by its index in the paragraph: one for all, or one per line (see balance.ts). */
export type LineWidths = Points | ((line: number) => Points);

/** Room a line may be overfull by: rounding, not layout. */
const TOLERANCE: Points = 0.01;

/**
 * Step 6: fill lines first-fit. A word that does not fit goes to the next
 * line, after an attempt to hyphenate it; a word longer than a whole line is
 * split (hyphenation points first, grapheme boundaries as the last resort).
 * Words are taken as they come, and breaking stops after `maxLines` lines
 * (first-fit: they are the paragraph's first lines), so a caller that only
 * needs to know whether a paragraph is too tall gets no more than that.
 *
 * A line's visible words set its extent: spaces count only between two of
 * them (as in CSS, they neither indent a line nor hang off it), and a blank
 * word that takes no room never moves to the next line, so no line is left
 * with nothing to see.
 */
export function breakLines<W extends Word>(words: Iterable<W>, widths: LineWidths, split: SplitWord<W>, maxLines = Infinity): W[][] {
  const widthOf = typeof widths === 'number' ? () => widths : widths;
  const lines: W[][] = [];
  let maxWidth = widthOf(0);
  let line: W[] = [];
  /** Width up to the end of the last word, without the spaces after the last visible word. */
  let width: Points = 0;
  /** Spaces since the last visible word: they count once another visible word follows. */
  let gap: Points = 0;
  let started = false;
  const flush = () => {
    lines.push(line);
    line = [];
    width = 0;
    gap = 0;
    started = false;
    maxWidth = widthOf(lines.length);
  };
  /** Width of the line with the word. */
  const widthWith = (word: W) => (word.blank ? width : width + gap) + word.width;
  const place = (word: W) => {
    width = widthWith(word);
    if (!word.blank) gap = 0;
    started ||= !word.blank;
    if (started) gap += word.spaceWidth;
    line.push(word);
  };
  const upcoming = words[Symbol.iterator]();
  // Parts of split words, the next one last: they come before the upcoming words.
  const pending: W[] = [];
  const next = (): W | undefined => {
    if (pending.length) return pending.pop();
    const step = upcoming.next();
    return step.done ? undefined : step.value;
  };
  while (lines.length < maxLines) {
    const word = next();
    if (word === undefined) break;
    // A word that adds no width stays, even on a line that is already too wide.
    if (widthWith(word) > Math.max(width, maxWidth + TOLERANCE)) {
      const first = lines.length;
      const parts = split(word, maxWidth - width - gap, !started, maxLines - lines.length, (part) => widthOf(first + part));
      if (parts) {
        if (parts.rest) pending.push(parts.rest);
        for (const part of parts.lines) {
          place(part);
          flush();
        }
        continue;
      }
      if (started) {
        flush();
        pending.push(word);
        continue;
      }
      // Not even a single grapheme fits: set it anyway rather than loop.
    }
    place(word);
    if (word.required) flush();
  }
  if (line.length && lines.length < maxLines) flush();
  return lines;
}
