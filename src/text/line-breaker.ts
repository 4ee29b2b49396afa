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
  /** A line must end after this word (forced line break). */
  required: boolean;
  /** The word is the first part of a split word and shows a hyphen at the line end. */
  hyphen: boolean;
}

/** Splits a word that does not fit into a part that does and the rest; null when it cannot. */
export type SplitWord<W extends Word> = (word: W, available: Points, mustSplit: boolean) => [W, W] | null;

/**
 * Step 6: fill lines first-fit. A word that does not fit goes to the next
 * line, after an attempt to hyphenate it; a word longer than a whole line is
 * split (hyphenation points first, grapheme boundaries as the last resort).
 */
export function breakLines<W extends Word>(words: W[], maxWidth: Points, split: SplitWord<W>): W[][] {
  const lines: W[][] = [];
  let line: W[] = [];
  let width: Points = 0;
  let pendingSpace: Points = 0;
  const queue = [...words];
  const flush = () => {
    lines.push(line);
    line = [];
    width = 0;
    pendingSpace = 0;
  };
  while (queue.length) {
    const word = queue.shift()!;
    const needed = (line.length ? width + pendingSpace : 0) + word.width;
    if (needed > maxWidth + 0.01) {
      const available = line.length ? maxWidth - width - pendingSpace : maxWidth;
      const parts = split(word, available, line.length === 0);
      if (parts) {
        queue.unshift(parts[1]);
        line.push(parts[0]);
        flush();
        continue;
      }
      if (line.length) {
        flush();
        queue.unshift(word);
        continue;
      }
      // Not even a single grapheme fits: set it anyway rather than loop.
    }
    width = (line.length ? width + pendingSpace : 0) + word.width;
    pendingSpace = word.spaceWidth;
    line.push(word);
    if (word.required) flush();
  }
  if (line.length) flush();
  return lines;
}
