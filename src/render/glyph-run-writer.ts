import PDFDocument from 'pdfkit';
import { Points } from '../core/units';
import { TypesetLine, PlacedRun, ShapedGlyph } from '../text/types';
import { Ink } from '../layout/draw-items';
import { isInvisible } from '../text/glyph-text';
import { codeOperand, EmbeddedFont } from './glyph-codes';
import { glyphOutline } from './glyph-outline';
import { LoadedFont } from '../fonts/font-registry';
import { advanceWidth } from '../fonts/glyph-advance';
import { perFont } from '../fonts/per-font';
import { useFont } from './embed-font';
import { streamOrder, StreamOrder } from './stream-order';
import { LtrSeam } from './ltr-seam';
import { actualTextSpan, markSpans, NO_SPANS } from './mark-spans';
import { ContentOut, directOut, StretchSpan } from './stretch-span';
import { baselineOperand } from './baseline-y';
import { decimals } from './pdf-number';
import { NONSPACING_MARK } from './glyph-classes';
import { RLM, startsWithRlm } from './right-to-left-marks';

/**
 * PDFKit lays out text itself and has no call that draws glyphs we have
 * already shaped and positioned. This writes them as PDF text operators
 * through PDFKit's embedded-font object, which still subsets the font and
 * writes the ToUnicode map; the codes glyphs are written with come from
 * glyph-codes.ts, so that each reads as the text it stands for.
 */
type Doc = InstanceType<typeof PDFDocument> & {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): Doc;
};

const fmt = (n: number) => decimals(n, 3);

/** The glyph fontkit gives a code point (the space's, for marks' blank codes), looked up once per font. */
const spaceGlyph = perFont((font, codePoint: number) => font.face.glyphForCodePoint(codePoint).id);

/** The font useFont selected, made a resource of the page it is drawn on. */
function pageFont(doc: Doc): EmbeddedFont {
  const font = doc._font;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  return font;
}

/** Draws a typeset line with its left edge at x and its baseline at `baseline` (top-down page coordinates). */
export function drawLine(pdf: InstanceType<typeof PDFDocument>, line: TypesetLine, x: Points, baseline: Points, colour: Ink): void {
  const doc = pdf as Doc;
  doc.save();
  doc.fillColor(colour);
  // PDFKit flips pages to top-down; flip back to PDF space for text, as PDFKit does.
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const y = doc.page.height - baseline;
  // Written a hair higher, so that poppler keeps the lines of a paragraph together (baseline-y.ts).
  const written = baselineOperand(doc.page.height, baseline);
  const outlined: OutlinedGlyph[] = [];
  doc.addContent('BT');
  // Runs go out left to right, in stretches of one font in logical order (stream-order.ts).
  const order = streamOrder(line);
  const direct = directOut((op) => doc.addContent(op));
  if (order.stretches.length === 0) {
    for (const run of order.runs) {
      useFont(doc, run.font);
      writeRun(doc, run, x + run.x, y, written, outlined, order, direct);
    }
  }
  // A right-to-left line: each stretch in a span of its own text (stretch-span.ts).
  order.stretches.forEach((stretch, i) => {
    const seam = order.seams.get(stretch);
    if (seam) writeSeam(doc, seam, x, written);
    // Punctuation alone has no marks to hold together for poppler, and MuPDF matches a span's text in stream order.
    const backwards = stretch.every((run) => order.backwards.has(run));
    const span = backwards ? undefined : new StretchSpan(startsWithRlm(stretch, order.stretches[i + 1]) ? RLM : '');
    for (const run of stretch) {
      useFont(doc, run.font);
      writeRun(doc, run, x + run.x, y, written, outlined, order, span ?? direct);
    }
    for (const op of span?.content() ?? []) doc.addContent(op);
  });
  doc.addContent('ET');
  // Paths cannot be drawn inside a text object.
  for (const glyph of outlined) doc.addContent(glyphOutline(glyph.font, glyph.id, glyph.size, glyph.x, glyph.y));
  doc.restore();
}

/**
 * The spaces and punctuation before a left-to-right stretch that follows
 * right-to-left text (ltr-seam.ts), in a text object of their own, so that
 * MuPDF reads them left to right, in logical order.
 */
function writeSeam(doc: Doc, seam: LtrSeam, x: Points, writtenY: string): void {
  doc.addContent('ET');
  doc.addContent('BT');
  for (const { glyph, run, x: at, penAt } of seam.glyphs) {
    useFont(doc, run.font);
    const font = pageFont(doc);
    // As wide as it advances, MuPDF going on from there; or ending where the pen is to go back to, char spacing making
    // up the rest, in a span of its own text so that poppler's box for it is its advance (ActualText::addChar).
    const advance = (glyph.xAdvance * 1000) / run.size;
    const width = penAt === undefined ? advance : ((penAt - at) * 1000) / run.size;
    const showOp = `/${font.id} ${fmt(run.size)} Tf 1 0 0 1 ${fmt(x + at)} ${writtenY} Tm [${codeOperand(font, glyph.id, glyph.text, width)}] TJ`;
    if (penAt === undefined) doc.addContent(showOp);
    else for (const op of [actualTextSpan(glyph.text), `${fmt(((advance - width) * run.size) / 1000)} Tc`, showOp, '0 Tc', 'EMC']) doc.addContent(op);
  }
}

/** A glyph drawn as a path, where it is. */
interface OutlinedGlyph {
  font: LoadedFont;
  id: number;
  size: Points;
  x: Points;
  y: Points;
}

/**
 * Glyphs go out as TJ arrays in visual order, left to right, in both
 * directions: readers (pdf.js, poppler, MuPDF) take text drawn right to left
 * as visual and put it back in logical order themselves, and each glyph's
 * code reads as its share of the text (glyph-text.ts, glyph-codes.ts). A
 * glyph that stands for no text (an Arabic letter's dots) is drawn as a
 * path, into `outlined`: as text, every reader would give it some character
 * (pdf.js its code, MuPDF U+FFFD), and marking it as such (an empty
 * /ActualText) would cut pdf.js's right-to-left run in pieces.
 */
function writeRun(doc: Doc, run: PlacedRun, x: Points, y: Points, writtenY: string, outlined: OutlinedGlyph[], order: StreamOrder, out: ContentOut): void {
  const font = pageFont(doc);
  const toText = 1000 / run.size;
  const unitsToText = 1000 / run.font.unitsPerEm;
  out.add(fontSelection(font, run.size) + fmt(x) + ` ${writtenY} Tm`);
  // One text position for the whole run: offsets are TJ adjustments and text rise, never a new Tm,
  // which pdf.js would take for the start of another text item (and reorder on its own).
  const items: string[] = [];
  let written = x;
  let rise = 0;
  // A letter's marks go on an empty glyph (the space's) of no width, after it in reading order.
  const blankId = spaceGlyph(run.font, 0x20);
  const { glyphs } = run;
  const texts = readAsText(glyphs);
  const skipped = notWritten(glyphs, order);
  // No mark spans inside a stretch's own span (poppler keeps one /ActualText at a time).
  const spans = run.rtl || order.stretches.length > 0 ? NO_SPANS : markSpans(glyphs, texts, skipped);
  // Where each glyph's advance starts; a run of punctuation alone goes out right to left (stream-order.ts).
  const starts = penStarts(glyphs, x);
  const backwards = order.backwards.has(run);
  for (let k = 0; k < glyphs.length; k++) {
    const i = backwards ? glyphs.length - 1 - k : k;
    const glyph = glyphs[i];
    const at = starts[i];
    if (skipped[i]) continue;
    const text = order.spaceAfter.has(glyph) ? `${texts[i]} ` : texts[i];
    if (text === '') {
      outlined.push({ font: run.font, id: glyph.id, size: run.size, x: at + glyph.xOffset, y: y + glyph.yOffset });
      continue;
    }
    if (Math.abs(glyph.yOffset - rise) > 0.001) {
      show(items, out);
      rise = glyph.yOffset;
      out.add(`${fmt(rise)} Ts`);
    }
    const target = at + glyph.xOffset;
    if (Math.abs(target - written) > 0.001) items.push(fmt((written - target) * toText));
    // A mark set with no advance gets a code as wide as from where it sits back to the pen (0 if it sits ahead), so
    // that the text goes on where the mark was set: pdf.js reads a jump forward as a space, a jump back as a new item.
    // pdf.js starts a new text item at a span's end, and reads any step forward from there as a space:
    // a span's last mark ends at or after the pen, never short of it.
    const round = spans.ends.has(glyph) ? Math.ceil : Math.round;
    const advance = glyph.xAdvance === 0 ? round(Math.max(0, at - target) * toText) : advanceWidth(run.font, glyph.id) * unitsToText + (order.widened.get(glyph) ?? 0) * toText;
    // The glyph before a seam: its code ends where pdf.js is to find the pen, char spacing makes up the rest (ltr-seam.ts).
    const penAt = order.pulledBack.get(glyph);
    const width = penAt === undefined ? advance : (x - run.x + penAt - target) * toText;
    const split = glyph.xAdvance === 0 || blankId === 0 ? undefined : splitMarks(text, run.rtl);
    const letters = split?.letters ?? text;
    const marks = split?.marks ?? '';
    // A letter and its marks as one /ActualText (mark-spans.ts).
    const span = spans.letters.get(glyph);
    if (span !== undefined) {
      show(items, out);
      out.add(actualTextSpan(span));
    }
    if (marks !== '' && run.rtl) items.push(code(out, font, blankId, marks, 0));
    // Char spacing on the letter's code alone: on its marks' blank code it would move ink.
    if (penAt !== undefined) {
      show(items, out);
      out.add(`${fmt((advance - width) / toText)} Tc`);
    }
    items.push(code(out, font, glyph.id, letters, width));
    if (penAt !== undefined) {
      show(items, out);
      out.add('0 Tc');
    }
    if (marks !== '' && !run.rtl) items.push(code(out, font, blankId, marks, 0));
    if (spans.ends.has(glyph)) {
      show(items, out);
      out.add('EMC');
    }
    written = target + advance / toText;
  }
  show(items, out);
  if (rise !== 0) out.add('0 Ts');
}

/** Per embedded font and size, the start of a run's operators: `/F1 9.5 Tf 1 0 0 1 ` (the run's x and baseline follow). */
const fontSelection = perFont((font: EmbeddedFont, size: Points) => `/${font.id} ${fmt(size)} Tf 1 0 0 1 `);

/** The glyphs shown so far as one TJ operator, if any; `items` is emptied for the next. */
function show(items: string[], out: ContentOut): void {
  if (items.length) out.add(`[${items.join(' ')}] TJ`);
  items.length = 0;
}

/** A glyph's code, whose text goes to `out` as it is written (a stretch's span: stretch-span.ts). */
function code(out: ContentOut, font: EmbeddedFont, id: number, text: string, width: number): string {
  out.read(text);
  return codeOperand(font, id, text, width);
}

/** Per glyph, whether it is not written at all: invisible (a zero-width joiner) or left out by the stream order. */
function notWritten(glyphs: readonly ShapedGlyph[], order: StreamOrder): boolean[] {
  const skipped: boolean[] = new Array(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) skipped[i] = isInvisible(glyphs[i]) || order.dropped.has(glyphs[i]);
  return skipped;
}

/** Where each glyph's advance starts, the first at x. */
function penStarts(glyphs: readonly ShapedGlyph[], x: Points): Points[] {
  const starts: Points[] = new Array(glyphs.length);
  let pen = x;
  for (let i = 0; i < glyphs.length; i++) {
    starts[i] = pen;
    pen += glyphs[i].xAdvance;
  }
  return starts;
}

/**
 * The text each glyph is written with. A letter raised or lowered off the
 * baseline (Arabic cursive joining sets some so) would look to pdf.js like
 * the start of another line, and the run would be cut and reordered in
 * pieces: it is drawn as a path, and its text goes with its neighbour's in
 * writing order, so that the run reads the same.
 */
function readAsText(glyphs: readonly ShapedGlyph[]): string[] {
  const texts = glyphs.map((g) => g.text);
  // Most runs have no such letter: each glyph keeps its own text.
  if (!glyphs.some((g) => g.yOffset !== 0 && g.xAdvance !== 0 && g.text !== '')) return texts;
  const onBaseline = (i: number) => glyphs[i].yOffset === 0 && texts[i] !== '' && !isInvisible(glyphs[i]);
  glyphs.forEach((glyph, i) => {
    if (glyph.yOffset === 0 || glyph.xAdvance === 0 || texts[i] === '') return;
    for (let j = i - 1; j >= 0; j--) {
      if (onBaseline(j)) { texts[j] += texts[i]; texts[i] = ''; return; }
    }
    for (let j = i + 1; j < glyphs.length; j++) {
      if (onBaseline(j)) { texts[j] = texts[i] + texts[j]; texts[i] = ''; return; }
    }
  });
  return texts;
}

/**
 * A glyph that advances, and whose text holds a nonspacing mark ("रु",
 * "स्", an Arabic letter with its vowel sign), is taken by pdf.js for a
 * mark of no width (its test for one matches a mark anywhere in the text):
 * it does not advance after it, then reads the next glyph as a space away,
 * or a line's first glyph as the end of the line before. The text is split:
 * the letters before the first mark in reading order stay on the glyph, the
 * rest goes on a blank code of no width (undefined: nothing to split).
 * `rtl`: the text is stored reversed.
 */
function splitMarks(text: string, rtl: boolean): { letters: string; marks: string } | undefined {
  // Most glyphs' text holds no mark: no need to take it apart.
  if (!NONSPACING_MARK.test(text)) return undefined;
  const chars = Array.from(text);
  if (rtl) chars.reverse();
  const first = chars.findIndex((c) => NONSPACING_MARK.test(c));
  if (first <= 0) return undefined;
  const [letters, marks] = [chars.slice(0, first), chars.slice(first)];
  return rtl ? { letters: letters.reverse().join(''), marks: marks.reverse().join('') } : { letters: letters.join(''), marks: marks.join('') };
}
