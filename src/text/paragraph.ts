import { Points } from '../core/units';
import { InlineSpan } from '../document/types';
import { embeddingLevels, mirrorForLevels, stripBidiControls } from './bidi';
import { breakOpportunities, graphemeBoundaries } from './break-opportunities';
import { collect } from './collect';
import { itemize } from './itemize';
import { breakLines, Word } from './line-breaker';
import { visualOrder } from './reorder';
import { shape } from './shape';
import { ParagraphStyle, PlacedRun, ShapedPiece, TextRun, TypesetLanguage, TypesetLine } from './types';

const TRAILING_SPACE = /[\s\u2028]+$/u;
const HYPHEN = '-';
/** Share of the line width that must be left empty before a word at its end is hyphenated. */
const MIN_SLACK_TO_HYPHENATE = 0.15;

/** A word with its shaped pieces, kept so that placing a line does not shape it again. */
interface ShapedWord extends Word {
  content: ShapedPiece[];
  spaces: ShapedPiece[];
}

/**
 * Lays out one paragraph into lines of placed glyph runs, through the stages
 * of src/text: collect -> bidi -> itemize -> break opportunities -> shape ->
 * break lines -> reorder and place.
 */
export function layoutParagraph(spans: InlineSpan[], width: Points, style: ParagraphStyle, language: TypesetLanguage): TypesetLine[] {
  const { text, styles } = collect(spans, style.bold);
  if (text.length === 0) return [];
  const levels = embeddingLevels(text, language.direction);
  const shapingText = mirrorForLevels(text, levels);
  const runs = itemize(text, levels, styles, language);

  const shapeRange = (start: number, end: number): ShapedPiece[] => {
    const pieces: ShapedPiece[] = [];
    for (const run of runs) {
      const s = Math.max(start, run.start);
      const e = Math.min(end, run.end);
      if (s >= e) continue;
      pieces.push(shapePiece(shapingText, s, e, run, style.size));
    }
    return pieces;
  };

  const makeWord = (start: number, end: number, required: boolean, hyphen: boolean): ShapedWord => {
    const contentEnd = start + text.slice(start, end).replace(TRAILING_SPACE, '').length;
    const content = shapeRange(start, contentEnd);
    const spaces = shapeRange(contentEnd, end);
    const hyphenWidth = hyphen && content.length ? hyphenPiece(content, style.size).width : 0;
    return {
      start, contentEnd, end, required, hyphen, content, spaces,
      width: sum(content) + hyphenWidth,
      spaceWidth: sum(spaces),
    };
  };

  const words: ShapedWord[] = [];
  let previous = 0;
  for (const opportunity of breakOpportunities(text, language.lineBreak, language.locale)) {
    if (opportunity.position <= previous) continue;
    words.push(makeWord(previous, opportunity.position, opportunity.required && opportunity.position < text.length, false));
    previous = opportunity.position;
  }

  const split = (word: ShapedWord, available: Points, mustSplit: boolean): [ShapedWord, ShapedWord] | null => {
    const candidates: { at: number; hyphen: boolean }[] = [];
    const content = text.slice(word.start, word.contentEnd);
    // Hyphenate only where the line would otherwise be left loose, or the word cannot fit at all.
    const worthIt = mustSplit || available > width * MIN_SLACK_TO_HYPHENATE;
    if (language.hyphenate && style.hyphenate && worthIt && /^[\p{L}\p{M}]+[\p{P}]*$/u.test(content)) {
      let at = word.start;
      for (const part of language.hyphenate(content).slice(0, -1)) candidates.push({ at: (at += part.length), hyphen: true });
    }
    if (mustSplit && candidates.length === 0) {
      for (const at of graphemeBoundaries(text, word.start, word.contentEnd, language.locale)) candidates.push({ at, hyphen: false });
    }
    for (let i = candidates.length - 1; i >= 0; i--) {
      const head = makeWord(word.start, candidates[i].at, false, candidates[i].hyphen);
      if (head.width <= available || (mustSplit && i === 0)) {
        return [head, makeWord(candidates[i].at, word.end, word.required, word.hyphen)];
      }
    }
    return null;
  };

  return breakLines(words, width, split).map((lineWords) => placeLine(lineWords, text, style, width, language));
}

function shapePiece(shapingText: string, start: number, end: number, run: TextRun, size: Points): ShapedPiece {
  const slice = shapingText.slice(start, end);
  const { glyphs, width } = shape(slice, run.font, run.level % 2 === 1, size);
  return { start, end, level: run.level, font: run.font, glyphs, width, isSpace: /^[\s\u2028]*$/u.test(slice) };
}

function hyphenPiece(content: ShapedPiece[], size: Points): ShapedPiece {
  const last = content[content.length - 1];
  const { glyphs, width } = shape(HYPHEN, last.font, false, size);
  return { start: last.end, end: last.end, level: last.level, font: last.font, glyphs, width, isSpace: false };
}

function sum(pieces: ShapedPiece[]): Points {
  return pieces.reduce((total, p) => total + p.width, 0);
}

function placeLine(
  words: ShapedWord[],
  text: string,
  style: ParagraphStyle,
  width: Points,
  language: TypesetLanguage,
): TypesetLine {
  const last = words[words.length - 1];
  const logicalPieces: ShapedPiece[] = [];
  words.forEach((word) => {
    logicalPieces.push(...word.content);
    if (word === last && word.hyphen && word.content.length) logicalPieces.push(hyphenPiece(word.content, style.size));
    if (word !== last) logicalPieces.push(...word.spaces);
  });
  const drawable = logicalPieces.filter((p) => p.glyphs.length > 0);
  const visual = visualOrder(drawable);
  const lineWidth = sum(visual);
  const slack = Math.max(0, width - lineWidth);
  let x = style.align === 'center' ? slack / 2 : language.direction === 'rtl' ? slack : 0;
  const xOf = new Map<ShapedPiece, Points>();
  for (const piece of visual) {
    xOf.set(piece, x);
    x += piece.width;
  }
  const runs: PlacedRun[] = drawable.map((piece) => ({
    font: piece.font, size: style.size, x: xOf.get(piece)!, glyphs: piece.glyphs, rtl: piece.level % 2 === 1,
  }));
  const logical = stripBidiControls(text.slice(words[0].start, last.contentEnd)).replace(/\u2028/g, '') + (last.hyphen ? HYPHEN : '');
  // What a reader extracts from glyphs drawn in logical order (RTL runs are drawn last glyph first).
  const drawn = runs.flatMap((r) => (r.rtl ? [...r.glyphs].reverse() : r.glyphs).flatMap((g) => g.codePoints))
    .map((c) => String.fromCodePoint(c)).join('');
  // Glyphs without code points (parts of a decomposed letter, such as Arabic dots) need ActualText too.
  const partsOfLetters = runs.some((r) => r.glyphs.some((g) => g.codePoints.length === 0));
  return { runs, width: lineWidth, text: logical, actualText: drawn === logical && !partsOfLetters ? null : logical };
}
