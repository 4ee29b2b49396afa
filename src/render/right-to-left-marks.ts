import { PlacedRun } from '../text/types';

/** U+200F RIGHT-TO-LEFT MARK: invisible, of strong right-to-left class. */
export const RLM = '\u200f';

/**
 * Whether the span of a left-to-right stretch in a right-to-left line is to
 * start with an RLM, for poppler: where the line goes on after it in logical
 * order ("منذ 28 يونيو"). pdftotext (TextOutputDev.cc, reorderText) reads
 * such a line from its right end in sections: a left-to-right section runs
 * left while the character is not of class R, so it takes the number *and
 * every space and punctuation mark to its left* (logically after it) and
 * gives them in visual order: "منذ ‪ 28‬يونيو", the number glued to the next
 * word. poppler spreads a span's /ActualText over the span's box in order
 * (TextPage::addChar), so an RLM at the start of the text lies at the
 * stretch's left end and closes the section there. Only the span gets it:
 * pdf.js ignores /ActualText and reads the codes, and MuPDF matches the
 * span's text to its codes' and gives back the codes' own.
 *
 * A punctuation mark that poppler counts as a number ("،", ",", ":") right
 * after the stretch still comes out before the space that follows it ("2002
 * ،يُجرِّمه"): a mark for it inside the next stretch's span would make MuPDF
 * give that glyph's text twice (stext-device.c,
 * do_extract_within_actualtext), and it costs no word.
 */
export const startsWithRlm = (stretch: PlacedRun[], next: PlacedRun[] | undefined): boolean => next !== undefined && !stretch.some((run) => run.rtl) && next.every((run) => run.rtl);
