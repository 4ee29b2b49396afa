import { z } from 'zod';
import { Colour } from '../theme/theme';

/** A process colour as PDFKit takes it: cyan, magenta, yellow, black, each 0–100 %. */
export type Cmyk = [number, number, number, number];

/** Black text and pure black print in black ink alone: a rich black would blur small type on a press out of register. */
export const BLACK: Cmyk = [0, 0, 0, 100];

export const cmykSchema = z.tuple([0, 1, 2, 3].map(() => z.number().min(0).max(100)) as [z.ZodNumber, z.ZodNumber, z.ZodNumber, z.ZodNumber]);

/**
 * A design colour (#rrggbb) in CMYK when the theme gives none: the
 * device-independent formula K = 1 − max(R, G, B), C = (1 − R − K) / (1 − K)
 * and so on, in whole per cent. It goes through no profile (a colorimetric
 * conversion to the output intent's would put greys and black in all four
 * inks): it keeps greys in black ink only and pure black at 0/0/0/100; a brand colour should be given as the printer specifies it
 * (the theme's `cmyk`), not computed.
 */
export function hexToCmyk(hex: Colour): Cmyk {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const k = 1 - Math.max(r, g, b);
  if (k >= 1) return [...BLACK];
  const part = (v: number) => Math.round(((1 - v - k) / (1 - k)) * 100);
  return [part(r), part(g), part(b), Math.round(k * 100)];
}

/** The shop's inks for a theme's colours: its own `cmyk` where it gives one, the formula otherwise; black and the text colour always 100 % K. */
export function inkTable(colours: Record<string, Colour>, specified: Partial<Record<string, Cmyk>> = {}): (hex: Colour) => Cmyk {
  const known = new Map<string, Cmyk>();
  for (const [name, hex] of Object.entries(colours)) {
    const given = specified[name];
    if (given) known.set(hex.toLowerCase(), given);
  }
  known.set(colours.text.toLowerCase(), [...BLACK]);
  known.set('#000000', [...BLACK]);
  return (hex) => known.get(hex.toLowerCase()) ?? hexToCmyk(hex);
}
