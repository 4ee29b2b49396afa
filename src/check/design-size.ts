import { Finding } from '../core/finding';
import { PanelScale } from '../build/build-pamphlet';
import { paperLabel, PaperName } from '../imposition/paper';
import { Translation } from '../languages/language';
import { PAIR_SEPARATOR } from '../languages/piece-languages';

/**
 * A panel the fit step had to set below its design size is a warning: it
 * prints, at or above every size floor, but smaller and denser than
 * designed, and a translator can usually say it in fewer words. Each
 * panel's finding is its own language's (a bilingual piece has two).
 */
export function belowDesignSize(scales: PanelScale[], translations: Translation[], paper: PaperName): Finding[] {
  const piece = translations.map((t) => t.code).join(PAIR_SEPARATOR);
  // In a bilingual piece each language has half the room: a larger paper helps as much as shorter text.
  const where = translations.length > 1 ? ` of the bilingual piece ${piece}` : '';
  const advice = translations.length > 1 ? 'Print it on a larger paper, or shorten its text a little, to print it as designed.' : 'Shorten its text a little to print it as designed.';
  return scales
    .filter(({ scale }) => scale < 1 - 1e-9)
    .map(({ panel, language, scale }) => ({
      check: 'fit' as const,
      severity: 'warning' as const,
      file: translations[language].file,
      language: translations[language].code,
      key: panel,
      message: `on ${paperLabel(paper)}, panel "${panel}"${where} is set at ${Math.round(scale * 100)}% of its design size to fit (no size below its floor). ${advice}`,
    }));
}
