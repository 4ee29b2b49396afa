import { codePointLabel, PamphletError } from '../core/errors';
import { hasGlyph } from './has-glyph';
import { displayPath } from '../core/display-path';
import { LoadedFont } from './font-registry';
import { glyphProblem } from './verify-font';

/** Characters that are never drawn and need no glyph: joiners, bidi controls, variation selectors, line separators. */
export const NEEDS_NO_GLYPH = /[\p{Default_Ignorable_Code_Point}\u2028\n\r\t]/u;

/** The code points whose glyphs were found sound, per font, each decoded once per process. */
const sound = new WeakMap<LoadedFont, Set<number>>();

/**
 * Throws a usage error naming the font file when the glyph `font` has for
 * `codePoint` cannot be drawn: a damaged font must stop the build, not print
 * a page with letters missing.
 */
function assertGlyphSound(font: LoadedFont, codePoint: number): void {
  let known = sound.get(font);
  if (!known) sound.set(font, (known = new Set()));
  if (known.has(codePoint)) return;
  const problem = glyphProblem(font.face, codePoint, font.trueType);
  if (problem) {
    const char = String.fromCodePoint(codePoint);
    const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `"${char}" ` : '';
    throw new PamphletError(
      `the font file ${displayPath(font.file)} is damaged: its glyph for ${shown}(${codePointLabel(codePoint)}) ${problem}. Reinstall with \`npm ci\` or fix fonts/fonts.json.`,
      font.source, 'usage');
  }
  known.add(codePoint);
}

/**
 * Every distinct character of `text` that no font of the stack has, in
 * order; empty when all are covered. Each glyph found is also decoded, and a
 * damaged one is a usage error naming its font file.
 */
export function uncoveredCharacters(text: string, stack: LoadedFont[]): string[] {
  const found = new Set<string>();
  const seen = new Set<number>();
  // By code point (a lone surrogate as itself, as a for-of gives it), without a string per character: the glyph check
  // reads every string of every language.
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    i += codePoint > 0xffff ? 2 : 1;
    if (seen.has(codePoint)) continue;
    seen.add(codePoint);
    const char = String.fromCodePoint(codePoint);
    if (NEEDS_NO_GLYPH.test(char)) continue;
    let covered = false;
    for (const font of stack) {
      if (!hasGlyph(font, codePoint)) continue;
      covered = true;
      assertGlyphSound(font, codePoint);
    }
    if (!covered) found.add(char);
  }
  return [...found];
}
