import { Points } from '../core/units';
import { LoadedFont, ScriptTypography } from '../fonts/font-registry';
import { LanguageCode, Direction, LineBreakRule } from '../languages/language';
import { TextWrap } from './balance';
import { KeepTogetherRules } from './keep-together';
import { CjkSpacing } from './cjk-spacing';
import type { ShapedText } from './shape';

/** What the paragraph layout needs of a language, resolved from its data. */
export interface TypesetLanguage {
  code: LanguageCode;
  locale: string;
  direction: Direction;
  lineBreak: LineBreakRule;
  /** Splits a word into the pieces between which a hyphen may go; absent when the language does not hyphenate. */
  hyphenate?: (word: string) => string[];
  /** Words that never end a line, beyond the general rules (keep-together.ts). */
  keepTogether: KeepTogetherRules;
  /** Words a word segmenter must not cut (keep-words.ts); none when absent. */
  keepWords?: readonly string[];
  /** Spacing of CJK text (cjk-spacing.ts); none when absent. */
  cjkSpacing?: CjkSpacing;
  /** Size factor and body line spacing of the language's script (fonts.json), line spacing raised by the language's own. */
  typography: ScriptTypography;
  fonts: { regular: LoadedFont[]; bold: LoadedFont[] };
}

/** A range of the paragraph's logical text with one style. */
export interface StyledRange {
  start: number;
  end: number;
  bold: boolean;
}

/** A range of the paragraph's text set in one font at one bidi level. */
export interface TextRun {
  start: number;
  end: number;
  level: number;
  font: LoadedFont;
}

export interface ShapedGlyph {
  id: number;
  /** Never changed: one array may stand for the same character in every glyph of it (shape.ts). */
  readonly codePoints: readonly number[];
  /** The text this glyph stands for when read out (glyph-text.ts): a cluster's text on one glyph, '' on the rest. */
  text: string;
  xAdvance: Points;
  xOffset: Points;
  yOffset: Points;
}

/**
 * A shaped piece of text, for one font, one level: its glyphs (in visual
 * order) as shaped, in font units, and their scale; they are made in points
 * only for a piece placed on a line (paragraph.ts), as most pieces are only
 * measured.
 */
export interface ShapedPiece {
  start: number;
  end: number;
  level: number;
  font: LoadedFont;
  /** Shared by every piece of the same text, font and direction: never changed. */
  shaped: ShapedText;
  /** Points per font unit. */
  scale: number;
  /** The glyphs in points, where CJK spacing changed them (cjk-spacing.ts); else they are the shaped ones scaled. */
  spaced?: ShapedGlyph[];
  width: Points;
}

/**
 * A run of glyphs placed on a line: x is the left edge of its first glyph in
 * visual order, from the line's left edge; glyphs are in visual order. A
 * line's runs are in logical order, so that a PDF drawn in that order reads
 * out as the logical text.
 */
export interface PlacedRun {
  font: LoadedFont;
  size: Points;
  x: Points;
  glyphs: ShapedGlyph[];
  rtl: boolean;
}

export interface TypesetLine {
  runs: PlacedRun[];
  /** Width of the inked content, without trailing spaces. */
  width: Points;
  /** Logical text of the line (what copying it out must give). */
  text: string;
}

export interface ParagraphStyle {
  /** In points of the type scale: each font sets it times its size factor (fonts.json). */
  size: Points;
  /** Space from one baseline to the next. */
  lineHeight: Points;
  align: 'start' | 'center';
  /** Weight of text not marked bold. */
  bold: boolean;
  /** Hyphenate at line ends, where the language has hyphenation. */
  hyphenate: boolean;
  /** Which break opportunities become line ends (balance.ts); first-fit ('normal') when absent. */
  wrap?: TextWrap;
}
