import { Points } from '../core/units';
import { isInvisible } from '../text/glyph-text';
import { PlacedRun, ShapedGlyph } from '../text/types';
import { isSpaceGlyph as isSpace, NONSPACING_MARK } from './glyph-classes';

/**
 * The seam where a right-to-left line goes on, in logical order, with a
 * left-to-right stretch (a number, a Latin word) after a space: "منذ 28
 * يونيو". The stretches go out in logical order (stream-order.ts), so the
 * stream jumps back from the right end of "منذ" to "28", and the space
 * between them must reach every reader from the stream:
 *
 * - MuPDF (pdf-op-run.c, guess_bidi_level) gives a space the direction of
 *   the character before it in the stream, and reverses each right-to-left
 *   stretch of characters in place (stext-device.c, reverse_bidi_line): the
 *   space after "منذ" would be reversed to its front ("␣منذ28"). BT sets its
 *   direction back to left to right (pdf_run_BT), so the space goes out in a
 *   text object of its own, ending where the number starts.
 * - pdf.js (evaluator.js, compareWithLastPosition) skips a space glyph and
 *   makes a space only of a step forward from where the last glyph ended (a
 *   step back starts a new text item, with no space). So the last glyph
 *   before the seam is written with a code that ends at `penAt`, one
 *   space short of the number, and the number comes a space forward of
 *   it. Char spacing (Tc) of the difference on that one glyph puts the pen
 *   back where the ink ends for poppler, whose /ActualText span ends where
 *   that glyph's advance does (TextOutputDev.cc, ActualText::addChar);
 *   pdf.js takes its pen before char spacing, MuPDF ignores it.
 */
export interface LtrSeam {
  /**
   * The glyphs at the seam, taken out of the right-to-left stretch: the
   * spaces and the punctuation between its last letter and the
   * left-to-right stretch ("اللاجئين (IRPA"), in logical order, each with
   * its run and where it is written from the line's left edge: punctuation
   * where its ink is, a space (no ink) where it ends at the next one.
   */
  glyphs: { glyph: ShapedGlyph; run: PlacedRun; x: Points; penAt?: Points }[];
  /** The last glyph written before the seam, and where pdf.js is to find the pen after it, from the line's left edge. */
  last: ShapedGlyph;
  penAt: Points;
}

interface Placed {
  glyph: ShapedGlyph;
  run: PlacedRun;
  /** Where the glyph's advance starts, from the line's left edge. */
  pen: Points;
}

/** Neither a letter nor a digit: what a reader gives the direction of the text around it. */
const isNeutral = (glyph: ShapedGlyph) => /^[\s\p{P}\p{S}]+$/u.test(glyph.text);

/** A stretch's glyphs in the order they are written, left to right, each where its advance starts. */
function placed(stretch: PlacedRun[]): Placed[] {
  return stretch.flatMap((run) => {
    let pen = run.x;
    return run.glyphs.map((glyph) => {
      const at = { glyph, run, pen };
      pen += glyph.xAdvance;
      return at;
    });
  });
}

/** Written as a code with text of its own (glyph-run-writer.ts writes the others as paths, or not at all). */
const writtenAsText = (glyph: ShapedGlyph, dropped: ReadonlySet<ShapedGlyph>) => glyph.text !== '' && !isInvisible(glyph) && !dropped.has(glyph) && !(glyph.yOffset !== 0 && glyph.xAdvance !== 0);

/**
 * The seam between `before`, a right-to-left stretch, and `after`, the
 * left-to-right stretch that follows it in logical order (to its left):
 * 'none' if no space lies between them; undefined if one does but the
 * seam cannot be bridged (a glyph there off the baseline or without text of
 * its own, or no plain letter before it to carry the pen: on the baseline,
 * advancing, the last written as text), and the caller then keeps the line
 * in stretches of one font (stream-order.ts).
 */
export function ltrSeam(before: PlacedRun[], after: PlacedRun[], dropped: ReadonlySet<ShapedGlyph>): LtrSeam | 'none' | undefined {
  const left = placed(before);
  let n = 0;
  while (n < left.length && !dropped.has(left[n].glyph) && (isNeutral(left[n].glyph) || isInvisible(left[n].glyph))) n++;
  const seam = left.slice(0, n).filter((g) => !isInvisible(g.glyph));
  if (!seam.some((g) => isSpace(g.glyph))) return 'none';
  const first = placed(after).find((g) => writtenAsText(g.glyph, dropped));
  const last = lastWritten(left.slice(n), dropped);
  if (!first || !last || seam.some((g) => g.glyph.yOffset !== 0 || g.glyph.xAdvance <= 0)) return undefined;
  // Written in logical order, right to left: each space ends where the glyph written after it (to its left) starts,
  // the last one where the left-to-right stretch does.
  const glyphs: LtrSeam['glyphs'] = [];
  let next = first.pen + first.glyph.xOffset;
  for (const g of seam) {
    const x = isSpace(g.glyph) ? next - g.glyph.xAdvance : g.pen + g.glyph.xOffset;
    // A bracket followed by what lies to its left: its pen goes back there, as before punctuation (below).
    glyphs.unshift({ glyph: g.glyph, run: g.run, x, ...(!isSpace(g.glyph) && next < x ? { penAt: next } : {}) });
    next = x;
  }
  // pdf.js is to find the pen a space short of the first glyph with ink after the seam: a step forward reads as a space.
  const ink = glyphs.find((g) => !isSpace(g.glyph))?.x ?? first.pen + first.glyph.xOffset;
  const gap = seam.filter((g) => isSpace(g.glyph)).reduce((w, g) => w + g.glyph.xAdvance, 0);
  return { glyphs, last: last.glyph, penAt: ink - gap };
}

/**
 * The glyph written last as text of `glyphs` (in stream order), if it can
 * carry a pen pulled back: on the baseline, advancing, and read by pdf.js
 * as a glyph that moves the pen.
 */
function lastWritten(glyphs: Placed[], dropped: ReadonlySet<ShapedGlyph>): Placed | undefined {
  const written = glyphs.filter((g) => writtenAsText(g.glyph, dropped));
  const last = written[written.length - 1];
  return last && last.glyph.yOffset === 0 && last.glyph.xAdvance > 0 && !startsWithMark(last.glyph.text, last.run.rtl) ? last : undefined;
}

/**
 * Where MuPDF would break the line: `before`, a left-to-right stretch, is
 * followed in the stream by `after`, which starts to its left with
 * punctuation ("118" then "."; "IRPA" then ")"): MuPDF gives the punctuation
 * the direction of the digit or letter before it, and going back more than
 * 0.8 em within left-to-right text it starts a new line
 * (stext-device.c, fz_add_stext_char_imp). The last glyph of `before` is
 * then written with a code that ends where `after` starts, the rest of its
 * advance in char spacing (as at a seam), so that MuPDF's pen, and pdf.js's,
 * are where the punctuation starts: no new line, and no space. Undefined
 * where no such break would come.
 */
export function pullBackBeforePunctuation(before: PlacedRun[], after: PlacedRun[], afterBackwards: boolean, dropped: ReadonlySet<ShapedGlyph>): { last: ShapedGlyph; penAt: Points } | undefined {
  if (before.some((r) => r.rtl)) return undefined;
  const next = placed(after).filter((g) => writtenAsText(g.glyph, dropped));
  const first = afterBackwards ? next[next.length - 1] : next[0];
  const last = lastWritten(placed(before), dropped);
  if (!first || !last || !isNeutral(first.glyph) || isSpace(first.glyph)) return undefined;
  const start = first.pen + first.glyph.xOffset;
  if (start >= last.pen + last.glyph.xOffset) return undefined;
  return { last: last.glyph, penAt: start };
}

/**
 * pdf.js takes a code whose text holds a mark for a mark of no width and
 * keeps no pen after it; glyph-run-writer.ts moves a letter's marks to a
 * blank code of their own unless the text starts with one (in reading
 * order: a right-to-left glyph's text is stored backwards).
 */
function startsWithMark(text: string, rtl: boolean): boolean {
  const chars = Array.from(text);
  if (rtl) chars.reverse();
  return chars.length === 0 || NONSPACING_MARK.test(chars[0]);
}
