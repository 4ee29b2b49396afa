import { PamphletError, codePointLabel } from '../core/errors';
import { hasGlyph } from '../fonts/has-glyph';
import { LoadedFont } from '../fonts/font-registry';
import { NEEDS_NO_GLYPH } from '../fonts/coverage';
import { BIDI_CONTROLS } from './bidi';
import { StyledRange, TextRun, TypesetLanguage } from './types';

/** Characters that take the font of what they stand next to rather than choosing one. */
const FOLLOWS_NEIGHBOUR = /[\p{M}\p{Zs}\u2028\u200C\u200D\uFE00-\uFE0F]|[\p{P}\p{S}\p{N}]/u;

export class MissingGlyphError extends PamphletError {
  constructor(readonly codePoint: number, readonly language: string) {
    super(`no font of this language has the character "${String.fromCodePoint(codePoint)}" (${codePointLabel(codePoint)}). Remove or replace it, or add a font that has it to fonts/fonts.json.`, { language });
  }
}

/**
 * Step 3: split the paragraph into runs of one bidi level and one font.
 * Each character takes the first font of the language's stack that has it;
 * marks, spaces, digits and punctuation stay with the font of the run they sit
 * in when it has them, so "IRPA" in Arabic text falls back to the Latin font
 * while the Arabic comma stays Arabic. A closing bracket takes the font of
 * its opening one, as script itemizers match paired punctuation (ICU's
 * script runs): the two halves of "(IRPA)" in Arabic text are one design
 * and one size.
 */
export function itemize(text: string, levels: Uint8Array, styles: StyledRange[], language: TypesetLanguage): TextRun[] {
  const runs: TextRun[] = [];
  for (const style of styles) {
    const stack = style.bold ? language.fonts.bold : language.fonts.regular;
    let previous: LoadedFont | null = null;
    const open: LoadedFont[] = [];
    let index = style.start;
    while (index < style.end) {
      const codePoint = text.codePointAt(index)!;
      const length = codePoint > 0xffff ? 2 : 1;
      const kind = kindOf(codePoint);
      let font: LoadedFont | undefined;
      const paired = kind === 'closing' ? open.pop() : undefined;
      if (kind === 'unseen') {
        font = previous ?? stack[0];
      } else if (paired && hasGlyph(paired, codePoint)) {
        font = paired;
      } else if (previous && FOLLOWS.has(kind) && hasGlyph(previous, codePoint)) {
        font = previous;
      } else {
        font = fontFor(codePoint, stack);
        if (!font) throw new MissingGlyphError(codePoint, language.code);
      }
      if (kind === 'opening') open.push(font);
      for (let i = index; i < index + length; i++) push(runs, i, levels[i], font);
      previous = font;
      index += length;
    }
  }
  return runs;
}

/**
 * How a character takes its font: `unseen` needs no glyph; `follows` stays with its neighbour's font where it can,
 * and so do brackets, `opening` and `closing` (Unicode's Ps and Pe), a closing one with its opening one's.
 */
type CharKind = 'unseen' | 'follows' | 'opening' | 'closing' | 'letter' | 'other';
const FOLLOWS = new Set<CharKind>(['follows', 'opening', 'closing']);

/** Per code point, for the process: a paragraph asks for every one of its characters, and a text has few distinct ones. */
const kinds = new Map<number, CharKind>();

function kindOf(codePoint: number): CharKind {
  let kind = kinds.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    kind = NEEDS_NO_GLYPH.test(char) || BIDI_CONTROLS.test(char) ? 'unseen'
      : /^\p{Ps}$/u.test(char) ? 'opening' : /^\p{Pe}$/u.test(char) ? 'closing'
      : FOLLOWS_NEIGHBOUR.test(char) ? 'follows' : /\p{L}/u.test(char) ? 'letter' : 'other';
    kinds.set(codePoint, kind);
  }
  return kind;
}

/** The font each code point takes from a stack, per stack (a language's regular or bold fonts) and code point. */
const chosen = new WeakMap<LoadedFont[], Map<number, LoadedFont | undefined>>();

function fontFor(codePoint: number, stack: LoadedFont[]): LoadedFont | undefined {
  let known = chosen.get(stack);
  if (!known) chosen.set(stack, (known = new Map()));
  if (known.has(codePoint)) return known.get(codePoint);
  const font = firstFontFor(codePoint, stack);
  known.set(codePoint, font);
  return font;
}

/**
 * The first font of the stack that has the character, preferring for a
 * letter the fonts meant for its script. A letter of another script that only
 * such a font has (the Arabic tatweel is Common, not Arabic) still takes it,
 * as the glyph check assumes.
 */
function firstFontFor(codePoint: number, stack: LoadedFont[]): LoadedFont | undefined {
  const has = (f: LoadedFont) => hasGlyph(f, codePoint);
  const char = String.fromCodePoint(codePoint);
  const preferred = kindOf(codePoint) === 'letter' ? stack.find((f) => (!f.letters || f.letters.test(char)) && has(f)) : undefined;
  return preferred ?? stack.find(has);
}

function push(runs: TextRun[], index: number, level: number, font: LoadedFont): void {
  const last = runs[runs.length - 1];
  if (last && last.end === index && last.level === level && last.font === font) last.end = index + 1;
  else runs.push({ start: index, end: index + 1, level, font });
}
