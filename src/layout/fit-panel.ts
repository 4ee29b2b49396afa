import { PamphletError } from '../core/errors';
import { Points, toMm } from '../core/units';
import { Panel } from '../document/types';
import { TypesetLanguage } from '../text/types';
import { Box } from './draw-items';
import { layoutPanel, PanelLayout, Tightening } from './panel-flow';
import { FIT_LIMITS } from './styles';

export interface FittedPanel extends PanelLayout {
  tightening: Tightening;
}

export class OverflowError extends PamphletError {
  constructor(readonly language: string, readonly panel: string, readonly overflow: Points) {
    super(`the text of panel "${panel}" is ${toMm(overflow).toFixed(1)} mm too tall even at the smallest type size allowed. Shorten the text of this panel.`, { language, key: panel });
  }
}

/**
 * Fits a panel's text into its box: the design size first, then smaller
 * type down to FIT_LIMITS.minScale, then tighter leading. Never clips: if the
 * text still does not fit, the build fails, saying by how much.
 */
export function fitPanel(panel: Panel, box: Box, language: TypesetLanguage): FittedPanel {
  let last: FittedPanel | null = null;
  const attempts: Tightening[] = [];
  for (let scale = 1; scale >= FIT_LIMITS.minScale - 1e-9; scale -= FIT_LIMITS.scaleStep) attempts.push({ scale, leading: 1 });
  for (let leading = 1 - FIT_LIMITS.leadingStep; leading >= FIT_LIMITS.minLeading - 1e-9; leading -= FIT_LIMITS.leadingStep) {
    attempts.push({ scale: FIT_LIMITS.minScale, leading });
  }
  for (const tightening of attempts) {
    last = { ...layoutPanel(panel, box, language, tightening), tightening };
    if (last.contentHeight <= box.height + 0.01) return last;
  }
  throw new OverflowError(language.code, panel.name, last!.contentHeight - box.height);
}
