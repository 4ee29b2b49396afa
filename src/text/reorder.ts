/**
 * Step 7: visual order of a line's pieces by their bidi levels (UAX #9 rule
 * L2): from the highest level down to the lowest odd one, reverse every
 * sequence of pieces at that level or above.
 */
export function visualOrder<T extends { level: number }>(pieces: T[]): T[] {
  const out = [...pieces];
  let max = -Infinity;
  let minOdd = Infinity;
  for (const { level } of out) {
    max = Math.max(max, level);
    if (level % 2 === 1) minOdd = Math.min(minOdd, level);
  }
  // No right-to-left piece (most lines): nothing to reverse.
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
