import { runReader } from './reader';

export interface PdfLine { text: string; x: number; y: number; w: number; h: number; font: string; size: number }
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  fonts: { name: string; embedded: boolean }[];
  glyphIds: number[];
  text: string;
}

/** Opens a PDF with a real reader (MuPDF) and returns its pages. */
export function readPdf(pdf: Buffer | string): { pages: PdfPage[] } {
  return runReader('read-pdf.mjs', pdf);
}
