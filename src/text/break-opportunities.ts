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

/**
 * Step 4: where lines may break. UAX #14 gives the opportunities (and keeps
 * closing punctuation off a line start and opening punctuation off a line
 * end); inside runs of Thai and similar scripts, the locale's dictionary
 * word segmenter adds word boundaries; `keep-all` removes breaks inside words.
 */
export function breakOpportunities(text: string, rule: LineBreakRule, locale: string): BreakOpportunity[] {
  const found = new Map<number, boolean>();
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) found.set(bk.position, bk.required);

  if (COMPLEX_CONTEXT.test(text)) {
    const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    for (const { index } of segmenter.segment(text)) {
      if (index > 0 && COMPLEX_CONTEXT.test(text[index - 1]) && COMPLEX_CONTEXT.test(text[index]) && !found.has(index)) {
        found.set(index, false);
      }
    }
  }

  const out: BreakOpportunity[] = [];
  for (const [position, required] of found) {
    if (rule === 'keep-all' && !required && position > 0 && position < text.length &&
        WORD_CHAR.test(text[position - 1]) && WORD_CHAR.test(text[position])) continue;
    out.push({ position, required });
  }
  return out.sort((a, b) => a.position - b.position);
}

/** Grapheme cluster boundaries: the last resort for a word longer than the line. */
export function graphemeBoundaries(text: string, start: number, end: number, locale: string): number[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'grapheme' });
  const out: number[] = [];
  for (const { index } of segmenter.segment(text.slice(start, end))) if (index > 0) out.push(start + index);
  return out;
}
