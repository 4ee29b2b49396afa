import * as v8 from 'node:v8';

/**
 * Keeps V8's young generation at the size it starts with (1 MB a
 * semi-space) instead of letting it double up to 16 MB as a build
 * allocates: a batch's short-lived objects (shaped lines, PDF streams) are
 * collected as often as a small young generation fills, and the 30 MB it
 * would grow to is never taken (issue 12: the 14-language batch peaked at
 * 232 MiB, 173 MiB with this, at the same CPU time within noise).
 * `--max-semi-space-size` is read only when the heap is made, before any
 * code of ours runs; the growth factor is read whenever the young
 * generation would grow, so setting it here takes effect. Flags are the
 * process's: the pool's worker threads (src/parallel/) get it too.
 */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
