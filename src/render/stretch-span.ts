import { actualTextSpan } from './mark-spans';

/**
 * Where a run's text operators go, and the text of each glyph code as it is
 * written.
 */
export interface ContentOut {
  add(op: string): void;
  read(text: string): void;
}

/** Operators straight into the page's content stream. */
export const directOut = (addContent: (op: string) => void): ContentOut => ({ add: addContent, read: () => undefined });

/**
 * One stretch of a right-to-left line (stream-order.ts), held back and then
 * written inside one /ActualText span whose text is its codes' texts in
 * stream order: the same characters in the same order, so MuPDF, which
 * matches an /ActualText against its glyphs' text and keeps what matches
 * (stext-device.c, do_extract_within_actualtext), reads what it read
 * without the span, and pdf.js ignores /ActualText. poppler (pdftotext)
 * takes the span's text as one piece where its first glyph is
 * (TextOutputDev.cc, ActualText::end feeding TextPage::addChar), where it
 * made a word of every glyph on its own: it ends a word at a glyph set off
 * the baseline (an Arabic mark drawn with its text rise, "ونهار" and "ً"
 * on a line of their own) and at a glyph drawn where the one before it
 * started (a mark's blank code before its letter), then strings the pieces
 * in the wrong order. The text is visual, as the codes are, and poppler
 * reverses it as it reverses glyphs drawn left to right (reorderText). A
 * span must hold the whole stretch: pdf.js ends a text item at a span's
 * start and end, and a stretch is one item to it.
 */
export class StretchSpan implements ContentOut {
  private readonly ops: string[] = [];
  private readonly texts: string[];

  /** `prefix`: text of the span before its codes' (a right-to-left mark: right-to-left-marks.ts). */
  constructor(prefix = '') {
    this.texts = [prefix];
  }

  add(op: string): void {
    this.ops.push(op);
  }

  read(text: string): void {
    this.texts.push(text);
  }

  /** The stretch's operators, in a span of their text if they show any. */
  content(): string[] {
    const text = this.texts.join('');
    return text === this.texts[0] ? this.ops : [actualTextSpan(text), ...this.ops, 'EMC'];
  }
}
