import { LoadedFont } from './font-registry';

/** Characters that are never drawn and need no glyph: joiners, bidi controls, variation selectors, line separators. */
export const NEEDS_NO_GLYPH = /[\p{Default_Ignorable_Code_Point}\u2028\n\r\t]/u;

/** The first code point of `text` that no font of the stack has, or null when all are covered. */
export function firstUncovered(text: string, stack: LoadedFont[]): number | null {
  for (const char of text) {
    if (NEEDS_NO_GLYPH.test(char)) continue;
    const codePoint = char.codePointAt(0)!;
    if (!stack.some((font) => font.face.hasGlyphForCodePoint(codePoint))) return codePoint;
  }
  return null;
}
