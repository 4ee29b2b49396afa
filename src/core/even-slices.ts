/**
 * The `index`-th (from 0) of `count` runs that cut `items` in their order,
 * whose sizes differ by at most one: every item falls in exactly one run.
 * CI shards (src/ci/shard.ts) and the worker pool's tasks
 * (src/parallel/build-pool.ts) cut a batch this way.
 */
export function evenSlice<T>(items: readonly T[], index: number, count: number): T[] {
  return items.slice(Math.floor((index * items.length) / count), Math.floor(((index + 1) * items.length) / count));
}
