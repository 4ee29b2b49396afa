import { z } from 'zod';
import { codePointLabel } from '../core/errors';
import { textLimitProblem } from '../text/text-limits';

/**
 * Characters that have no place in a short printed value (a fact, a source, a
 * contact, a language's name): control codes, invisible format characters
 * (bidi embeddings, overrides, isolates and marks, soft hyphens, byte order
 * marks, tags), line and paragraph separators, and halves of broken UTF-16.
 * Zero width joiner and non-joiner (U+200D, U+200C) stay: Persian, Hindi,
 * Malayalam and Sinhala spell words with them, and emoji sequences use them;
 * they never reorder or hide text.
 */
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\uFFFD]/u;

/** Characters that change the direction of the text around them: an RLO prints a number backwards. */
const DIRECTION_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Says what a character does to the text, so the person removing it knows why. */
function describe(char: string): string {
  if (DIRECTION_CONTROL.test(char)) return 'a direction control, which can print the text in reverse';
  if (/\p{Cs}/u.test(char)) return 'half of a broken character, which prints as a box';
  if (/[\p{Zl}\p{Zp}]/u.test(char)) return 'a line separator, which breaks the line';
  if (/\p{Cc}/u.test(char)) return 'a control character, which prints as nothing or a box';
  if (char === '\uFFFD') return 'the replacement character, put where a letter could not be read: a letter was lost on the way';
  return 'an invisible format character';
}

/** The first character `text` must not carry, as "U+202E (a direction control, …)"; null if it is plain. */
export function invisibleCharacter(text: string): string | null {
  const found = INVISIBLE.exec(text);
  if (!found) return null;
  // A lone surrogate is one UTF-16 unit; codePointAt gives its own value.
  return `${codePointLabel(found[0].codePointAt(0)!)} (${describe(found[0])})`;
}

/**
 * A string schema that refuses invisible characters ("must be plain text:
 * remove U+202E (…)."), and text over the limits on printed text (length,
 * marks stacked on one letter), once, where the value is written.
 */
export function plainText(base: z.ZodString = z.string()): z.ZodEffects<z.ZodString> {
  return base.superRefine((text, ctx) => {
    const found = invisibleCharacter(text);
    const what = found?.startsWith('U+FFFD') ? 'the character' : 'the invisible character';
    if (found) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `plain text: remove ${what} ${found}` });
    const overLimit = found ? null : textLimitProblem(text);
    if (overLimit) ctx.addIssue({ code: z.ZodIssueCode.custom, message: overLimit, params: { sentence: true } });
  });
}
