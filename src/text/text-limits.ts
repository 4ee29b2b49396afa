/*
 * Limits on a piece of text (a translated string, an endonym, a fact),
 * checked before any costly work on it. Generous for real text: the longest
 * shipped string has about 230 characters, and no writing system stacks
 * more than about five marks on one letter (Vietnamese two, Thai three,
 * vocalised Arabic and Hebrew, Devanagari and Tibetan up to five).
 */
import { codePointLabel } from '../core/errors';

/** Characters (code points) a string may have: about what a whole panel holds at the smallest type. */
export const MAX_STRING_CHARACTERS = 2000;
/** Combining marks one letter may carry; more are drawn over the line above. */
export const MAX_MARKS_ON_ONE_LETTER = 6;
/** Code points one character on paper (a grapheme cluster) may be made of. */
const MAX_CLUSTER_CODE_POINTS = 32;

const MARK = /^\p{M}$/u;
/** Invisible characters such as a joiner between two marks: the marks still stack on the same letter. */
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const SHOWABLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/** Number of characters (code points) of `text`. */
function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The letter as a message may show it: itself if visible, else its code point. */
function letter(char: string): string {
  const cp = codePointLabel(char.codePointAt(0)!);
  return SHOWABLE.test(char) ? `"${char}" (${cp})` : cp;
}

/**
 * The first letter carrying more marks than allowed: where it is (counted in
 * characters from 1; the first mark's place when there is no letter), what
 * it is, and how many marks it carries.
 */
function stackedMarks(text: string): { position: number; base: string; marks: number } | null {
  let base = '';
  let from = 1;
  let marks = 0;
  let position = 0;
  for (const char of text) {
    position++;
    if (MARK.test(char)) {
      if (marks === 0 && base === '') from = position;
      marks++;
    } else if (!INVISIBLE.test(char)) {
      if (marks > MAX_MARKS_ON_ONE_LETTER) break;
      base = char;
      from = position;
      marks = 0;
    }
  }
  return marks > MAX_MARKS_ON_ONE_LETTER ? { position: from, base, marks } : null;
}

/** Made once: an Intl.Segmenter costs far more to make than to run on a short string. */
const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Code points that may join the one before them into a character on paper
 * (UAX #29's rules that do not break: GB6-GB9c, GB11-GB13): marks and other
 * extenders, ZWJ and other invisible characters, Hangul jamo, regional
 * indicators, Thai and Lao SARA AM, and Prepend characters, after which
 * anything joins. A code point outside this set joins the one before only
 * when that one is in it (an Indic consonant after a virama, a pictograph
 * after ZWJ, a syllable after a leading jamo); so a character of more than
 * MAX_CLUSTER_CODE_POINTS code points lies in a stretch of text with no two
 * such code points side by side, and longer than that.
 */
const JOINERS = String.raw`\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Default_Ignorable_Code_Point}\p{Regional_Indicator}\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}`;
/** Per limit; the two alternatives exclude each other, so a failed match backtracks no more than the stretch is long. */
const stretches = new Map<number, RegExp>();

/**
 * False when no character on paper of `text` can be made of more than
 * `limit` code points (2 or more): no stretch as above is longer. True does
 * not say that one is; the text must then be segmented. CR LF, the one pair
 * of code points outside the set that makes one character, is two.
 */
export function mayHoldClusterLongerThan(text: string, limit: number): boolean {
  let stretch = stretches.get(limit);
  if (!stretch) stretches.set(limit, (stretch = new RegExp(`[^](?:[${JOINERS}]|(?<=[${JOINERS}])[^${JOINERS}]){${limit},}`, 'u')));
  return stretch.test(text);
}

/** The first character on paper made of more code points than allowed. */
function oversizedCluster(text: string): { position: number; codePoints: number } | null {
  // Segmenting is costly (an object per character): only text where such a character can be is segmented.
  if (!mayHoldClusterLongerThan(text, MAX_CLUSTER_CODE_POINTS)) return null;
  let position = 1;
  for (const { segment } of GRAPHEMES.segment(text)) {
    const codePoints = characterCount(segment);
    if (codePoints > MAX_CLUSTER_CODE_POINTS) return { position, codePoints };
    position += codePoints;
  }
  return null;
}

/** Longer than a string may be: such a text is reported, and no other check or layout reads it. */
export function isOverLength(text: string): boolean {
  return text.length > MAX_STRING_CHARACTERS && characterCount(text) > MAX_STRING_CHARACTERS;
}

/**
 * What is wrong with `text` against the limits above, as a message that says
 * what to do, or null. The length is checked first and alone, so that a
 * string of a megabyte costs one pass and nothing else.
 */
export function textLimitProblem(text: string): string | null {
  if (isOverLength(text)) {
    return `the text is ${characterCount(text).toLocaleString('en')} characters long; a string may have at most ${MAX_STRING_CHARACTERS.toLocaleString('en')}, about what a whole panel holds. Shorten it.`;
  }
  const stack = stackedMarks(text);
  if (stack) {
    const what = stack.base ? `the letter ${letter(stack.base)} at character ${stack.position}` : `character ${stack.position}`;
    return `${what} carries ${stack.marks} combining marks stacked on it; at most ${MAX_MARKS_ON_ONE_LETTER} may stack on one letter, and more would print over the line above. Remove the extra marks.`;
  }
  const cluster = oversizedCluster(text);
  if (cluster) {
    return `the character at position ${cluster.position} is made of ${cluster.codePoints} code points joined together; at most ${MAX_CLUSTER_CODE_POINTS} may make one character on paper. Remove the characters joined to it by mistake.`;
  }
  return null;
}
