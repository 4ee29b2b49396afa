import PDFDocument from 'pdfkit';
import type SVGtoPDFType from 'svg-to-pdfkit';
import { PamphletError } from '../core/errors';
import { Points } from '../core/units';
import { LogoImage } from '../logo/logo-image';
import { hexToCmyk } from '../print/cmyk';

type Doc = InstanceType<typeof PDFDocument>;
/** A PNG opened in one document: drawn on every card of a sheet, embedded once. */
export type OpenedImages = Map<LogoImage, unknown>;

/** svg-to-pdfkit would otherwise fetch what a logo names (a font, an image, another file) or print a warning and go on: each is refused. */
function refusing(image: LogoImage) {
  const stop = (what: string): never => {
    throw new PamphletError(`the logo cannot be drawn as it is: ${what}. Simplify it in your drawing program.`, { file: image.file }, 'usage');
  };
  return {
    warningCallback: (warning: string) => stop(`the SVG drawing library says "${warning.slice(0, 160)}"`),
    imageCallback: (link: string): string => stop(`it asks for the image ${String(link).slice(0, 60)}`),
    fontCallback: (family: string): string => stop(`it asks for the font ${String(family).slice(0, 60)}`),
    documentCallback: (file: string): string => stop(`it asks for the file ${String(file).slice(0, 60)}`),
  };
}

/** svg-to-pdfkit's colour, [[r, g, b], opacity] with 0–255, as CMYK (PDFKit takes four components as DeviceCMYK); an unparsed colour stays as it is. */
function toCmyk(colour: [number[], number] | undefined): [number[], number] | undefined {
  if (!colour || colour[0].length !== 3) return colour;
  const hex = `#${colour[0].map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('')}`;
  return [hexToCmyk(hex), colour[1]];
}

/**
 * Draws a logo into the box x, y, width, height (top-down points): an SVG as
 * vector paths with svg-to-pdfkit, fitted into the box by its viewBox and
 * clipped to it; a PNG as one image, embedded once per document.
 */
export function drawLogo(doc: Doc, image: LogoImage, x: Points, y: Points, width: Points, height: Points, opened: OpenedImages = new Map(), cmyk = false): void {
  if (image.kind === 'svg') {
    doc.save();
    doc.rect(x, y, width, height).clip();
    // The tree is svg-to-pdfkit's own kind of node (src/logo/svg-tree.ts), built from the checked DOM.
    // Loaded only when a logo is drawn: most pieces have none.
    const SVGtoPDF = require('svg-to-pdfkit') as typeof SVGtoPDFType;
    SVGtoPDF(doc as never, image.tree as never, x, y, { width, height, preserveAspectRatio: 'xMidYMid meet', ...refusing(image), ...(cmyk ? { colorCallback: toCmyk as never } : {}) });
    doc.restore();
    return;
  }
  // The build refuses a PNG logo for a print shop before this (print/inks.ts); this guards any other caller.
  if (cmyk) throw new PamphletError('a PNG logo is RGB and cannot be printed in CMYK for a print shop: give the logo as an SVG.', { file: image.file }, 'usage');
  let png = opened.get(image);
  if (!png) {
    png = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(image.bytes);
    opened.set(image, png);
  }
  doc.image(png as Buffer, x, y, { width, height });
}
