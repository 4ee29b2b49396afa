import { evenSlice } from '../core/even-slices';
import { PamphletError } from '../core/errors';

/** One CI machine's part of a batch: the `index`-th (from 1) of `count`, as `--shard 2/4` says it. */
export interface Shard {
  index: number;
  count: number;
}

/** More machines than this is a typo, not a CI matrix. */
const MAX_SHARDS = 1000;

/** `I/N` with 1 ≤ I ≤ N: anything else is a usage error in one line. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    const shown = JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
    throw new PamphletError(`--shard ${shown} is not a shard: give I/N, the I-th of N machines, with 1 ≤ I ≤ N ≤ ${MAX_SHARDS} (such as 2/4).`, {}, 'usage');
  }
  return { index, count };
}

export function shardName(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The items of one shard. Items are ordered by their key (plain code-unit
 * order, never the locale's), then cut into `count` runs whose sizes differ
 * by at most one: every item falls in exactly one shard, and every machine
 * of a CI matrix computes the same cut whatever order it found them in.
 * Runs rather than every N-th item, so that one shard gets few languages
 * and checks each of them once, not all of them.
 */
export function shardOf<T>(items: readonly T[], keyOf: (item: T) => string, shard: Shard): T[] {
  const sorted = [...items].map((item) => ({ item, key: keyOf(item) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return evenSlice(sorted, shard.index - 1, shard.count).map(({ item }) => item);
}
