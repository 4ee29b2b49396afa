import { PamphletError } from '../core/errors';
import { Format } from './format';

/** What fills one place of the piece: a panel of the template (by name, or by its position) in one of the piece's languages (0 = the first). */
export interface PanelFill {
  panel: string | number;
  language: number;
}

/** A format as arranged for a piece in one language or two: the format to impose, and what fills each of its places. */
export interface Arrangement {
  format: Format;
  fills: PanelFill[];
}

/**
 * In one language, the template's panels fill the format's places in order.
 * In two, the format's bilingual arrangement says which panel, in which
 * language, goes where; a format without one is printed in one language only.
 */
export function arrange(format: Format, languages: number): Arrangement {
  if (languages === 1) return { format, fills: format.panels.map((_, i) => ({ panel: i, language: 0 })) };
  const bilingual = format.bilingual;
  if (!bilingual) throw new PamphletError(`the format "${format.name}" has no bilingual arrangement: it is printed in one language at a time.`, { file: format.file }, 'usage');
  return {
    format: {
      ...format,
      sides: bilingual.sides ?? format.sides,
      margins: bilingual.margins ?? format.margins,
      panels: bilingual.panels.map(({ side, column }) => ({ side, column })),
      panelsKey: 'bilingual.panels',
    },
    fills: bilingual.panels.map(({ panel, language }) => ({ panel, language })),
  };
}
