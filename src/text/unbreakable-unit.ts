/**
 * What a line must hold if nothing breaks inside text[start, end): from the
 * last break opportunity at or before `start` to the first at or after
 * `end`, without the spaces that end it. A kept word is measured with what
 * is glued to it ("người:" with its colon), not alone: alone it may fit a
 * line that the whole unit does not, and the line would then be cut inside it.
 * `positions` are the paragraph's break opportunities, ascending.
 */
export function unbreakableUnit(text: string, positions: readonly number[], start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  let lo = 0;
  let hi = positions.length;
  // The first opportunity at or after `end`; the one before the search point is the last before `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] < end) lo = mid + 1;
    else hi = mid;
  }
  if (lo < positions.length) to = positions[lo];
  for (let i = Math.min(lo, positions.length) - 1; i >= 0; i--) {
    if (positions[i] <= start) {
      from = positions[i];
      break;
    }
  }
  while (to > from && /\s/u.test(text[to - 1])) to--;
  return [from, to];
}
