import { Points } from '../core/units';
import { TypesetLine } from '../text/types';
import { Colour } from './styles';

/** What block layout hands the PDF writer: positioned, page-absolute, top-down coordinates. */
export type DrawItem =
  | { type: 'line'; line: TypesetLine; x: Points; baseline: Points; colour: Colour }
  | { type: 'rect'; x: Points; y: Points; width: Points; height: Points; colour: Colour }
  | { type: 'circle'; x: Points; y: Points; radius: Points; colour: Colour }
  | { type: 'qr'; x: Points; y: Points; size: Points; value: string; colour: Colour }
  | { type: 'stroke'; x1: Points; y1: Points; x2: Points; y2: Points; width: Points; colour: Colour };

export interface Box {
  x: Points;
  y: Points;
  width: Points;
  height: Points;
}
