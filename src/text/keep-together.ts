import { BreakOpportunity } from './break-opportunities';
import { unbreakableUnit } from './unbreakable-unit';

/** A range of the paragraph's text [start, end) that must stay on one line (a translator's `<nobr>`). */
export interface KeptRange {
  start: number;
  end: number;
}

/** A language's words that never end or never start a line (language data: meta.bindToNumber, meta.bindToNext, meta.bindToPrevious). */
export interface KeepTogetherRules {
  /** Words that stay on the line of the number or fact after them: "article" 118, "section" 118. */
  bindToNumber: string[];
  /** Short words never left at a line end: Russian в, с, и, на… stay with the word after them. */
  bindToNext: string[];
  /** Short words never at a line start, kept with the word before them: Hindi helper verbs (है, हैं, लें). */
  bindToPrevious?: string[];
}

export const NO_KEEP_RULES: KeepTogetherRules = { bindToNumber: [], bindToNext: [] };

/** U+2060 WORD JOINER, U+FEFF, no-break spaces (U+00A0, U+202F narrow, U+2007 figure): no line ends next to them. */
const JOINER = /[\u2060\uFEFF\u00A0\u202F\u2007]/;
/** First-strong isolate and its end: what a fact from the data is wrapped in (facts/format-facts.ts). */
const FSI = '\u2068';
const PDI = '\u2069';
const SPACE = /[ \t]/;
const DIGIT = /\p{Nd}/u;
const LETTER = /[\p{L}\p{M}]/u;
/** Dashes that never start a line: a dash belongs to the word before it. */
const DASH = /[\u2013\u2014\u2015\u2E3A\u2E3B]/;
/** A hyphen joining two words: "well-paid", Romanian "într-o", "s-o". */
const HYPHEN = /[-\u2010]/;
/** Fewer letters than this on one side of a hyphen: a clitic or a prefix ("într-o", "Nu-l", "e-mail"), never left alone. */
const MIN_LETTERS_AT_HYPHEN = 3;
/** Punctuation that closes what comes before it (not an opening bracket or quote). */
const TRAILING_PUNCTUATION = /[\p{Pe}\p{Pf}\p{Po}\p{Pd}]/u;

/**
 * Removes the break opportunities that would part words a reader must see on
 * one line. Always (hard): nothing breaks inside a `<nobr>` range that fits a line, nor
 * between its end and the punctuation after it; no line ends next to a word
 * joiner or a no-break space; a fact from the data (a bidi isolate) is never
 * broken. Where the words so joined still fit a line (soft):
 * - a dash never starts a line;
 * - no line ends at a hyphen that leaves fewer than three letters on one
 *   side ("într- / o", "s- / o", "e- / mail"): a clitic or a prefix is no word
 *   a reader recognises alone;
 * - the language's words bound to the number after them ("article 118");
 * - the language's short words bound to the next word (Russian "в Канаде"),
 *   or to the word before them (Hindi "करते हैं");
 * - a number or fact stays with the letters it touches ("第118条", "제118조",
 *   "14个") and a number with the word after it ("14 ministères").
 * A soft rule that would make a unit wider than the line is dropped there
 * (they are taken left to right): a line cut inside a word is far worse than
 * a short word at a line end. Required (forced) breaks are always kept.
 * `gaveWay` is told when a `<nobr>` range did not fit a line.
 */
export function* keepTogether(
  text: string,
  opportunities: BreakOpportunity[],
  kept: KeptRange[],
  rules: KeepTogetherRules,
  locale: string,
  fitsLine: (start: number, end: number) => boolean = () => true,
  gaveWay: () => void = () => {},
): Generator<BreakOpportunity> {
  const hard = new Set<number>();
  const sorted = opportunities.map((o) => o.position).sort((a, b) => a - b);
  for (const range of kept) {
    // A phrase wider than a whole line cannot stay on one: it breaks at its own
    // spaces, as if unmarked, rather than be cut inside a word ("huwag kan / g").
    if (!fitsLine(...unbreakableUnit(text, sorted, range.start, range.end))) {
      gaveWay();
      continue;
    }
    for (let p = range.start + 1; p < range.end; p++) hard.add(p);
    if (range.end < text.length && TRAILING_PUNCTUATION.test(text[range.end])) hard.add(range.end);
  }
  for (const [start, end] of isolates(text)) for (let p = start + 1; p <= end; p++) hard.add(p);
  const positions = new Set(opportunities.map((o) => o.position));
  for (const position of positions) {
    if (position > 0 && position < text.length && (JOINER.test(text[position - 1]) || JOINER.test(text[position]))) hard.add(position);
  }

  // Soft rules, each a group of positions removed together. The text is lowered once for the three word lists.
  const lower = rules.bindToNumber.length || rules.bindToNext.length || rules.bindToPrevious?.length ? text.toLocaleLowerCase(locale) : text;
  const dashes: number[][] = [];
  const hyphens: number[][] = [];
  const numbers: number[][] = [];
  for (const position of positions) {
    if (position <= 0 || position >= text.length || hard.has(position)) continue;
    const before = text[position - 1];
    const after = text[position];
    if (DASH.test(after)) dashes.push([position]);
    else if (HYPHEN.test(before) && shortAroundHyphen(text, position - 1)) hyphens.push([position]);
    else if ((endsNumber(before) && LETTER.test(after)) || (LETTER.test(before) && startsNumber(after))) numbers.push([position]);
    else if (SPACE.test(before) && LETTER.test(after) && endsInDigit(text, skipBack(text, position, SPACE))) numbers.push([position]);
  }
  const groups = [
    ...dashes,
    ...hyphens,
    ...boundWords(text, lower, rules.bindToNumber, startsNumber, false, positions, locale),
    ...boundWords(text, lower, rules.bindToNext, (c) => LETTER.test(c) || startsNumber(c) || /[\p{Ps}\p{Pi}]/u.test(c), true, positions, locale),
    ...wordsBoundBack(text, lower, rules.bindToPrevious ?? [], positions, locale),
    ...numbers,
  ].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);

  // The opportunities left, in order. Each soft group is decided when the
  // line breaker reaches it, left to right, and goes only if the unit it
  // makes still fits a line: measuring costs shaping, and a caller that
  // wants the first lines of a long paragraph must not pay for all of it.
  const base = [...opportunities].sort((a, b) => a.position - b.position).filter((o) => o.required || !hard.has(o.position));
  const required = new Set(base.filter((o) => o.required).map((o) => o.position));
  const removed = new Set<number>();
  let next = 0;
  let lastKept = 0;
  for (let i = 0; i < base.length; i++) {
    const opportunity = base[i];
    for (; next < groups.length && groups[next][0] <= opportunity.position; next++) {
      const group = groups[next];
      const remove = group.filter((p) => !required.has(p) && !removed.has(p));
      if (!remove.length) continue;
      const last = group[group.length - 1];
      let j = i;
      while (j < base.length && (base[j].position <= last || removed.has(base[j].position))) j++;
      const right = j < base.length ? base[j].position : text.length;
      if (fitsLine(lastKept, skipBack(text, right, /\s/u))) for (const p of remove) removed.add(p);
    }
    if (opportunity.required || !removed.has(opportunity.position)) {
      yield opportunity;
      lastKept = opportunity.position;
    }
  }
}

/**
 * The language's words, each bound as a whole (no break inside it either: a
 * dictionary may cut a Thai word or UAX #14 a Chinese one) to what follows
 * it: after spaces, or also right after it where `spaced` is false (a number
 * after "最高", but a word right after "в" is the rest of a word such as "вам").
 */
function boundWords(text: string, lower: string, words: string[], follows: (c: string) => boolean, spaced: boolean, positions: Set<number>, locale: string): number[][] {
  const groups: number[][] = [];
  for (const [at, end] of occurrences(text, lower, words, locale)) {
    if (!startsWord(text, at, positions)) continue;
    let next = end;
    while (next < text.length && SPACE.test(text[next])) next++;
    if ((spaced && next === end) || next >= text.length || !follows(text[next])) continue;
    const group: number[] = [];
    for (let p = at + 1; p <= next; p++) if (positions.has(p)) group.push(p);
    if (group.length) groups.push(group);
  }
  return groups.sort((a, b) => a[0] - b[0]);
}

/** A language's word list in lower case, made once per list: every paragraph of every layout attempt searches it. */
const lowerCased = new WeakMap<string[], { locale: string; words: string[] }>();

function lowered(words: string[], locale: string): string[] {
  const known = lowerCased.get(words);
  if (known?.locale === locale) return known.words;
  const made = words.map((word) => word.toLocaleLowerCase(locale));
  lowerCased.set(words, { locale, words: made });
  return made;
}

/** Where each of the language's words occurs in the text, in any case (`lower` is the text in lower case): [start, end) pairs. */
function* occurrences(text: string, lower: string, words: string[], locale: string): Generator<[number, number]> {
  if (!words.length) return;
  // Lowercasing must not move indices (it does not for the scripts these lists are written in); otherwise skip.
  if (lower.length !== text.length) return;
  for (const w of lowered(words, locale)) {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) yield [at, at + w.length];
  }
}

/**
 * The language's words that never start a line, each kept with the word
 * before it: the break opportunities among the spaces before the word go.
 * A word counts whole only: "है" but not the start of "हैरान".
 */
function wordsBoundBack(text: string, lower: string, words: string[], positions: Set<number>, locale: string): number[][] {
  const groups: number[][] = [];
  for (const [at, end] of occurrences(text, lower, words, locale)) {
    if (end < text.length && LETTER.test(text[end])) continue;
    const before = skipBack(text, at, SPACE);
    if (before === at || before === 0 || !LETTER.test(text[before - 1])) continue;
    const group: number[] = [];
    for (let p = before + 1; p <= at; p++) if (positions.has(p)) group.push(p);
    if (group.length) groups.push(group);
  }
  return groups;
}

/** The number or fact that ends at `end` ends in a digit: "14", "⁨28 juin 2002⁩", but not "⁨1 000 000 canadian dollars⁩". */
function endsInDigit(text: string, end: number): boolean {
  while (end > 0 && (text[end - 1] === PDI || ISOLATE_START.test(text[end - 1]))) end--;
  return end > 0 && DIGIT.test(text[end - 1]);
}

function endsNumber(c: string): boolean {
  return DIGIT.test(c) || c === PDI;
}

function startsNumber(c: string): boolean {
  return DIGIT.test(c) || c === FSI;
}

function skipBack(text: string, position: number, pattern: RegExp): number {
  while (position > 0 && pattern.test(text[position - 1])) position--;
  return position;
}

/** A listed word counts where a word starts: at the text's start, after a non-letter, or at a break opportunity (Thai). */
function startsWord(text: string, at: number, positions: Set<number>): boolean {
  return at === 0 || !LETTER.test(text[at - 1]) || positions.has(at);
}

/** Fewer than MIN_LETTERS_AT_HYPHEN letters run from the hyphen at `at` back to the word's start, or on to its end. */
function shortAroundHyphen(text: string, at: number): boolean {
  let before = 0;
  for (let i = at - 1; i >= 0 && LETTER.test(text[i]); i--) if (++before >= MIN_LETTERS_AT_HYPHEN) break;
  let after = 0;
  for (let i = at + 1; i < text.length && LETTER.test(text[i]); i++) if (++after >= MIN_LETTERS_AT_HYPHEN) break;
  return before < MIN_LETTERS_AT_HYPHEN || after < MIN_LETTERS_AT_HYPHEN;
}

/** Opens an isolate: LRI, RLI, FSI. */
const ISOLATE_START = /[\u2066-\u2068]/;

/** The outermost isolates [opening index, PDI index] of the text; an unclosed one runs to the end. */
function isolates(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (ISOLATE_START.test(c)) {
      if (depth++ === 0) start = i;
    } else if (c === PDI && depth > 0) {
      if (--depth === 0) out.push([start, i]);
    }
  }
  if (depth > 0) out.push([start, text.length - 1]);
  return out;
}
