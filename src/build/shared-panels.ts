import { Box, DrawItem } from '../layout/draw-items';
import { StructNode } from '../layout/structure';
import type { PanelScale, PreparedLanguage } from './build-pamphlet';

/** A piece's panels fitted into their slots on one paper: what a print target does not change. */
export interface FittedPanels {
  /** Per side of the piece, the panels' items, in piece coordinates. */
  sides: DrawItem[][];
  sections: StructNode[];
  scales: PanelScale[];
  /** The slots' content boxes the panels were fitted into, and the paper's design scale: what the layout depends on. */
  boxes: Box[];
  designScale: number;
}

interface Kept {
  template: string;
  paper: string;
  languages: PreparedLanguage[];
  panels: FittedPanels;
}

/** Fitted panels waiting for the next print target of the same piece and paper. */
let kept: Kept[] = [];

const sameBoxes = (a: Box[], b: Box[]) => a.length === b.length && a.every((box, i) => box.x === b[i].x && box.y === b[i].y && box.width === b[i].width && box.height === b[i].height);

/**
 * A piece's fitted panels on a paper, laid out once for every print target
 * that prints it there: the office's sheet and the print shop's page place
 * the same panels, in slots of the same size, only elsewhere on the page.
 * `fit` lays them out when they are not kept. With `again` (another target
 * will ask for this piece on this paper), the result is kept until then, and
 * given once: nothing is held for a build with one print target, and what
 * is held is dropped as soon as the next paper or template begins.
 */
export function sharedPanels(template: string, paper: string, languages: PreparedLanguage[], boxes: Box[], designScale: number, again: boolean, fit: () => FittedPanels): FittedPanels {
  kept = kept.filter((k) => k.template === template && k.paper === paper);
  const at = kept.findIndex((k) => k.languages.length === languages.length && k.languages.every((p, i) => p === languages[i]));
  if (at >= 0) {
    const [{ panels }] = kept.splice(at, 1);
    if (panels.designScale === designScale && sameBoxes(panels.boxes, boxes)) {
      if (again) kept.push({ template, paper, languages, panels });
      return panels;
    }
  }
  const panels = fit();
  if (again) kept.push({ template, paper, languages, panels });
  return panels;
}
