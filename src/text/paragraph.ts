import { Points } from '../core/units';
import { InlineSpan } from '../document/types';
import { embeddingLevels, mirrorForLevels, stripBidiControls } from './bidi';
import { breakOpportunities } from './break-opportunities';
import { spaceCjk } from './cjk-spacing';
import { keepWordsWhole } from './keep-words';
import { collect } from './collect';
import { itemize } from './itemize';
import { keepTogether } from './keep-together';
import { LineMeasure, MIN_LAST_LINE_GRAPHEMES, rewrap } from './balance';
import { breakLines, LineWidths, Word } from './line-breaker';
import { visualOrder } from './reorder';
import { scaledGlyphs, shapeText } from './shape';
import { ParagraphStyle, PlacedRun, ShapedPiece, TextRun, TypesetLanguage, TypesetLine } from './types';
import { firstAfter, firstShowing, graphemeCuts, isBlank, lastFitting, spacesStart, WordCuts } from './words';

const HYPHEN = '-';
/** Share of the line width that must be left empty before a word at its end is hyphenated. */
const MIN_SLACK_TO_HYPHENATE = 0.15;
/** Made once: an Intl.Segmenter costs far more to make than to run on a line. */
const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });
const SPACES = /\s+/u;
const PUNCTUATION_END = /\p{P}$/u;
const PUNCTUATION_ONLY = /^\p{P}+$/u;

/** A word with its shaped pieces, kept so that placing a line does not shape it again. */
interface ShapedWord extends Word {
  content: ShapedPiece[];
  spaces: ShapedPiece[];
}

/** A place to cut a word at a line end. */
interface Cut {
  at: number;
  hyphen: boolean;
}

/** What layout had to give up; the caller may set the paragraph smaller to keep it. */
export interface LayoutNotes {
  /** A `<nobr>` phrase or a keep word was wider than the line, and breaks inside. */
  keptBroken: boolean;
}

/**
 * Lays out one paragraph into lines of placed glyph runs, through the stages
 * of src/text: collect -> bidi -> itemize -> break opportunities -> shape ->
 * break lines -> reorder and place. With `maxLines`, only the paragraph's
 * first lines, up to that many: words are shaped as the lines take them, so
 * the rest of a long paragraph costs nothing. The style's `wrap` (balance,
 * pretty) then chooses other line ends among the same opportunities, only
 * when the whole paragraph was laid out: a paragraph cut at `maxLines` has
 * overflowed its panel anyway. `notes`, if given, learns what had to give.
 */
export function layoutParagraph(spans: InlineSpan[], width: Points, style: ParagraphStyle, language: TypesetLanguage, maxLines = Infinity, notes?: LayoutNotes): TypesetLine[] {
  const { text, styles, kept } = collect(spans, style.bold);
  if (text.length === 0) return [];
  const levels = embeddingLevels(text, language.direction);
  const shapingText = mirrorForLevels(text, levels);
  const runs = itemize(text, levels, styles, language);

  /** One piece per run the range overlaps, in an array of just that length: most words lie in one run. */
  const shapeRange = (start: number, end: number): ShapedPiece[] => {
    if (start >= end) return [];
    const first = firstRunEndingAfter(runs, start);
    let last = first;
    while (last < runs.length && runs[last].start < end) last++;
    const pieces = new Array<ShapedPiece>(last - first);
    for (let i = first; i < last; i++) {
      const run = runs[i];
      const piece = shapePiece(shapingText, Math.max(start, run.start), Math.min(end, run.end), run, style.size);
      pieces[i - first] = spaceCjk(piece, text, language.cjkSpacing, style.size * run.font.sizeFactor);
    }
    return pieces;
  };

  const makeWord = (start: number, end: number, required: boolean, hyphen: boolean): ShapedWord => {
    const contentEnd = spacesStart(text, start, end);
    const content = shapeRange(start, contentEnd);
    const spaces = shapeRange(contentEnd, end);
    const hyphenWidth = hyphen && content.length ? hyphenPiece(content, style.size).width : 0;
    return {
      start, contentEnd, end, required, hyphen, content, spaces,
      blank: isBlank(text.slice(start, contentEnd)),
      width: sum(content) + hyphenWidth,
      spaceWidth: sum(spaces),
    };
  };

  /** Every word shaped so far, kept to break the paragraph again at other widths. */
  const shaped: ShapedWord[] = [];
  function* words(): Generator<ShapedWord> {
    let previous = 0;
    const fitsLine = (s: number, e: number) => sum(shapeRange(s, e)) <= width;
    const gaveWay = () => { if (notes) notes.keptBroken = true; };
    const whole = keepWordsWhole(text, breakOpportunities(text, language.lineBreak, language.locale), language.keepWords ?? [], fitsLine, gaveWay);
    for (const opportunity of keepTogether(text, whole, kept, language.keepTogether, language.locale, fitsLine, gaveWay)) {
      if (opportunity.position <= previous) continue;
      const word = makeWord(previous, opportunity.position, opportunity.required && opportunity.position < text.length, false);
      shaped.push(word);
      yield word;
      previous = opportunity.position;
    }
  }

  const hyphenates = language.hyphenate && style.hyphenate ? language.hyphenate : null;
  // Hyphenate only where the line would otherwise be left loose, or the word cannot fit at all.
  const worthHyphenating = (room: Points, must: boolean, lineWidth: Points) => hyphenates !== null && (must || room > lineWidth * MIN_SLACK_TO_HYPHENATE);

  /** Parts of words, text[from, at) with or without a hyphen, each made once: the rewrapping tries the same cuts again. */
  const madeParts = { plain: new Map<number, Map<number, ShapedWord>>(), hyphenated: new Map<number, Map<number, ShapedWord>>() };
  const partOf = (from: number, at: number, hyphen: boolean): ShapedWord => {
    const byStart = hyphen ? madeParts.hyphenated : madeParts.plain;
    let byEnd = byStart.get(from);
    if (!byEnd) byStart.set(from, (byEnd = new Map()));
    let part = byEnd.get(at);
    if (!part) byEnd.set(at, (part = makeWord(from, at, false, hyphen)));
    return part;
  };

  /**
   * Where to end a line that starts at `from` inside `word`, with `room` to
   * fill: the last hyphenation point that fits (where worth it), else, when
   * the line must take something, the last grapheme boundary that fits but at
   * least one visible grapheme. Only about a line's worth of text is shaped,
   * so a word of thousands of characters costs no more per line than a short one.
   */
  const cutLine = (word: ShapedWord, cuts: WordCuts, from: number, room: Points, must: boolean, lineWidth: Points): Cut | null => {
    const fits = (at: number, hyphen: boolean) => partOf(from, at, hyphen).width <= room;
    const hyphens = cuts.hyphensFrom(from);
    if (hyphens.length > 1 && worthHyphenating(room, must, lineWidth)) {
      const i = lastFitting(hyphens, firstAfter(hyphens, from), (at) => fits(at, at < word.contentEnd));
      if (i >= 0) return { at: hyphens[i], hyphen: hyphens[i] < word.contentEnd };
    }
    if (!must) return null;
    const graphemes = cuts.graphemes;
    const first = firstAfter(graphemes, from);
    const least = firstShowing(text, graphemes, first, from);
    return { at: graphemes[Math.max(least, lastFitting(graphemes, first, (at) => fits(at, false)))], hyphen: false };
  };

  /** Grapheme cuts by the start of the word or rest of a word they cut: the rewrapping splits the same words again. */
  const graphemes = new Map<number, { contentEnd: number; cuts: number[] }>();
  const graphemesOf = (word: ShapedWord): number[] => {
    let known = graphemes.get(word.start);
    if (known?.contentEnd !== word.contentEnd) graphemes.set(word.start, (known = { contentEnd: word.contentEnd, cuts: graphemeCuts(text, word.start, word.contentEnd, language.locale) }));
    return known.cuts;
  };

  /** The word's lines in one go (see SplitWord): cutting the rest again line by line would shape it again for each. */
  const split = (word: ShapedWord, available: Points, mustSplit: boolean, maxLines: number, lineWidth: (part: number) => Points): { lines: ShapedWord[]; rest: ShapedWord | null } | null => {
    if (!mustSplit && !worthHyphenating(available, false, lineWidth(0))) return null; // the usual line end: the word goes to the next line
    const cuts = new WordCuts(text, word.start, word.contentEnd, graphemesOf(word), hyphenates);
    const parts: ShapedWord[] = [];
    let from = word.start;
    let room = available;
    for (;;) {
      // Enough lines for the caller: the rest of the word is neither cut nor shaped.
      if (parts.length >= maxLines) return { lines: parts, rest: null };
      const cut = cutLine(word, cuts, from, room, mustSplit || parts.length > 0, lineWidth(parts.length));
      if (!cut) return null;
      if (cut.at >= word.contentEnd) {
        if (parts.length === 0) return null;
        return { lines: parts, rest: makeWord(from, word.end, word.required, word.hyphen) };
      }
      parts.push(partOf(from, cut.at, cut.hyphen));
      from = cut.at;
      room = lineWidth(parts.length);
    }
  };

  const firstFit = breakLines(words(), width, split, maxLines);
  // Fewer lines than asked for: the words ran out, every one is shaped.
  const lines = firstFit.length < maxLines
    ? rewrap(style.wrap ?? 'normal', firstFit, width, {
      breakAt: (widths: LineWidths) => breakLines(shaped, widths, split),
      measure: measuredOnce(text),
      widestWord: shaped.reduce((widest, w) => Math.max(widest, w.width), 0),
      inkWidth: shaped.reduce((total, w) => total + w.width, 0),
    })
    : firstFit;
  return lines.map((lineWords) => placeLine(lineWords, text, style, width, language));
}

/**
 * measureLine, once per line: the rewrapping measures the same lines again
 * in many of its candidates. A line is known by its first and last words, as
 * the words between them are the paragraph's words in order (a part of a
 * split word only ever starts or ends a line, and is one object per cut:
 * partOf makes each once).
 */
function measuredOnce(text: string): (line: ShapedWord[]) => LineMeasure {
  const known = new Map<ShapedWord, Map<ShapedWord, LineMeasure>>();
  return (line) => {
    const first = line[0];
    const last = line[line.length - 1];
    let byLast = known.get(first);
    if (!byLast) known.set(first, (byLast = new Map()));
    let measure = byLast.get(last);
    if (!measure) byLast.set(last, (measure = measureLine(line, text)));
    return measure;
  };
}

/**
 * What the last-line rule of balance.ts needs: width, visible words and
 * graphemes (up to the rule's minimum), the last two counted when asked:
 * only a last line's are. A word is what lies between two break
 * opportunities, but words kept together ("за помощью", a <nobr> phrase)
 * count one each: they are not one word alone.
 */
function measureLine(line: ShapedWord[], text: string): LineMeasure {
  const shown = line.filter((w) => !w.blank);
  const width = shown.reduce((total, w, i) => total + w.width + (i < shown.length - 1 ? w.spaceWidth : 0), 0);
  const last = line[line.length - 1];
  const endsAtSeparator = last.end > last.contentEnd || PUNCTUATION_END.test(text.slice(last.start, last.contentEnd));
  let words: number | undefined;
  let graphemes: number | undefined;
  return {
    width,
    endsAtSeparator,
    words: () => (words ??= shown.reduce((count, w) => count + text.slice(w.start, w.contentEnd).trim().split(SPACES).length, 0)),
    graphemes: () => (graphemes ??= visibleGraphemes(text.slice(line[0].start, last.contentEnd))),
  };
}

/** Graphemes of `text` a reader sees, counted up to MIN_LAST_LINE_GRAPHEMES. */
function visibleGraphemes(text: string): number {
  let graphemes = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    // Punctuation is no character read alone: "禁。" is one.
    if (!isBlank(segment) && !PUNCTUATION_ONLY.test(segment) && ++graphemes >= MIN_LAST_LINE_GRAPHEMES) break;
  }
  return graphemes;
}

/** Index of the first of the runs (in order, end to end) that ends after `index`. */
function firstRunEndingAfter(runs: TextRun[], index: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `size` is in points of the type scale; each font sets it times its own size factor. */
function shapePiece(shapingText: string, start: number, end: number, run: TextRun, size: Points): ShapedPiece {
  return measured(shapeText(shapingText.slice(start, end), run.font, run.level % 2 === 1), run.font, run.level, start, end, size);
}

function hyphenPiece(content: ShapedPiece[], size: Points): ShapedPiece {
  const last = content[content.length - 1];
  return measured(shapeText(HYPHEN, last.font, false), last.font, last.level, last.end, last.end, size);
}

/** A piece of shaped text and its width at `size`: glyphs stay in font units until placed. */
function measured(shaped: ShapedPiece['shaped'], font: TextRun['font'], level: number, start: number, end: number, size: Points): ShapedPiece {
  const scale = (size * font.sizeFactor) / font.unitsPerEm;
  return { start, end, level, font, shaped, scale, width: shaped.advance * scale };
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
  let copied = '';
  // Spaces count only between visible words, as the line breaker counted them.
  const firstShown = words.findIndex((w) => !w.blank);
  let lastShown = words.length - 1;
  while (lastShown >= 0 && words[lastShown].blank) lastShown--;
  const drawable: ShapedPiece[] = [];
  const draw = (pieces: ShapedPiece[]) => {
    for (const piece of pieces) if (piece.shaped.glyphs.length > 0) drawable.push(piece);
  };
  words.forEach((word, i) => {
    draw(word.content);
    copied += text.slice(word.start, word.contentEnd);
    if (word === last && word.hyphen && word.content.length) draw([hyphenPiece(word.content, style.size)]);
    if (firstShown >= 0 && i >= firstShown && i < lastShown) {
      draw(word.spaces);
      copied += text.slice(word.contentEnd, word.end);
    }
  });
  const visual = visualOrder(drawable);
  const lineWidth = sum(visual);
  const slack = Math.max(0, width - lineWidth);
  let x = style.align === 'center' ? slack / 2 : language.direction === 'rtl' ? slack : 0;
  // Each piece's x is found in visual order and given to its run in logical order.
  const xOf = new Map<ShapedPiece, Points>();
  for (const piece of visual) {
    xOf.set(piece, x);
    x += piece.width;
  }
  const runs: PlacedRun[] = drawable.map((piece) => ({
    font: piece.font, size: style.size * piece.font.sizeFactor, x: xOf.get(piece)!, glyphs: piece.spaced ?? scaledGlyphs(piece.shaped, piece.scale), rtl: piece.level % 2 === 1,
  }));
  const logical = stripBidiControls(copied).replace(/\u2028/g, '') + (last.hyphen ? HYPHEN : '');
  // Each glyph's code reads as its share of the text (glyph-text.ts), so no /ActualText: poppler
  // reverses an ActualText drawn right to left, and MuPDF repeats it across text positions.
  return { runs, width: lineWidth, text: logical };
}
