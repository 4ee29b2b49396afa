import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPiece, defaultTarget, prepareLanguage } from '../../src/build/build-pamphlet';
import { loadEdition, withEdition } from '../../src/edition/edition';
import { PaperName } from '../../src/imposition/paper';
import { loadTranslation } from '../../src/languages/load-translations';
import { PrintTarget } from '../../src/print/print-target';
import { content, ROOT } from './build';
import { PdfPage } from './pdf';
import { PdfDrawingPage } from './pdf-drawing';
import { PrintView } from './pdf-print';
import { runReader } from './reader';
import { PdfAccessibility } from './structure';
import { CACHE_VARIABLE } from './shared-cache';

/**
 * The PDFs many test files read, built from the shipped content once per jest
 * run and shared between them (and their MuPDF read-backs with them): a file
 * in the run's cache folder, which test/support/global-setup.ts makes empty
 * at the start of every run, so a PDF is never one built from older sources.
 * A test that builds on input of its own (a bad translation, an edition made
 * for it, a second build to compare) still builds its own.
 */
export interface SharedPiece {
  format: 'trifold' | 'poster' | 'wallet-card';
  /** One language, or two joined by + (th+en) for a bilingual piece. */
  language: string;
  paper: PaperName;
  /** As the build chooses it by default: the office's on a sheet, the print shop's on the paper `piece`. */
  print?: PrintTarget;
  /** The Bangkok example edition (its contacts and its SVG logo) over the shared facts. */
  edition?: 'bangkok';
}

const building = new Map<string, Promise<string>>();

/** The shared PDF's file, built by the first test file of the run that asks for it. */
export function sharedPdfFile(piece: SharedPiece): Promise<string> {
  const file = path.join(cacheFolder(), `${keyOf(piece)}.pdf`);
  if (!building.has(file)) building.set(file, fs.existsSync(file) ? Promise.resolve(file) : buildInto(piece, file));
  return building.get(file)!;
}

export async function sharedPdf(piece: SharedPiece): Promise<Buffer> {
  return fs.readFileSync(await sharedPdfFile(piece));
}

/** The shared PDF's pages as MuPDF reads them (read-pdf.mjs). */
export const sharedPages = async (piece: SharedPiece) => (await readBack<{ pages: PdfPage[] }>(piece, 'read-pdf.mjs')).pages;
/** What the shared PDF draws (read-drawing.mjs). */
export const sharedDrawing = async (piece: SharedPiece) => (await readBack<{ pages: PdfDrawingPage[] }>(piece, 'read-drawing.mjs')).pages;
/** What a printer reads in the shared PDF (read-print.mjs). */
export const sharedPrint = (piece: SharedPiece) => readBack<PrintView>(piece, 'read-print.mjs');
/** The shared PDF's structure tree and accessibility entries (read-structure.mjs). */
export const sharedStructure = (piece: SharedPiece) => readBack<PdfAccessibility>(piece, 'read-structure.mjs');

/** A reader's JSON of a shared PDF, run once per run: each caller parses its own copy. */
async function readBack<T>(piece: SharedPiece, script: string): Promise<T> {
  const pdf = await sharedPdfFile(piece);
  const file = `${pdf}.${path.basename(script, '.mjs')}.json`;
  if (!fs.existsSync(file)) writeAtomically(file, JSON.stringify(runReader<T>(script, pdf)));
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

async function buildInto(piece: SharedPiece, file: string): Promise<string> {
  const shared = content({ templateFile: path.join(ROOT, 'templates', `${piece.format}.hbs`) });
  const sources = piece.edition ? { ...shared, data: withEdition(shared.data, loadEdition(path.join(ROOT, 'editions', `${piece.edition}.json`))) } : shared;
  const prepared = piece.language.split('+').map((code) => prepareLanguage(sources, loadTranslation(sources.translationsDir, code)));
  const built = await buildPiece(sources, prepared, piece.paper, piece.print ?? defaultTarget(piece.paper));
  writeAtomically(file, built.pdf);
  return file;
}

/** Written beside and renamed into place: a test file running at the same time reads a whole file or none. */
function writeAtomically(file: string, bytes: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
}

/** Names every input the build takes from its environment, so that a build under SOURCE_DATE_EPOCH is another PDF. */
function keyOf(piece: SharedPiece): string {
  const print = piece.print ?? defaultTarget(piece.paper);
  const epoch = process.env.SOURCE_DATE_EPOCH === undefined ? '' : `-epoch${process.env.SOURCE_DATE_EPOCH.replace(/[^0-9]/g, '_')}`;
  return `${piece.format}-${piece.language}-${piece.paper}-${print}-${piece.edition ?? 'facts'}${epoch}`;
}

function cacheFolder(): string {
  const folder = process.env[CACHE_VARIABLE];
  if (!folder || !fs.existsSync(folder)) throw new Error(`${CACHE_VARIABLE} names no folder: run the tests through jest.config.js, whose globalSetup makes the run's cache of shared PDFs.`);
  return folder;
}
