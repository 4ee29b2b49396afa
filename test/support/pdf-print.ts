import { runReader } from './reader';

/** A box as the PDF writes it: x0, y0, x1, y1 in bottom-up points. */
export type PdfBox = [number, number, number, number];
export interface PrintPage {
  mediaBox: PdfBox;
  bleedBox: PdfBox | null;
  trimBox: PdfBox | null;
  /** Each colour operator of the page's content, with its operands: `{ op: 'scn', operands: '0 0 0 1' }`. */
  colours: { op: string; operands: string }[];
  /** How many annotations the page has. */
  annotations: number;
}
/** An output intent, with the header of its embedded ICC profile. */
export interface OutputIntentView {
  s: string | null;
  identifier: string | null;
  registry: string | null;
  info: string | null;
  profile: { n: number; bytes: number; size: number; version: number; deviceClass: string; colourSpace: string; pcs: string; signature: string };
}
export interface PrintView {
  pages: PrintPage[];
  /** The document's /ViewerPreferences, names as their text. */
  viewer: Record<string, string>;
  /** Every font's BaseFont, subset tag included (ABCDEF+NotoSans-Regular). */
  fonts: string[];
  /** Whether the file (every stream decompressed) names DeviceRGB, or DeviceGray, anywhere. */
  deviceRgb: boolean;
  deviceGray: boolean;
  /** The file's first bytes: `%PDF-1.6`. */
  header: string;
  outputIntents: OutputIntentView[];
  /** The Info dictionary: strings as their text, names as `/Name`. */
  info: Record<string, string | null>;
  /** The XMP metadata packet. */
  xmp: string;
}

/** What a printer or print shop reads in a PDF, as MuPDF reads it (test/support/read-print.mjs). */
export function readPrint(pdf: Buffer | string): PrintView {
  return runReader('read-print.mjs', pdf);
}
