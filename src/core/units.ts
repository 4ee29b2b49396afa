/** A length in PDF points (1/72 inch). */
export type Points = number;
/** A length in millimetres. */
export type Millimetres = number;

export const POINTS_PER_MM = 72 / 25.4;

export function mm(value: Millimetres): Points {
  return value * POINTS_PER_MM;
}

export function toMm(value: Points): Millimetres {
  return value / POINTS_PER_MM;
}
