import { graphemeBoundaries } from './break-opportunities';

/*
 * Scans of a paragraph's words for the line breaker: where a word's spaces
 * begin, whether it shows anything, and where it may be cut. Each costs time
 * in proportion to what it looks at, so a word of thousands of characters is
 * no trap: the scans go backwards a character at a time rather than by a
 * regex anchored at the end (which backtracks over every long run of spaces
 * inside the text), and cuts are found by galloping from the line start.
 */

/** Something a reader sees: not a space, joiner, bidi control or other invisible character. */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}]/u;
const UNSEEN = /[\s\p{Default_Ignorable_Code_Point}]/u;
const SPACE = /\s/u;
const LETTER = /[\p{L}\p{M}]/u;
const PUNCTUATION = /\p{P}/u;
/**
 * Longer words are not hyphenated (the longest real ones, German compounds,
 * have about 70 letters): hyphenation patterns cost more than linear time in
 * the word's length, and such a "word" is a code or a mistake, cut between
 * graphemes like any word too long for its line.
 */
export const MAX_HYPHENATED_WORD = 100;

/** Nothing to see: only spaces and invisible characters. */
export function isBlank(text: string): boolean {
  return !VISIBLE.test(text);
}

/** The character (one or two UTF-16 units) that ends at `end`, not reaching before `start`. */
function charBefore(text: string, end: number, start: number): string {
  const pair = end - start >= 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(text.slice(end - 2, end));
  return text.slice(pair ? end - 2 : end - 1, end);
}

/** End of text[start, end) without the invisible characters at its end. */
function inkEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = charBefore(text, end, start);
    if (!UNSEEN.test(c)) break;
    end -= c.length;
  }
  return end;
}

/**
 * Where the trailing spaces of the word text[start, end) begin: the spaces
 * at its end, with the invisible characters among and after them (a bidi
 * control after a space is not content), but not those right after the
 * content, such as a joiner, which shape it.
 */
export function spacesStart(text: string, start: number, end: number): number {
  let spaces = end;
  for (let at = end; at > start;) {
    const c = charBefore(text, at, start);
    if (!UNSEEN.test(c)) break;
    at -= c.length;
    if (SPACE.test(c)) spaces = at;
  }
  return spaces;
}

/**
 * Where a word may be cut at line ends, as lines take it from its start:
 * between grapheme clusters, and at the hyphenator's points that are such
 * boundaries. No cut before invisible characters that end the word: they
 * would make a blank line. Each list ends with the end of the word's content.
 */
export class WordCuts {
  /** From here on, the rest of the word is one the hyphenator takes. */
  private readonly lettersFrom: number;
  private hyphens: number[] | null = null;

  /** `graphemes`: graphemeCuts of the word, which a caller that cuts a word again may keep. */
  constructor(
    private readonly text: string,
    start: number,
    private readonly contentEnd: number,
    readonly graphemes: number[],
    private readonly hyphenate: ((word: string) => string[]) | null,
  ) {
    this.lettersFrom = hyphenate ? lettersFrom(text, start, contentEnd) : contentEnd;
  }

  /**
   * Hyphenation points for a line that starts at `from`. The rest of the word
   * is hyphenated once it is a word (at once for most, after the cut for
   * "({{key" and the like); later lines keep its points, so hyphenating a
   * long word costs one pass, not one per line.
   */
  hyphensFrom(from: number): number[] {
    if (this.hyphens === null && from >= this.lettersFrom && from < this.contentEnd) this.hyphens = this.hyphenPoints(from);
    return this.hyphens ?? [this.contentEnd];
  }

  private hyphenPoints(from: number): number[] {
    if (this.contentEnd - from > MAX_HYPHENATED_WORD) return [this.contentEnd];
    const word = this.text.slice(from, this.contentEnd);
    const parts = this.hyphenate!(word);
    const points: number[] = [];
    // Only where the hyphenator kept the text as it was, and never inside a grapheme cluster.
    if (parts.join('') === word) {
      const boundaries = new Set(this.graphemes);
      let at = from;
      for (const part of parts.slice(0, -1)) if (boundaries.has((at += part.length))) points.push(at);
    }
    return [...points, this.contentEnd];
  }
}

/** Where the word text[start, contentEnd) may be cut between grapheme clusters, ending with contentEnd (see WordCuts). */
export function graphemeCuts(text: string, start: number, contentEnd: number, locale: string): number[] {
  return [...graphemeBoundaries(text, start, inkEnd(text, start, contentEnd), locale), contentEnd];
}

/**
 * The first index from which text[index, end) is a word the hyphenator may
 * split (letters and marks, perhaps with punctuation after), or `end`.
 */
function lettersFrom(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && PUNCTUATION.test(charBefore(text, at, start))) at -= charBefore(text, at, start).length;
  const lettersEnd = at;
  while (at > start && LETTER.test(charBefore(text, at, start))) at -= charBefore(text, at, start).length;
  return at < lettersEnd ? at : end;
}

/** Index of the first of the ascending `points` after `from`. */
export function firstAfter(points: number[], from: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the last of points[first..] that `fits`, or -1: galloping from
 * the first, then bisecting, so the cost follows the length that fits, not
 * the length of the word. Longer heads are taken to be no narrower; a point
 * is only returned after `fits` said yes to it.
 */
export function lastFitting(points: number[], first: number, fits: (at: number) => boolean): number {
  let lo = first - 1;
  let hi = points.length;
  for (let step = 1; lo + step < points.length; step *= 2) {
    if (!fits(points[lo + step])) {
      hi = lo + step;
      break;
    }
    lo += step;
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(points[mid])) lo = mid;
    else hi = mid;
  }
  return lo < first ? -1 : lo;
}

/** Index of the first of graphemes[first..] such that the text from `from` to it shows something (or the last). */
export function firstShowing(text: string, graphemes: number[], first: number, from: number): number {
  let i = first;
  while (i < graphemes.length - 1 && isBlank(text.slice(i > first ? graphemes[i - 1] : from, graphemes[i]))) i++;
  return i;
}
