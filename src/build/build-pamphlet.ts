import * as path from 'node:path';
import { PamphletError, PamphletErrors } from '../core/errors';
import { markupText, parseMarkup } from '../document/parse-markup';
import { PamphletData } from '../facts/load-data';
import { FontRegistry } from '../fonts/font-registry';
import { createTranslator } from '../i18n/translator';
import { impose, Imposition } from '../imposition/impose';
import { arrange, PanelFill } from '../format/arrangement';
import { Format } from '../format/format';
import { loadFormat } from '../format/load-format';
import { templateHeader } from '../format/template-header';
import { loadTheme } from '../theme/load-theme';
import { Theme } from '../theme/theme';
import { isSheet, paperLabel, PaperName } from '../imposition/paper';
import { LanguageCode } from '../languages/language';
import { loadTranslation } from '../languages/load-translations';
import { typesetLanguage } from '../languages/typeset-language';
import { DrawItem, translate } from '../layout/draw-items';
import { FittedPanel, fitPanel, OverflowError, refitPanel } from '../layout/fit-panel';
import { keepOutOfTables } from '../layout/keep-out-of-tables';
import { PanelLayout } from '../layout/panel-flow';
import { PamphletDocument, Panel } from '../document/types';
import { PAIR_SEPARATOR } from '../languages/piece-languages';
import { Translation } from '../languages/language';
import { TypesetLanguage } from '../text/types';
import { Points } from '../core/units';
import { renderMarkup } from '../template/render-markup';
import { markupLogo } from '../logo/markup-logo';
import { StructNode, structNode } from '../layout/structure';
import { FittedPanels, sharedPanels } from './shared-panels';

/** The language tag a PDF and a screen reader take: the locale without its Unicode extensions (th-TH-u-nu-thai -> th-TH). */
function bcp47(translation: Translation): string {
  return translation.meta.locale.split('-u-')[0];
}

/** An item with its structure element taken off: drawn as an artifact. */
function asDecoration(item: DrawItem): DrawItem {
  return 'node' in item && item.node ? { ...item, node: undefined } : item;
}
import { LogoImage } from '../logo/logo-image';
import { Box } from '../layout/draw-items';
import { duplexOf, PrintTarget } from '../print/print-target';
import { inkTable } from '../print/cmyk';
import { inItsInks } from '../print/inks';
import { extendIntoBleed } from '../print/bleed';
import { shopOutputCondition } from '../print/output-intent';

/** Where the content comes from: an organisation can bring its own of each. */
export interface ContentSources {
  translationsDir: string;
  templateFile: string;
  data: PamphletData;
  fonts: FontRegistry;
}

export interface BuiltPamphlet {
  /** The piece's language, or its two joined by + (th+en). */
  language: string;
  paper: PaperName;
  print: PrintTarget;
  pdf: Buffer;
  pages: number;
  /** The smallest type scale any panel needed to fit (1 = design size). */
  minScale: number;
  /** Each panel's type scale, in reading order. */
  scales: PanelScale[];
}

/** The latest moment a PDF date can hold: its year has four digits. */
const LAST_EPOCH_SECOND = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/**
 * SOURCE_DATE_EPOCH (seconds since 1970, as reproducible builds define it),
 * or null when unset. A value that is not such a number is a usage error,
 * never ignored: the build would not be the reproducible one asked for. The
 * build command calls this before any work, so a bad value fails at once.
 */
export function sourceDateEpoch(): Date | null {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  // Empty means unset, as a CI template with "SOURCE_DATE_EPOCH=" intends.
  if (epoch === undefined || epoch === '') return null;
  const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : NaN;
  if (!(seconds <= LAST_EPOCH_SECOND)) {
    const shown = epoch.length > 20 ? `${epoch.slice(0, 20)}…` : epoch;
    throw new PamphletError(`SOURCE_DATE_EPOCH is ${JSON.stringify(shown)}: it must be whole seconds since 1970-01-01 (digits only), up to ${LAST_EPOCH_SECOND} (the end of the year 9999). Fix it or unset it to use the edition date of the data.`, {}, 'usage');
  }
  return new Date(seconds * 1000);
}

/** The creation date written into the PDF: SOURCE_DATE_EPOCH if set, else the data's edition date. */
export function creationDate(data: PamphletData): Date {
  return sourceDateEpoch() ?? new Date(`${data.edition}T00:00:00Z`);
}

/** A language ready to lay out: its typesetting data and its document tree. */
export interface PreparedLanguage {
  translation: Translation;
  language: TypesetLanguage;
  document: PamphletDocument;
  /** For the PDF's metadata, in the language: the cover title, the warning under it, and who issues the piece. */
  title: string;
  subject: string;
  author: string;
}

/** Translation -> markup -> document, for one language. Throws a PamphletError naming what to fix. */
export function prepareLanguage(sources: ContentSources, translation: Translation, language = typesetLanguage(translation, sources.fonts)): PreparedLanguage {
  const code = translation.code;
  const t = createTranslator(translation, sources.data);
  const markup = renderMarkup(sources.templateFile, { translation, data: sources.data, t });
  const document = parseMarkup(markup, { file: sources.templateFile, language: code }, markupLogo(sources.data.logo, code));
  return { translation, language, document, title: markupText(t('cover.title')), subject: markupText(t('cover.warning')), author: markupText(t('cover.issuer')) };
}

/** The type scale the fit step set a panel at (1 = design size). */
export interface PanelScale {
  panel: string;
  /** Which of the piece's languages the panel is in (0 = the first). */
  language: number;
  scale: number;
}

export interface LaidOutPamphlet {
  pages: DrawItem[][];
  /** Each panel's section of the structure tree, in reading order (a screen reader's order, whatever side it prints on). */
  sections: StructNode[];
  pageWidth: Points;
  pageHeight: Points;
  /** The smallest type scale any panel needed to fit (1 = design size). */
  minScale: number;
  /** Each panel's type scale, in reading order. */
  scales: PanelScale[];
  /** The format laid out, and the print target's boxes (a print shop's trim and bleed). */
  format: Format;
  boxes?: { trim: Box; bleed: Box };
}

/** The paper `piece` is a print shop's; a sheet is the office's unless a print shop is asked for. */
export function defaultTarget(paper: PaperName): PrintTarget {
  return isSheet(paper) ? 'office' : 'shop';
}

/** The template panel that fills a place: by its name (a bilingual arrangement) or its position. */
function panelFor(document: PamphletDocument, fill: PanelFill, format: Format, templateFile: string): Panel {
  if (typeof fill.panel === 'number') return document.panels[fill.panel];
  const panel = document.panels.find((p) => p.name === fill.panel);
  if (!panel) throw new PamphletError(`its bilingual arrangement names the panel "${fill.panel}", which the template ${path.basename(templateFile)} does not have (it has ${document.panels.map((p) => p.name).join(', ')}).`, { file: format.file, key: format.panelsKey });
  return panel;
}

/**
 * Panels -> pages: the template's format places its panels on the paper
 * (src/imposition/impose.ts), and every panel is fitted into its slot in the
 * template's theme, in its own language's fonts and direction; every panel
 * that does not fit is reported. A piece has one language, or two when
 * bilingual (the format's arrangement says which panel goes where); the
 * first one's direction decides which way the piece opens.
 */
export function layOutPamphlet(piece: PreparedLanguage | PreparedLanguage[], paper: PaperName, templateFile: string, target = defaultTarget(paper), again = false): LaidOutPamphlet {
  const languages = Array.isArray(piece) ? piece : [piece];
  const header = templateHeader(templateFile);
  const { format, fills } = arrange(loadFormat(templateFile, header.format), languages.length);
  const theme = loadTheme(templateFile, header.theme);
  const imposition = impose(format, paper, languages[0].translation.meta.direction, theme.colours.fold, target);
  const panels = languages[0].document.panels;
  if (languages.length === 1 && panels.length !== imposition.slots.length) {
    throw new PamphletError(`the template has ${panels.length} panels; its format "${format.name}" has ${imposition.slots.length} (${format.file}).`, { file: templateFile });
  }
  const boxes = fills.map((_, i) => imposition.slots[i].content);
  // The panels are laid out once per paper, for every print target that prints the piece on it.
  const { sides, sections, scales } = sharedPanels(templateFile, paper, languages, boxes, imposition.designScale, again, () => fitPanels(languages, fills, imposition, format, theme, paper, templateFile));
  const { boxes: trimBoxes } = imposition;
  // A sheet of cards holds each side many times: a screen reader reads the first copy; the others are artifacts.
  let pages = sides.map((items, side) => [
    ...imposition.placements[side].flatMap(({ x, y }, copy) => items.map((item) => (copy === 0 ? item : asDecoration(item))).map((item) => (x === 0 && y === 0 ? item : translate(item, x, y)))),
    ...imposition.marks[side],
  ]);
  // A print shop's page: backgrounds at the trim run into the bleed, every colour in its CMYK.
  if (target === 'shop') {
    const ink = inkTable(theme.colours, theme.cmyk);
    pages = pages.map((items) => inItsInks(trimBoxes ? extendIntoBleed(items, trimBoxes.trim, trimBoxes.bleed) : items, ink));
  }
  return { pages, sections, pageWidth: imposition.pageWidth, pageHeight: imposition.pageHeight, minScale: Math.min(...scales.map((s) => s.scale)), scales, format, boxes: trimBoxes };
}

/**
 * Every panel fitted into its slot in the template's theme, in its own
 * language's fonts and direction; every panel that does not fit is reported.
 */
function fitPanels(languages: PreparedLanguage[], fills: PanelFill[], imposition: Imposition, format: Format, theme: Theme, paper: PaperName, templateFile: string): FittedPanels {
  // Each side of the piece laid out once, then placed on its page as often as the sheet holds it (a card 10-up).
  const sides: DrawItem[][] = imposition.marks.map(() => []);
  const scales: PanelScale[] = [];
  const overflows: PamphletError[] = [];
  const sections: StructNode[] = [];
  const bilingual = languages.length > 1 ? `in the bilingual piece ${languages.map((p) => p.translation.code).join(PAIR_SEPARATOR)} (or print it on a larger paper), ` : '';
  const fitted: FittedPanel[] = [];
  const refit: Array<(space: ReadonlyMap<number, Points>) => PanelLayout | null> = [];
  fills.forEach((fill, i) => {
    const { document, language, translation } = languages[fill.language];
    const panel = panelFor(document, fill, format, templateFile);
    const slot = imposition.slots[i];
    // A bilingual piece's panel says its language: a screen reader switches voice.
    const section = structNode('Sect', null, { lang: bcp47(translation) });
    sections.push(section);
    try {
      const result = fitPanel(panel, slot.content, language, theme, imposition.designScale, section);
      fitted[i] = result;
      refit[i] = (space) => refitPanel(panel, slot.content, language, theme, result.tightening, section, space);
      // Scales against the design size on this paper: 1 is as designed.
      scales.push({ panel: panel.name, language: fill.language, scale: result.tightening.scale / imposition.designScale });
    } catch (error) {
      if (!(error instanceof OverflowError)) throw error;
      overflows.push(new PamphletError(`on ${paperLabel(paper)}, ${bilingual}${error.detail}`, { file: translation.file, language: translation.code, key: panel.name }));
    }
  });
  if (overflows.length) throw new PamphletErrors(overflows);
  // The panels of a side, moved apart where pdftotext would read them as one table.
  sides.forEach((items, side) => {
    const onSide = fills.map((_, i) => i).filter((i) => imposition.slots[i].page === side);
    const kept = keepOutOfTables(onSide.map((i) => fitted[i]), (k, space) => refit[onSide[k]](space));
    for (const panel of kept) items.push(...panel.items);
  });
  return { sides, sections, scales, boxes: fills.map((_, i) => imposition.slots[i].content), designScale: imposition.designScale };
}

/** A print shop prints CMYK: a PNG logo (RGB pixels) is refused in one line, an SVG's colours are converted as it is drawn. */
export function assertShopLogo(logo: LogoImage): void {
  if (logo.kind !== 'png') return;
  throw new PamphletError('the logo is a PNG, which is RGB: a print shop prints CMYK, and pamphlet does not convert pictures. Give the logo as an SVG (its colours are converted), or build for --print office.', { file: logo.file }, 'usage');
}

/** One piece (one language, or two) on one paper: prepared documents -> laid-out pages -> PDF. */
/** `again`: another print target will build this piece on this paper next (its panels are kept for it, src/build/shared-panels.ts). */
export async function buildPiece(sources: ContentSources, piece: PreparedLanguage[], paper: PaperName, target = defaultTarget(paper), again = false): Promise<BuiltPamphlet> {
  const logo = sources.data.logo?.image;
  if (target === 'shop' && logo) assertShopLogo(logo);
  const laidOut = layOutPamphlet(piece, paper, sources.templateFile, target, again);
  const language = piece.map((p) => p.translation.code).join(PAIR_SEPARATOR);
  // The PDF writer (PDFKit and what it loads) is loaded by the first PDF written, not by `check`, which writes none.
  const { writePdf } = require('../render/pdf-writer') as typeof import('../render/pdf-writer');
  const pdf = await writePdf({
    width: laidOut.pageWidth,
    height: laidOut.pageHeight,
    pages: laidOut.pages,
    sections: laidOut.sections,
    metadata: {
      // A bilingual piece is titled in both its languages, the first one's language being the document's.
      title: piece.map((p) => p.title).join(' / '),
      lang: bcp47(piece[0].translation),
      subject: piece.map((p) => p.subject).join(' / '),
      author: piece[0].author,
      keywords: [...piece.map((p) => p.translation.meta.name), laidOut.format.name, paperLabel(paper)],
      edition: sources.data.mission ? `${sources.data.edition}, ${sources.data.mission}` : sources.data.edition,
      creationDate: creationDate(sources.data),
    },
    setup: {
      boxes: laidOut.boxes,
      duplex: target === 'office' ? duplexOf(laidOut.format) : undefined,
      cmyk: target === 'shop',
      outputIntent: target === 'shop' ? shopOutputCondition() : undefined,
      tagSeed: [language, laidOut.format.name, paper, target].join('|'),
    },
  });
  return { language, paper, print: target, pdf, pages: laidOut.pages.length, minScale: laidOut.minScale, scales: laidOut.scales };
}

/** One language on one paper. */
export async function buildPamphlet(sources: ContentSources, code: LanguageCode, paper: PaperName, prepared = prepareLanguage(sources, loadTranslation(sources.translationsDir, code)), target = defaultTarget(paper)): Promise<BuiltPamphlet> {
  return buildPiece(sources, [prepared], paper, target);
}
