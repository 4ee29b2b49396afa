import { runReader } from './reader';

/** A box on the page, in top-down points. */
export interface Box { x: number; y: number; w: number; h: number }
export interface PdfDrawingPage {
  /** The page's XObjects (images, forms) as its resources list them. */
  xobjects: { name: string; subtype: string; width: number; height: number }[];
  /** Every image drawn, with its pixel size and its box on the page. */
  images: (Box & { width: number; height: number })[];
  /** Every filled path, with its colour (0–255 per component) and its box. */
  fills: (Box & { colour: number[] })[];
  /** Every stroked path (rules, keylines, pictograms), with its colour and its box. */
  strokes: (Box & { colour: number[] })[];
  /** Every run of text drawn, with its colour (0–255 per component) and its size on the page. */
  texts: { text: string; size: number; colour: number[] }[];
}

/** What a PDF draws, as MuPDF runs it (test/support/read-drawing.mjs). */
export function readDrawing(pdf: Buffer | string): { pages: PdfDrawingPage[] } {
  return runReader('read-drawing.mjs', pdf);
}
