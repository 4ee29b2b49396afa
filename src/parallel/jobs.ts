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
 * Cores up to which one thread builds faster than a pool: measured on 2
 * cores, a pool of 2 was slower than one thread (V8 already gives the
 * second core its compiler and garbage collector; docs/parallel-build.md).
 */
const SERIAL_UP_TO_CORES = 2;

/**
 * How many threads build the batch: `asked` (--jobs) if given, else one per
 * core on a machine with more than SERIAL_UP_TO_CORES cores; never more
 * than there are tasks (one per template and piece).
 */
export function jobsFor(asked: number | undefined, tasks: number, cores = os.availableParallelism()): number {
  const wanted = asked ?? (cores <= SERIAL_UP_TO_CORES ? 1 : cores);
  return Math.max(1, Math.min(wanted, tasks));
}
