/**
 * Step 7: visual order of a line's pieces by their bidi levels (UAX #9 rule
 * L2): from the highest level down to the lowest odd one, reverse every
 * sequence of pieces at that level or above.
 */
export function visualOrder<T extends { level: number }>(pieces: T[]): T[] {
  const out = [...pieces];
  if (out.length === 0) return out;
  const max = Math.max(...out.map((p) => p.level));
  const minOdd = Math.min(...out.map((p) => p.level).filter((l) => l % 2 === 1), Infinity);
  if (minOdd === Infinity) return out;
  for (let level = max; level >= minOdd; level--) {
    let i = 0;
    while (i < out.length) {
      if (out[i].level >= level) {
        let j = i;
        while (j < out.length && out[j].level >= level) j++;
        out.splice(i, j - i, ...out.slice(i, j).reverse());
        i = j;
      } else i++;
    }
  }
  return out;
}
