/** 10 to the power of a number of decimal places. */
const SCALE = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * `n` rounded to `places` decimals (at most 6), written as JavaScript
 * writes the rounded number, `(Math.round(n * 10^places) / 10^places).toString()`:
 * no trailing zeros, '0' for zero. The content streams carry tens of
 * thousands of coordinates, and JavaScript's general number-to-text
 * conversion (the shortest decimal that reads back as the same double) is
 * several times slower than writing the whole and decimal parts as
 * integers. For |n| below 1e9 the two are the same text: the rounded
 * value is the double nearest to a decimal of `places` places, and no
 * other such decimal, shorter or not, lies within the double's precision.
 */
export function decimals(n: number, places: number): string {
  const scale = SCALE[places];
  if (!(Math.abs(n) < 1e9)) return (Math.round(n * scale) / scale).toString();
  const rounded = Math.round(n * scale);
  if (rounded === 0) return '0';
  const units = rounded < 0 ? -rounded : rounded;
  const whole = Math.floor(units / scale);
  let fraction = units - whole * scale;
  const sign = rounded < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  let digits = places;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${sign}${whole}.${String(fraction).padStart(digits, '0')}`;
}
