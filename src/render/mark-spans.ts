import { ShapedGlyph } from '../text/types';

/**
 * Marks set with no advance (Thai vowel and tone marks, Devanagari signs)
 * sit a little ahead of the pen, or stacked on one another. poppler
 * (pdftotext) takes a character drawn where the one before it started for
 * a fake-bold duplicate and ends the word there, and sorts a character
 * ahead of the pen after the next letter: "อยูใ่ น" for "อยู่ใน". The ink must
 * stay where HarfBuzz put it, so the text is given twice, for two kinds of
 * reader: each glyph's code still reads as its own text (pdf.js, which
 * ignores /ActualText), while a marked-content span gives poppler and
 * MuPDF, which honour /ActualText, the letter and its marks as one text
 * over the span of their glyphs.
 */
export interface MarkSpans {
  /** Letters followed by marks: the text of the letter's span, its own and its marks'. */
  letters: ReadonlyMap<ShapedGlyph, string>;
  /** The last mark of each span: the span ends after it. */
  ends: ReadonlySet<ShapedGlyph>;
}

/** No spans: what a run with no glyph set with no advance has (shared, never changed). */
export const NO_SPANS: MarkSpans = { letters: new Map(), ends: new Set() };

/** A left-to-right run's `glyphs` and the text each is written with (`texts`); glyphs `skipped` (by index) are not written as text. */
export function markSpans(glyphs: readonly ShapedGlyph[], texts: readonly string[], skipped: readonly boolean[]): MarkSpans {
  // Most runs have no glyph set with no advance, and so no span.
  if (!glyphs.some((g) => g.xAdvance === 0)) return NO_SPANS;
  const letters = new Map<ShapedGlyph, string>();
  const ends = new Set<ShapedGlyph>();
  const isMark = (i: number) => glyphs[i].xAdvance === 0 && texts[i] !== '' && !skipped[i];
  for (let i = 0; i < glyphs.length; i++) {
    if (isMark(i) || texts[i] === '' || skipped[i]) continue;
    let j = i + 1;
    while (j < glyphs.length && isMark(j)) j++;
    if (j === i + 1) continue;
    letters.set(glyphs[i], texts.slice(i, j).join(''));
    ends.add(glyphs[j - 1]);
  }
  return { letters, ends };
}

/** A marked-content span whose /ActualText is `text` (UTF-16BE, as a PDF text string must be). */
export function actualTextSpan(text: string): string {
  const units = Array.from(text, (c) => c.codePointAt(0)!).flatMap((u) => (u > 0xffff ? [0xd800 + ((u - 0x10000) >> 10), 0xdc00 + ((u - 0x10000) & 0x3ff)] : [u]));
  return `/Span <</ActualText <FEFF${units.map((u) => u.toString(16).padStart(4, '0').toUpperCase()).join('')}>>> BDC`;
}
