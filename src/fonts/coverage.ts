import { LoadedFont } from './font-registry';

/** Characters that are never drawn and need no glyph: joiners, bidi controls, variation selectors, line separators. */
export const NEEDS_NO_GLYPH = /[\p{Default_Ignorable_Code_Point}\u2028\n\r\t]/u;

/** Every distinct character of `text` that no font of the stack has, in order; empty when all are covered. */
export function uncoveredCharacters(text: string, stack: LoadedFont[]): string[] {
  const found = new Set<string>();
  for (const char of text) {
    if (found.has(char) || NEEDS_NO_GLYPH.test(char)) continue;
    const codePoint = char.codePointAt(0)!;
    if (!stack.some((font) => font.face.hasGlyphForCodePoint(codePoint))) found.add(char);
  }
  return [...found];
}
