import * as os from 'node:os';
import { PamphletError } from '../core/errors';

/** More workers than this is a typo, not a machine. */
export const MAX_JOBS = 256;

/** `--jobs N`: a whole number of workers from 1 (this thread alone) to MAX_JOBS; anything else is a usage error in one line. */
export function parseJobs(value: unknown): number {
  const text = String(value);
  const jobs = /^\s*\d{1,4}\s*$/.test(text) ? Number(text) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) {
    const shown = JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text);
    throw new PamphletError(`--jobs ${shown} is not a number of workers: give a whole number from 1 (build in one thread) to ${MAX_JOBS}, or leave it out to use the machine's cores.`, {}, 'usage');
  }
  return jobs;
}

/**
 * Cores up to which one thread builds a small batch faster than a pool: a
 * worker loads its own modules, fonts and compiled code, which pays only
 * for enough PDFs. Measured on 2 cores (docs/parallel-build.md, `--jobs 2`
 * against `--jobs 1`): 210 PDFs 29 % faster, 112 PDFs 23 %, 56 PDFs 8 %,
 * 28 PDFs none, 14 PDFs 5 %, for 90 to 125 MiB more at the peak.
 */
const FEW_CORES = 2;
/** PDFs from which a pool pays on FEW_CORES cores. */
export const LARGE_BATCH = 100;

/**
 * How many threads build the batch: `asked` (--jobs) if given, else one per
 * core, but on a machine of FEW_CORES cores or fewer one thread unless the
 * batch has LARGE_BATCH PDFs or more (and never on one core); never more
 * than there are tasks (one per template and piece).
 */
export function jobsFor(asked: number | undefined, tasks: number, pdfs: number, cores = os.availableParallelism()): number {
  const wanted = asked ?? (cores <= 1 || (cores <= FEW_CORES && pdfs < LARGE_BATCH) ? 1 : cores);
  return Math.max(1, Math.min(wanted, tasks));
}
