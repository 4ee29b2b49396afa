import * as v8 from 'node:v8';

/**
 * V8 as a build of a few seconds wants it, set from the CLI's entry before
 * any of our code runs. Flags are the process's: the pool's worker threads
 * (src/parallel/) get them too. Both are read by V8 whenever it uses them,
 * so setting them after the heap is made takes effect.
 *
 * - `--semi-space-growth-factor=1` keeps the young generation at the size
 *   it starts with (1 MB a semi-space) instead of letting it double up to
 *   16 MB as a build allocates: the 30 MB it would grow to is never taken
 *   (issue 12: the 14-language batch peaked at 225 MiB, 170 MiB with this;
 *   docs/memory.md).
 * - `--interrupt-budget` eight times V8's (67,584 bytes of bytecode run
 *   before a function is considered for optimizing): a build runs most of
 *   its code a few hundred times, not the millions for which optimizing it
 *   pays back, and TurboFan compiled so much of it that it kept the second
 *   core busy for a second of a two-second batch. Only the truly hot
 *   functions are optimized now (issue 12, docs/speed.md: the batch took
 *   1.45 s instead of 1.75 s and 1.9 s of CPU instead of 2.9 s; 16 times
 *   was slower on the 210-PDF build).
 * - `--wasm-tiering-budget` as large as it goes: HarfBuzz's WebAssembly
 *   stays as Liftoff, V8's baseline compiler for it, compiled it. A build
 *   shapes a few thousand words; optimizing HarfBuzz's hot functions with
 *   TurboFan, in background threads, cost more than it saved, most of it in
 *   new memory for the compiler (issue 12: en 0.50 → 0.45 s, 0.63 → 0.49 s
 *   of CPU, 14,000 → 10,000 page faults, peak 92 → 78 MiB; ar 9 %, the
 *   batch 4 % faster).
 */
export function tuneV8ForABuild(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--interrupt-budget=540672');
  v8.setFlagsFromString('--wasm-tiering-budget=2147483647');
}
