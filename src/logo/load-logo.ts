import * as path from 'node:path';
import type PDFDocumentType from 'pdfkit';
import { PamphletError } from '../core/errors';
import { readInputBytes, readInputText } from '../core/read-input';
import { LogoImage } from './logo-image';

const KiB = 1024;

/** A logo's file, by kind: an SVG is text, so 256 KiB holds a detailed emblem; a PNG of 4000 × 4000 px compresses well under 2 MiB for a logo's flat colours. */
export const LOGO_LIMITS = { svgBytes: 256 * KiB, pngBytes: 2 * 1024 * KiB };

/** A file name beside the edition, or in a folder below it: plain names only, no "..", no absolute path. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

/**
 * Where the logo an edition names is: beside the edition file, or below its
 * folder. The name is untrusted: never absolute, never "..", never a
 * hidden file; a link out of the folder is refused when the file is read.
 */
export function logoPath(editionFile: string, name: string, key: string): string {
  const problem = (message: string): never => {
    throw new PamphletError(`the logo "${name.slice(0, 80)}" ${message}`, { file: editionFile, key }, 'usage');
  };
  if (path.isAbsolute(name) || /^[A-Za-z]:/.test(name)) problem('is an absolute path. Name a file beside the edition, such as "logo.svg".');
  const segments = name.split(/[/\\]/);
  if (segments.includes('..')) problem('leaves the edition\'s folder (".."). Put the logo beside the edition, or in a folder below it.');
  if (name.includes('\\')) problem('has a backslash. Separate folders with "/".');
  if (segments.length > 8 || !segments.every((s) => SEGMENT.test(s))) problem('is not a plain file name: letters, digits, "_", "-" and "." (not first), folders separated by "/".');
  if (!/\.(svg|png)$/i.test(name)) problem('is neither .svg nor .png. Give the logo as SVG (best: it stays vector) or PNG.');
  return path.join(path.dirname(editionFile), ...segments);
}

/** Draws the logo once in a throwaway document, so that anything the drawing library cannot do is refused now, naming the logo, not while a PDF is written. */
function tryDrawing(image: LogoImage): void {
  // PDFKit and the SVG drawing library load only when an edition has a logo.
  const PDFDocument = require('pdfkit') as typeof PDFDocumentType;
  const { drawLogo } = require('../render/logo-writer') as typeof import('../render/logo-writer');
  const doc = new PDFDocument({ size: [200, 200], margin: 0, font: null as never });
  try {
    drawLogo(doc, image, 0, 0, 100 * Math.min(1, image.width / image.height), 100 * Math.min(1, image.height / image.width));
  } catch (error) {
    if (error instanceof PamphletError) throw error;
    throw new PamphletError(`the logo cannot be drawn (${String((error as Error)?.message ?? error).slice(0, 120)}). Export it again.`, { file: image.file }, 'usage');
  }
}

/**
 * Reads and checks the logo an edition names, as the project reads every
 * input (a regular file, size-capped, inside the edition's folder): an SVG
 * held to the SVG policy, a PNG checked to its last byte. Every problem is a
 * usage error in one line naming the file.
 */
export function loadLogo(editionFile: string, name: string, key: string): LogoImage {
  const file = logoPath(editionFile, name, key);
  const within = path.dirname(editionFile);
  const svg = /\.svg$/i.test(name);
  const options = { maxBytes: svg ? LOGO_LIMITS.svgBytes : LOGO_LIMITS.pngBytes, kind: 'usage' as const, within, place: { key } };
  // Each kind's reader (an XML parser, a PNG decoder) loads only when an edition has a logo of that kind.
  const image = svg
    ? (require('./svg-logo') as typeof import('./svg-logo')).readSvgLogo(file, readInputText(file, options))
    : (require('./png-logo') as typeof import('./png-logo')).readPngLogo(file, readInputBytes(file, options));
  tryDrawing(image);
  return image;
}
