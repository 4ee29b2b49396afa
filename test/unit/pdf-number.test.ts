import { decimals } from '../../src/render/pdf-number';

/**
 * Coordinates in content streams are written by decimals(), which must
 * give the text JavaScript gives the rounded number, which they were
 * written with before: the PDFs stay byte-identical.
 */
const asBefore = (n: number, places: number) => (Math.round(n * 10 ** places) / 10 ** places).toString();

describe('decimals', () => {
  const edges = [0, -0, 0.0004, -0.0004, 0.0005, -0.0005, 0.00049999, 1, -1, 10, 0.1, 0.01, 0.001, 0.2 + 0.1, 1.0005, 12.3456789, -612.0004999, 792, 841.889764, 999999999.999, -999999999.9994, 1e9, 1e12, -1e15, 1e-7, NaN, Infinity, -Infinity];
  it.each([3, 5])('gives JavaScript\'s text for the number rounded to %i places', (places) => {
    for (const n of edges) expect([n, decimals(n, places)]).toEqual([n, asBefore(n, places)]);
    // Pseudo-random values at page scale and at font-unit scale, and on the rounding boundaries.
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 200000; i++) {
      const scale = [1, 1000, 100000, 1e8][i % 4];
      const n = (random() - 0.4) * scale;
      const boundary = (Math.round(n * 10 ** places) + 0.5) / 10 ** places;
      for (const x of [n, boundary]) if (decimals(x, places) !== asBefore(x, places)) expect([x, decimals(x, places)]).toEqual([x, asBefore(x, places)]);
    }
  });
});
