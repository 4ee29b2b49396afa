import * as path from 'node:path';
import { isCurrent, requireWithCodeCache } from '../cli/code-cache';
import { debugging } from '../core/unexpected-error';
import type { PdfTask, PdfTaskResult } from './pdf-task';

/**
 * The file piscina loads in each worker thread: the worker's bundle
 * (dist/parallel/pdf-worker.bundle.js, written by scripts/bundle.mjs) with
 * V8's code cache, as the CLI runs its own (src/cli/main.ts), so that a
 * worker starts by compiling little from one file, not by loading some 400
 * modules; or tsc's pdf-worker.js where the bundle is missing, older than
 * it, or PAMPHLET_DEBUG is set. The cache is written after the thread's
 * first task, when it holds the functions that task compiled: a worker
 * thread ends without its process's exit.
 */
type BuildTask = (task: PdfTask) => Promise<PdfTaskResult>;

const bundle = path.join(__dirname, 'pdf-worker.bundle.js');
const loaded = !debugging() && isCurrent(bundle, path.join(__dirname, 'pdf-worker.js')) ? requireWithCodeCache(bundle, 'worker') : undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildTask: BuildTask = loaded ? (loaded.exports as { default: BuildTask }).default : (require('./pdf-worker') as { default: BuildTask }).default;

export default async function run(task: PdfTask): Promise<PdfTaskResult> {
  try {
    return await buildTask(task);
  } finally {
    loaded?.saveCache();
  }
}
