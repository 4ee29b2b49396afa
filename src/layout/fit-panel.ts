import { PamphletError } from '../core/errors';
import { Points, toMm } from '../core/units';
import { Panel } from '../document/types';
import { TypesetLanguage } from '../text/types';
import { Box, itemExtent } from './draw-items';
import { layoutPanel, PanelLayout, Tightening } from './panel-flow';
import { StructNode } from './structure';
import { Theme } from '../theme/theme';

export interface FittedPanel extends PanelLayout {
  tightening: Tightening;
}

/**
 * A panel whose content does not fit its box: too tall even when tightened,
 * or wider than its column. `atLeast`: layout stopped once the panel was far
 * too tall, so `overflow` is a lower bound.
 */
export class OverflowError extends PamphletError {
  constructor(readonly language: string, readonly panel: string, readonly overflow: Points, readonly side: 'height' | 'width', theme: Pick<Theme, 'fit' | 'sizeFloors'>, readonly atLeast = false) {
    super(
      side === 'height'
        ? `the text of panel "${panel}" is ${atLeast ? 'at least ' : ''}${toMm(overflow).toFixed(1)} mm too tall, even with the type at ${Math.round(theme.fit.minScale * 100)}% of its design size and body text at its floor (${theme.sizeFloors.text} pt Latin, ${theme.sizeFloors.label} pt for labels). Shorten the text of this panel.`
        : `something in panel "${panel}" is ${toMm(overflow).toFixed(1)} mm wider than its column and would run into the fold or off the paper. Shorten the longest word or value of this panel.`,
      { language, key: panel },
    );
  }
}

/** Protrusion smaller than this is rounding, not layout. */
const TOLERANCE: Points = 0.5;
/** Content this much taller than its box still fits: rounding. */
const HEIGHT_TOLERANCE: Points = 0.01;

/**
 * A fitted panel laid out again at the same type size, with `space` added
 * above some of its blocks (keep-out-of-tables.ts); null if it no longer fits.
 */
export function refitPanel(panel: Panel, box: Box, language: TypesetLanguage, theme: Theme, tightening: Tightening, section: StructNode | undefined, space: ReadonlyMap<number, Points>): PanelLayout | null {
  const laid = layoutPanel(panel, box, language, theme, tightening, box.height + HEIGHT_TOLERANCE, section, space);
  return laid.complete && laid.contentHeight <= box.height + HEIGHT_TOLERANCE ? laid : null;
}

/** How far the items stick out of the box sideways, or 0. */
export function widthOverflow(items: PanelLayout['items'], box: Box): Points {
  let worst = 0;
  for (const item of items) {
    const e = itemExtent(item);
    worst = Math.max(worst, box.x - e.x, e.x + e.width - (box.x + box.width));
  }
  return worst;
}

/**
 * Fits a panel's text into its box: the design size first, then smaller
 * type down to the theme's fit.minScale, each size held at its style's floor; the
 * line spacing stays the script's. Never clips: if the text still does not
 * fit, or anything is wider than the column, the build fails, saying by how
 * much. `design` is the scale of the design size on this paper (a poster
 * designed for Letter, printed on A3, is 1.38); the fit step shrinks from it.
 *
 * Each attempt stops laying out as soon as the text is taller than the box;
 * the last measures on to twice the box's height, so that the overflow of
 * real text is given exactly, and a runaway one ("at least …") at once.
 */
export function fitPanel(panel: Panel, box: Box, language: TypesetLanguage, theme: Theme, design = 1, section?: StructNode): FittedPanel {
  let last: FittedPanel | null = null;
  const attempts: Tightening[] = [];
  for (let scale = 1; scale >= theme.fit.minScale - 1e-9; scale -= theme.fit.scaleStep) attempts.push({ scale: scale * design });
  for (const [i, tightening] of attempts.entries()) {
    const limit = (i === attempts.length - 1 ? 2 * box.height : box.height) + HEIGHT_TOLERANCE;
    last = { ...layoutPanel(panel, box, language, theme, tightening, limit, section), tightening };
    if (last.contentHeight <= box.height + HEIGHT_TOLERANCE) break;
  }
  if (last!.contentHeight > box.height + HEIGHT_TOLERANCE) {
    throw new OverflowError(language.code, panel.name, last!.contentHeight - box.height, 'height', theme, !last!.complete);
  }
  const wide = widthOverflow(last!.items, box);
  if (wide > TOLERANCE) throw new OverflowError(language.code, panel.name, wide, 'width', theme);
  return last!;
}
