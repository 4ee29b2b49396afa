import type { LoadedFont } from './font-registry';

/** Per font, what its character map answered: fontkit looks each code point up through its cmap table every time it is asked. */
const answers = new WeakMap<LoadedFont, Map<number, boolean>>();

/** Whether the font's character map has a glyph for `codePoint`, asked of fontkit once per font and code point in a process. */
export function hasGlyph(font: LoadedFont, codePoint: number): boolean {
  let known = answers.get(font);
  if (!known) answers.set(font, (known = new Map()));
  let has = known.get(codePoint);
  if (has === undefined) known.set(codePoint, (has = font.face.hasGlyphForCodePoint(codePoint)));
  return has;
}
