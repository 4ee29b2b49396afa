import { DrawingNode } from './svg-tree';

/**
 * A mission's logo, read and checked (src/logo/load-logo.ts): an SVG as the
 * tree that is drawn as vector, or a PNG's bytes, with its intrinsic size,
 * whose ratio gives the printed width. Plain data, shared by every piece.
 */
export type LogoImage =
  | { kind: 'svg'; file: string; tree: DrawingNode; width: number; height: number }
  | { kind: 'png'; file: string; bytes: Buffer; width: number; height: number };

/** The logo as an edition gives it: the image and its alternative text, one or one per language (English the fallback). */
export interface Logo {
  image: LogoImage;
  alt?: string | Record<string, string>;
}
