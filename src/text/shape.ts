import { GlyphRun } from 'fontkit';
import { PamphletError } from '../core/errors';
import { Points } from '../core/units';
import { LoadedFont } from '../fonts/font-registry';
import { stripBidiControls, unmirror } from './bidi';
import { glyphTexts } from './glyph-text';
import { ShapedGlyph } from './types';

const cache = new Map<string, { glyphs: ShapedGlyph[]; advance: number }>();

/** Line breaks: they end lines and are never drawn (fonts have no glyph for them but a box). */
const LINE_BREAKS = /[\n\r\u2028]/g;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Invisible characters that steer shaping: joiners, variation selectors, Hangul fillers. */
const STEERS_SHAPING = /[\u034F\u115F\u1160\u200C\u200D\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/u;

/** OpenType features that position by anchors: marks on bases and on marks, joined letters. */
const ANCHORED_OFF = { mark: false, mkmk: false, curs: false };

/**
 * Step 5: shape a piece of text with fontkit (OpenType GSUB/GPOS: Arabic
 * joining, Indic reordering, mark positioning). Glyphs come back in visual
 * order, sized in points. Results are cached per font, direction and text.
 */
export function shape(text: string, font: LoadedFont, rtl: boolean, size: Points): { glyphs: ShapedGlyph[]; width: Points } {
  // A tab between words is a space; line breaks and most invisible characters are not drawn.
  const clean = stripBidiControls(text).replace(LINE_BREAKS, '').replace(/\t/g, ' ').replace(INVISIBLE, keepInvisible(font));
  const key = `${font.key}\u0000${rtl ? 'r' : 'l'}\u0000${clean}`;
  let shaped = cache.get(key);
  if (!shaped) {
    const { run, codePoints } = layout(clean, font, rtl ? 'rtl' : 'ltr');
    const glyphs: ShapedGlyph[] = run.glyphs.map((glyph, i) => ({
      id: glyph.id,
      codePoints: codePoints[i],
      text: '',
      xAdvance: run.positions[i].xAdvance,
      xOffset: run.positions[i].xOffset,
      yOffset: run.positions[i].yOffset,
    }));
    // Glyphs are written in visual order; readers reverse right-to-left text back, so its clusters' texts go in reversed.
    const texts = glyphTexts(glyphs, rtl ? unmirror(clean) : clean, rtl);
    texts.forEach((text, i) => { glyphs[i].text = text; });
    shaped = { glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
    cache.set(key, shaped);
  }
  const scale = size / font.unitsPerEm;
  return {
    glyphs: shaped.glyphs.map((g) => ({ ...g, xAdvance: g.xAdvance * scale, xOffset: g.xOffset * scale, yOffset: g.yOffset * scale })),
    width: shaped.advance * scale,
  };
}

/**
 * Which invisible characters go to fontkit: only those that steer shaping,
 * and only where the font has them. Fontkit hides the others by the code
 * point it recorded for their glyph, which is that of the first character
 * drawn with it: a soft hyphen sharing the hyphen's glyph came out as "-",
 * and a character the font lacks as its .notdef box.
 */
function keepInvisible(font: LoadedFont): (char: string) => string {
  return (char) => (STEERS_SHAPING.test(char) && font.face.hasGlyphForCodePoint(char.codePointAt(0)!) ? char : '');
}

/**
 * Fontkit's layout, and what to do when it fails. Fontkit 2.0.4 throws on a
 * GPOS anchor that a font leaves empty, which OpenType allows ("this base
 * takes no such mark"): a Latin accent on a Thai letter in the Thai font
 * (foliojs/fontkit#367). Such text is set again without anchored positioning,
 * its marks where the font draws them by default; text that fails even so is
 * the translation's to change, not a crash.
 */
function layout(text: string, font: LoadedFont, direction: 'ltr' | 'rtl'): { run: GlyphRun; codePoints: number[][] } {
  try {
    return withCodePoints(font, () => font.face.layout(text, undefined, undefined, undefined, direction));
  } catch {
    try {
      return withCodePoints(font, () => font.face.layout(text, ANCHORED_OFF, undefined, undefined, direction));
    } catch (error) {
      throw new PamphletError(`the font ${font.family} cannot set the text "${text}" (${(error as Error).message}). Remove or replace its unusual characters, such as marks on letters of another script.`);
    }
  }
}

/** Fontkit's font, as far as the layout goes: the call that gives the Glyph object for an id and the characters it stands for. */
type GlyphSource = { getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } };

/**
 * The run, and the code points each of its glyphs was shaped from. Fontkit
 * keeps one Glyph object per id, with the code points of the first text it
 * was ever shaped from: one Arabic skeleton serves ب, ت, ث, ن and ي, and
 * would claim the same letter in all. During the layout, each glyph is asked
 * for with this text's code points; a view of the cached glyph is handed out
 * that keeps them (the cached one is unchanged).
 */
function withCodePoints(font: LoadedFont, lay: () => GlyphRun): { run: GlyphRun; codePoints: number[][] } {
  const face = font.face as unknown as GlyphSource;
  const cached = face.getGlyph;
  face.getGlyph = (id, codePoints = []) => Object.assign(Object.create(cached.call(face, id, codePoints)), { codePoints });
  try {
    const run = lay();
    return { run, codePoints: run.glyphs.map((g) => [...g.codePoints]) };
  } finally {
    delete (face as Partial<GlyphSource>).getGlyph;
  }
}
