import { Points } from '../core/units';
import { hasGlyph } from '../fonts/has-glyph';
import { LoadedFont } from '../fonts/font-registry';
import { hbFontOf, hbShape } from './harfbuzz';
import { scaledGlyphs } from './shape';
import { ShapedGlyph, ShapedPiece } from './types';

/** How a language spaces CJK text (language data: meta.interScriptSpace, meta.compressPunctuation). */
export interface CjkSpacing {
  /** Space between Han or kana and a Latin letter or digit next to it, in em; 0 for none. */
  interScriptSpace: number;
  /** Of two fullwidth punctuation marks in a row, one takes half an em (CLREQ, JLREQ). */
  compressPunctuation: boolean;
}

/** Han, kana and bopomofo, and the kana length mark (a Common character). */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u30FC]/u;
/** Letters of the alphabets and European digits; not their fullwidth forms, which are set like Han. */
const WESTERN = /(?![\uFF00-\uFFEF])[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;
/** Not seen, so not a neighbour: a fact's bidi isolates, joiners, zero width space. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const PUNCTUATION = /\p{P}/u;

/**
 * A fullwidth punctuation mark as the font's `halt` (alternate half widths)
 * feature sets it: its full and half advance and how far halt moves its ink,
 * in font units. The font knows which half of the em is blank: in Simplified
 * Chinese fonts the ink of "。" and "）" is on the left, that of "（" on the right.
 */
interface HalfWidth {
  full: number;
  half: number;
  offset: number;
}

/** Per font, weakly: a font a build released goes with its answers. */
const halfWidths = new WeakMap<LoadedFont, Map<number, HalfWidth | null>>();

/**
 * Applies the language's CJK spacing to a shaped piece of the paragraph's
 * text (CLREQ, "Chinese punctuation" and "mixed text composition"):
 * - between Han or kana and a Latin letter or digit with no space between
 *   them, a space of `interScriptSpace` em ("第 118 条"), added to the
 *   advance of the first of the two, so that it is never at a line start;
 * - of two fullwidth punctuation marks in a row ("）；", "。」"), the blank
 *   half of the em between their inks is taken out: the first mark's blank
 *   right half, or else the second mark's blank left half ("「（").
 * Neighbours are looked up in the paragraph's text, so a pair across two
 * pieces (two words) counts too; a line may then end in the added space,
 * which takes room but shows nothing. Right-to-left pieces are left alone.
 */
export function spaceCjk(piece: ShapedPiece, text: string, spacing: CjkSpacing | undefined, size: Points): ShapedPiece {
  if (!spacing || (spacing.interScriptSpace <= 0 && !spacing.compressPunctuation) || piece.level % 2 === 1) return piece;
  const at = glyphIndices(piece, text);
  let width = piece.width;
  const scale = size / piece.font.unitsPerEm;
  const glyphs = scaledGlyphs(piece.shaped, piece.scale).map((glyph, i): ShapedGlyph => {
    const index = at[i];
    if (index < 0) return glyph;
    const char = charAt(text, index);
    const next = neighbour(text, index + char.length, 1);
    const previous = neighbour(text, index - 1, -1);
    let { xAdvance, xOffset } = glyph;
    if (spacing.interScriptSpace > 0 && next !== null &&
        ((IDEOGRAPHIC.test(char) && WESTERN.test(next)) || (WESTERN.test(char) && IDEOGRAPHIC.test(next)))) {
      xAdvance += spacing.interScriptSpace * size;
    }
    if (spacing.compressPunctuation) {
      const own = halfWidth(piece.font, char);
      if (own && next !== null && halfWidth(piece.font, next) && blankRight(own)) {
        xAdvance -= (own.full - own.half) * scale;
      } else if (own && previous !== null && blankLeft(own)) {
        const before = halfWidth(piece.font, previous);
        if (before && !blankRight(before)) {
          xAdvance -= (own.full - own.half) * scale;
          xOffset += own.offset * scale;
        }
      }
    }
    width += xAdvance - glyph.xAdvance;
    return xAdvance === glyph.xAdvance && xOffset === glyph.xOffset ? glyph : { ...glyph, xAdvance, xOffset };
  });
  return { ...piece, spaced: glyphs, width };
}

/** Halt keeps the ink where it is: the blank half is on the right. */
function blankRight(mark: HalfWidth): boolean {
  return mark.offset === 0;
}

/** Halt moves the ink left by the half it takes out: the blank half is on the left. */
function blankLeft(mark: HalfWidth): boolean {
  return Math.abs(mark.offset + (mark.full - mark.half)) < 1;
}

/**
 * Index in the text of each glyph's (last) character, or -1 where it cannot
 * be told (a glyph of no character, a tab set as a space). Glyphs of a
 * left-to-right piece come in the order of its characters.
 */
function glyphIndices(piece: ShapedPiece, text: string): number[] {
  let cursor = piece.start;
  return piece.shaped.glyphs.map((glyph) => {
    if (glyph.codePoints.length === 0) return -1;
    let found = -1;
    for (const codePoint of glyph.codePoints) {
      const char = String.fromCodePoint(codePoint);
      const index = indexWithin(text, char, cursor, piece.end);
      if (index < 0) return -1;
      found = index;
      cursor = index + char.length;
    }
    return found;
  });
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}

/** The nearest visible character from `index` on in the direction `step`, or null at the text's end. */
function neighbour(text: string, index: number, step: 1 | -1): string | null {
  let i = index;
  while (i >= 0 && i < text.length) {
    // Going back, a low surrogate is the second half of the character before it.
    const start = step < 0 && i > 0 && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]) ? i - 1 : i;
    const char = charAt(text, start);
    if (!INVISIBLE.test(char)) return char;
    i = step > 0 ? start + char.length : start - 1;
  }
  return null;
}

/** The font's half-width form of a fullwidth punctuation mark; null for other characters. */
function halfWidth(font: LoadedFont, char: string): HalfWidth | null {
  if (!PUNCTUATION.test(char)) return null;
  let known = halfWidths.get(font);
  if (!known) halfWidths.set(font, (known = new Map()));
  const codePoint = char.codePointAt(0)!;
  if (!known.has(codePoint)) known.set(codePoint, measureHalfWidth(font, char));
  return known.get(codePoint)!;
}

function measureHalfWidth(font: LoadedFont, char: string): HalfWidth | null {
  const codePoint = char.codePointAt(0)!;
  if (!hasGlyph(font, codePoint)) return null;
  const plain = hbShape(hbFontOf(font), [codePoint], false);
  const halted = hbShape(hbFontOf(font), [codePoint], false, ['halt']);
  if (plain.length !== 1 || halted.length !== 1) return null;
  const full = plain[0].xAdvance;
  const half = halted[0].xAdvance;
  // Fullwidth: an em wide; a font without halt, or a mark it does not halve, is left as it is.
  if (full < font.unitsPerEm * 0.9 || half >= full) return null;
  return { full, half, offset: halted[0].xOffset };
}

/** Where `char` first starts in text[from, end), or -1: a search that never runs past its piece into the rest of the paragraph. */
function indexWithin(text: string, char: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.startsWith(char, i)) return i;
  return -1;
}
