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
  letters: Map<ShapedGlyph, string>;
  /** The last mark of each span: the span ends after it. */
  ends: Set<ShapedGlyph>;
}

/** `glyphs` with the text each is written with, in a left-to-right run; `skip` glyphs are not written as text. */
export function markSpans(glyphs: readonly { glyph: ShapedGlyph; text: string }[], skip: (glyph: ShapedGlyph) => boolean): MarkSpans {
  const spans: MarkSpans = { letters: new Map(), ends: new Set() };
  // Most runs have no glyph set with no advance, and so no span.
  if (!glyphs.some((g) => g.glyph.xAdvance === 0)) return spans;
  const isMark = (i: number) => glyphs[i].glyph.xAdvance === 0 && glyphs[i].text !== '' && !skip(glyphs[i].glyph);
  for (let i = 0; i < glyphs.length; i++) {
    const { glyph, text } = glyphs[i];
    if (isMark(i) || text === '' || skip(glyph)) continue;
    let j = i + 1;
    while (j < glyphs.length && isMark(j)) j++;
    if (j === i + 1) continue;
    spans.letters.set(glyph, glyphs.slice(i, j).map((g) => g.text).join(''));
    spans.ends.add(glyphs[j - 1].glyph);
  }
  return spans;
}

/** A marked-content span whose /ActualText is `text` (UTF-16BE, as a PDF text string must be). */
export function actualTextSpan(text: string): string {
  const units = Array.from(text, (c) => c.codePointAt(0)!).flatMap((u) => (u > 0xffff ? [0xd800 + ((u - 0x10000) >> 10), 0xdc00 + ((u - 0x10000) & 0x3ff)] : [u]));
  return `/Span <</ActualText <FEFF${units.map((u) => u.toString(16).padStart(4, '0').toUpperCase()).join('')}>>> BDC`;
}
