import { PamphletError } from '../core/errors';
import { parseMarkup } from '../document/parse-markup';
import { PamphletData } from '../facts/load-data';
import { FontRegistry } from '../fonts/font-registry';
import { createTranslator } from '../i18n/translator';
import { imposeTrifold } from '../imposition/trifold';
import { PaperName } from '../imposition/paper';
import { LanguageCode } from '../languages/language';
import { loadTranslation } from '../languages/load-translations';
import { typesetLanguage } from '../languages/typeset-language';
import { DrawItem } from '../layout/draw-items';
import { fitPanel, FittedPanel } from '../layout/fit-panel';
import { COLOURS } from '../layout/styles';
import { writePdf } from '../render/pdf-writer';
import { firstUncovered } from '../fonts/coverage';
import { MissingGlyphError } from '../text/itemize';
import { renderMarkup } from '../template/render-markup';

/** Where the content comes from: an organisation can bring its own of each. */
export interface ContentSources {
  translationsDir: string;
  templateFile: string;
  data: PamphletData;
  fonts: FontRegistry;
}

export interface BuiltPamphlet {
  language: LanguageCode;
  paper: PaperName;
  pdf: Buffer;
  pages: number;
  /** The smallest type scale any panel needed to fit (1 = design size). */
  minScale: number;
}

const FOLD_MARK_LENGTH = 8;

/** The creation date written into the PDF: SOURCE_DATE_EPOCH if set, else the data's edition date. */
export function creationDate(data: PamphletData): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${data.edition}T00:00:00Z`);
}

/** One language on one paper: translation -> markup -> document -> panels -> PDF. */
export async function buildPamphlet(sources: ContentSources, code: LanguageCode, paper: PaperName): Promise<BuiltPamphlet> {
  const translation = loadTranslation(sources.translationsDir, code);
  const language = typesetLanguage(translation, sources.fonts);
  const t = createTranslator(translation, sources.data);
  const stack = [...language.fonts.regular, ...language.fonts.bold];
  const checkString = (key: string, text: string) => {
    const missing = firstUncovered(text, stack);
    if (missing !== null) throw new MissingGlyphError(missing, code, { file: translation.file, key });
  };
  const markup = renderMarkup(sources.templateFile, { translation, data: sources.data, t, checkString });
  const document = parseMarkup(markup, { file: sources.templateFile, language: code });
  const imposition = imposeTrifold(paper, translation.meta.direction);
  if (document.panels.length !== imposition.slots.length) {
    throw new PamphletError(`the template has ${document.panels.length} panels; a tri-fold has ${imposition.slots.length}.`, { file: sources.templateFile }, 'usage');
  }
  const pages: DrawItem[][] = [[], []];
  const fitted: FittedPanel[] = document.panels.map((panel, i) => {
    const slot = imposition.slots[i];
    const result = fitPanel(panel, slot.content, language);
    pages[slot.page].push(...result.items);
    return result;
  });
  imposition.folds.forEach((folds, page) => {
    for (const x of folds) {
      for (const [y1, y2] of [[0, FOLD_MARK_LENGTH], [imposition.pageHeight - FOLD_MARK_LENGTH, imposition.pageHeight]]) {
        pages[page].push({ type: 'stroke', x1: x, y1, x2: x, y2, width: 0.5, colour: COLOURS.fold });
      }
    }
  });
  const pdf = await writePdf({
    width: imposition.pageWidth,
    height: imposition.pageHeight,
    pages,
    title: t('cover.title').replace(/<[^>]+>/g, ''),
    lang: translation.meta.locale.split('-u-')[0],
    creationDate: creationDate(sources.data),
  });
  return { language: code, paper, pdf, pages: pages.length, minScale: Math.min(...fitted.map((f) => f.tightening.scale)) };
}
