import { perFont } from './per-font';

/** Whether the font's character map has a glyph for a code point, asked of fontkit (which looks it up through its cmap table every time) once per font and code point in a process. */
export const hasGlyph = perFont((font, codePoint: number) => font.face.hasGlyphForCodePoint(codePoint));
