import { hasGlyph } from '../fonts/has-glyph';
import { LoadedFont } from '../fonts/font-registry';
import { stripBidiControls, unmirror } from './bidi';
import { glyphTexts } from './glyph-text';
import { hbFontOf, hbShape, HbGlyph } from './harfbuzz';
import { ShapedGlyph } from './types';

/** A text shaped in one font and direction, in font units: shared by every piece of that text, so never changed. */
export interface ShapedText {
  readonly glyphs: readonly ShapedGlyph[];
  readonly advance: number;
}

/** Shaped texts by font key, then text: one map per direction, so that a lookup builds no key. */
const cache = { ltr: new Map<string, Map<string, ShapedText>>(), rtl: new Map<string, Map<string, ShapedText>>() };

/** Line breaks: they end lines and are never drawn (fonts have no glyph for them but a box). */
const LINE_BREAKS = /[\n\r\u2028]/g;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** What the cleaning below would change (bidi controls are default-ignorable): most texts have none of it. */
const NEEDS_CLEANING = /[\n\r\u2028\t\p{Default_Ignorable_Code_Point}]/u;
/** Invisible characters that steer shaping: joiners, variation selectors, Hangul fillers. */
const STEERS_SHAPING = /[\u034F\u115F\u1160\u200C\u200D\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/u;

/**
 * Step 5: shape a piece of text with HarfBuzz (OpenType GSUB/GPOS: Arabic
 * joining, Indic reordering, mark positioning): its glyphs in font units, in
 * visual order, cached per font, direction and text:
 * the line breaker measures a word by its advance alone, and only the words
 * placed on a line need their glyphs in points (scaledGlyphs).
 */
export function shapeText(text: string, font: LoadedFont, rtl: boolean): ShapedText {
  const byFont = rtl ? cache.rtl : cache.ltr;
  let texts = byFont.get(font.key);
  if (!texts) byFont.set(font.key, (texts = new Map()));
  // Keyed by the text as given, so that a text shaped before costs a lookup, not the cleaning below.
  let shaped = texts.get(text);
  if (!shaped) {
    shaped = shapeClean(text, font, rtl);
    texts.set(text, shaped);
  }
  return shaped;
}

/** A shaped text's glyphs in points, `scale` points to the font unit: new objects, each placed glyph its own (the PDF writer tells glyphs apart by identity). */
export function scaledGlyphs(shaped: ShapedText, scale: number): ShapedGlyph[] {
  const glyphs = new Array<ShapedGlyph>(shaped.glyphs.length);
  for (let i = 0; i < glyphs.length; i++) {
    const g = shaped.glyphs[i];
    glyphs[i] = { id: g.id, codePoints: g.codePoints, text: g.text, xAdvance: g.xAdvance * scale, xOffset: g.xOffset * scale, yOffset: g.yOffset * scale };
  }
  return glyphs;
}

/** Forgets every shaped text: once the languages that set them are built, they are not asked for again. */
export function forgetShapes(): void {
  cache.ltr.clear();
  cache.rtl.clear();
}

/** The glyphs of `text` in font units, its characters that are never drawn taken out first. */
function shapeClean(text: string, font: LoadedFont, rtl: boolean): ShapedText {
  // A tab between words is a space; line breaks and most invisible characters are not drawn.
  const clean = NEEDS_CLEANING.test(text) ? stripBidiControls(text).replace(LINE_BREAKS, '').replace(/\t/g, ' ').replace(INVISIBLE, keepInvisible(font)) : text;
  // Right-to-left text comes mirrored by the paragraph (bidi rule L4); HarfBuzz mirrors right-to-left text itself, so it is given the text as written.
  const written = rtl ? unmirror(clean) : clean;
  const laid = layout(written, font, rtl);
  const glyphs: ShapedGlyph[] = laid.glyphs.map((glyph, i) => ({
    id: glyph.id,
    codePoints: laid.codePoints[i],
    text: '',
    xAdvance: glyph.xAdvance,
    xOffset: glyph.xOffset,
    yOffset: glyph.yOffset,
  }));
  // Glyphs are written in visual order; readers reverse right-to-left text back, so its clusters' texts go in reversed.
  // One glyph per character: each stands for its own, which is what glyphTexts would find.
  const texts = laid.oneToOne ? laid.codePoints.map((cps) => characterOf(cps[0]).text) : glyphTexts(glyphs, written, rtl);
  texts.forEach((t, i) => { glyphs[i].text = t; });
  return { glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
}

/**
 * Which invisible characters go to fontkit: only those that steer shaping,
 * and only where the font has them. Fontkit hides the others by the code
 * point it recorded for their glyph, which is that of the first character
 * drawn with it: a soft hyphen sharing the hyphen's glyph came out as "-",
 * and a character the font lacks as its .notdef box.
 */
function keepInvisible(font: LoadedFont): (char: string) => string {
  return (char) => (STEERS_SHAPING.test(char) && hasGlyph(font, char.codePointAt(0)!) ? char : '');
}

/**
 * The glyphs of `text` (as written, not mirrored) from HarfBuzz, each with the code points it stands
 * for. HarfBuzz groups glyphs into clusters (by default a letter with its
 * marks, a ligature, a Devanagari syllable), each naming the first character
 * of its run of the text; the first glyph of a cluster in logical order is
 * given the cluster's code points, its other glyphs none, which is how
 * glyph-text.ts shares a cluster's text over its glyphs.
 */
function layout(text: string, font: LoadedFont, rtl: boolean): { glyphs: HbGlyph[]; codePoints: (readonly number[])[]; oneToOne: boolean } {
  const chars = codePointsOf(text);
  const glyphs = hbShape(hbFontOf(font), chars, rtl);
  const oneToOne = oneGlyphEach(glyphs, chars, rtl);
  if (oneToOne) return { glyphs, codePoints: oneToOne, oneToOne: true };
  const starts = [...new Set(glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const endOf = new Map(starts.map((start, i) => [start, starts[i + 1] ?? chars.length]));
  const codePoints = glyphs.map((): readonly number[] => NO_CODE_POINTS);
  const given = new Set<number>();
  for (let k = 0; k < glyphs.length; k++) {
    const i = rtl ? glyphs.length - 1 - k : k;
    const { cluster } = glyphs[i];
    if (given.has(cluster)) continue;
    given.add(cluster);
    codePoints[i] = chars.slice(cluster, endOf.get(cluster));
  }
  return { glyphs, codePoints, oneToOne: false };
}

/** The text's code points (a lone surrogate as itself), as Array.from would give them, without a string per character. */
function codePointsOf(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    out.push(codePoint);
    i += codePoint > 0xffff ? 2 : 1;
  }
  return out;
}

/**
 * The common case: one glyph per character, each its own cluster, in the
 * text's order (reversed for right to left). Each glyph then stands for its
 * own character, as the general grouping above would find. Null otherwise.
 */
function oneGlyphEach(glyphs: readonly HbGlyph[], chars: readonly number[], rtl: boolean): (readonly number[])[] | null {
  const n = glyphs.length;
  if (n !== chars.length) return null;
  const codePoints = new Array<readonly number[]>(n);
  for (let i = 0; i < n; i++) {
    const cluster = rtl ? n - 1 - i : i;
    if (glyphs[i].cluster !== cluster) return null;
    codePoints[i] = characterOf(chars[cluster]).codePoints;
  }
  return codePoints;
}

/**
 * A character's code points and text, one pair per character for the
 * process: a glyph that stands for one character shares them with every
 * other glyph of it. Shaped texts are kept for a language (shapeText's
 * cache), and with an array and a string of their own per glyph a batch's
 * scavenges promoted 2.2 MB more (39.6 MB against 37.4; issue 12).
 */
function characterOf(codePoint: number): { codePoints: readonly number[]; text: string } {
  let known = characters.get(codePoint);
  if (!known) characters.set(codePoint, (known = { codePoints: Object.freeze([codePoint]), text: String.fromCodePoint(codePoint) }));
  return known;
}
const characters = new Map<number, { codePoints: readonly number[]; text: string }>();
/** The code points of a cluster's other glyphs: none. */
const NO_CODE_POINTS: readonly number[] = Object.freeze([]);
