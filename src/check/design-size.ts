import { Finding } from '../core/finding';
import { PanelScale } from '../build/build-pamphlet';
import { paperLabel, PaperName } from '../imposition/paper';
import { Translation } from '../languages/language';

/**
 * A panel the fit step had to set below its design size is a warning: it
 * prints, at or above every size floor, but smaller and denser than
 * designed, and a translator can usually say it in fewer words.
 */
export function belowDesignSize(scales: PanelScale[], translation: Translation, paper: PaperName): Finding[] {
  return scales
    .filter(({ scale }) => scale < 1 - 1e-9)
    .map(({ panel, scale }) => ({
      check: 'fit' as const,
      severity: 'warning' as const,
      file: translation.file,
      language: translation.code,
      key: panel,
      message: `on ${paperLabel(paper)}, panel "${panel}" is set at ${Math.round(scale * 100)}% of its design size to fit (no size below its floor). Shorten its text a little to print it as designed.`,
    }));
}
