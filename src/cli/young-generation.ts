import * as v8 from 'node:v8';

/**
 * Keeps V8's young generation at the size it starts with (1 MB a
 * semi-space) instead of letting it double up to 16 MB as a build
 * allocates: a batch's short-lived objects (shaped lines, PDF streams) are
 * collected as often as a small young generation fills, and the 30 MB it
 * would grow to is never taken (issue 12: the 14-language batch peaked at
 * 225 MiB, 170 MiB with this; it took some 5 % longer, 3.70 s against
 * 3.44 s in medians of runs made in turn, docs/memory.md).
 * `--max-semi-space-size` is read only when the heap is made, before any
 * code of ours runs; the growth factor is read whenever the young
 * generation would grow, so setting it here takes effect. Flags are the
 * process's: the pool's worker threads (src/parallel/) get it too.
 */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
