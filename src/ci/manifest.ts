import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../build/write-atomic';
import { PaperName } from '../imposition/paper';
import { outputPath, PrintTarget } from '../print/print-target';

/** The file a build writes beside its PDFs, for CI to upload and check. */
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestPdf {
  /** Relative to OUT, with / whatever the system: `shop/trifold/a4/ar.pdf`. */
  file: string;
  /** The piece's language, or its two joined by + (th+en). */
  language: string;
  format: string;
  paper: PaperName;
  print: PrintTarget;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface ManifestFailure {
  file: string;
  language: string;
  format: string;
  paper: PaperName;
  print: PrintTarget;
}

export interface ManifestEdition {
  /** The facts' edition date (data/facts.json): the one date a manifest holds, so that the same build writes the same manifest. */
  date?: string;
  /** The mission's edition, when the build had one (--edition, or the config file's). */
  file?: string;
  name?: string;
}

export interface Manifest {
  edition: ManifestEdition;
  /** `2/4` when the build was one shard of a batch (--shard); absent for the whole batch. */
  shard?: string;
  /** Every PDF asked of this build was written. */
  complete: boolean;
  pdfs: ManifestPdf[];
  /** Those that were not, each where it would have been written. */
  failed: ManifestFailure[];
}

/** What the build command knows of a PDF, written or not. */
export interface ManifestInput {
  format: string;
  language: string;
  paper: PaperName;
  print: PrintTarget;
}

function relativeFile(out: string, pdf: ManifestInput): string {
  return path.relative(out, outputPath(out, pdf.print, pdf.format, pdf.paper, pdf.language)).split(path.sep).join('/');
}

const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The manifest of a build into `out`: sorted by file, no time but the edition's, so two builds of the same content write the same bytes. */
export function makeManifest(out: string, built: (ManifestInput & { pages: number; bytes: number; sha256: string })[], failed: ManifestInput[], edition: ManifestEdition, shard?: string): Manifest {
  const pdfs = built.map((b) => ({ file: relativeFile(out, b), language: b.language, format: b.format, paper: b.paper, print: b.print, pages: b.pages, bytes: b.bytes, sha256: b.sha256 }));
  const failures = failed.map((f) => ({ file: relativeFile(out, f), language: f.language, format: f.format, paper: f.paper, print: f.print }));
  return { edition, ...(shard ? { shard } : {}), complete: failures.length === 0, pdfs: pdfs.sort(byFile), failed: failures.sort(byFile) };
}

/** Written through a temporary file and a rename, as the PDFs are: CI never reads half a manifest. */
export function writeManifest(out: string, manifest: Manifest): string {
  const file = path.join(out, MANIFEST_FILE);
  writeFileAtomic(file, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return file;
}

/**
 * Removes the manifest of an earlier build from `out` before a build writes
 * anything: a build killed half-way must leave no manifest saying that the
 * folder holds a complete one. A manifest that is not a regular file is left
 * to the write at the end to refuse.
 */
export function removeManifest(out: string): void {
  const file = path.join(out, MANIFEST_FILE);
  try {
    if (fs.lstatSync(file).isFile()) fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
