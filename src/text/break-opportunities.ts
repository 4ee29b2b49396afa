import LineBreaker from 'linebreak';
import { LineBreakRule } from '../languages/language';

export interface BreakOpportunity {
  /** Index in the text before which a line may end. */
  position: number;
  required: boolean;
}

/** Scripts written without spaces between words (UAX #14 class SA): broken by a dictionary. */
const COMPLEX_CONTEXT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Brackets and quotes: under keep-all, one typed against a word is part of it ("보호법(IRPA)"). */
const ATTACHED = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}]/u;

/** Segmenters by locale and granularity, made once per process: making one costs far more than running it on a paragraph. */
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  const key = `${granularity} ${locale}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Step 4: where lines may break. UAX #14 gives the opportunities (and keeps
 * closing punctuation off a line start and opening punctuation off a line
 * end); inside runs of Thai and similar scripts, the locale's dictionary
 * word segmenter adds word boundaries; `keep-all` removes breaks inside words,
 * brackets and quotes typed against them included.
 */
export function breakOpportunities(text: string, rule: LineBreakRule, locale: string): BreakOpportunity[] {
  const found = new Map<number, boolean>();
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) found.set(bk.position, bk.required);

  if (COMPLEX_CONTEXT.test(text)) {
    const segmenter = segmenterFor(locale, 'word');
    for (const { index } of segmenter.segment(text)) {
      if (index > 0 && COMPLEX_CONTEXT.test(text[index - 1]) && COMPLEX_CONTEXT.test(text[index]) && !found.has(index)) {
        found.set(index, false);
      }
    }
  }

  const out: BreakOpportunity[] = [];
  // forEach: iterating the map's entries would make an array for each.
  found.forEach((required, position) => {
    if (rule === 'keep-all' && !required && position > 0 && position < text.length && insideWord(text[position - 1], text[position])) return;
    out.push({ position, required });
  });
  return out.sort((a, b) => a.position - b.position);
}

/** Between two letters of a word, or a letter and a bracket or quote typed against it, for keep-all. */
function insideWord(before: string, after: string): boolean {
  return (WORD_CHAR.test(before) && (WORD_CHAR.test(after) || ATTACHED.test(after))) || (ATTACHED.test(before) && WORD_CHAR.test(after));
}

/** Code units segmented at a time: Intl.Segmenter takes time quadratic in the length of what it segments. */
const GRAPHEME_WINDOW = 256;

/**
 * Grapheme cluster boundaries strictly inside text[start, end): the last
 * resort for a word longer than the line. Segmented a window at a time, each
 * from a boundary already found: whether a boundary falls before a character
 * depends only on that (whole) character and the text before it, back to the
 * last boundary, so every boundary inside a window is one of the whole text.
 */
export function graphemeBoundaries(text: string, start: number, end: number, locale: string): number[] {
  const segmenter = segmenterFor(locale, 'grapheme');
  const out: number[] = [];
  let from = start;
  let window = GRAPHEME_WINDOW;
  while (from < end) {
    let to = Math.min(end, from + window);
    // Never between the halves of a surrogate pair: half a character would be a cluster of its own.
    if (to < end && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text.slice(to - 1, to + 1))) to++;
    let last = from;
    for (const { index } of segmenter.segment(text.slice(from, to))) {
      if (index === 0) continue;
      last = from + index;
      out.push(last);
    }
    if (to === end) break;
    if (last === from) {
      window *= 2; // one cluster longer than the window: look further
      continue;
    }
    from = last; // the window may have cut its last cluster short: the next window starts with it
    window = GRAPHEME_WINDOW;
  }
  return out;
}
