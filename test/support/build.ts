import * as path from 'node:path';
import { buildPamphlet, ContentSources } from '../../src/build/build-pamphlet';
import { loadData } from '../../src/facts/load-data';
import { FontRegistry } from '../../src/fonts/font-registry';
import { PaperName } from '../../src/imposition/paper';
import { loadTranslation } from '../../src/languages/load-translations';
import { typesetLanguage } from '../../src/languages/typeset-language';
import { TypesetLanguage } from '../../src/text/types';
import { loadFormat } from '../../src/format/load-format';
import { impose, Imposition } from '../../src/imposition/impose';
import { loadTheme } from '../../src/theme/load-theme';
import { Theme } from '../../src/theme/theme';

export const ROOT = path.join(__dirname, '..', '..');
export const fonts = FontRegistry.default();

export function content(overrides: Partial<ContentSources> = {}): ContentSources {
  return {
    translationsDir: path.join(ROOT, 'translations'),
    templateFile: path.join(ROOT, 'templates', 'trifold.hbs'),
    data: loadData(path.join(ROOT, 'data')),
    fonts,
    ...overrides,
  };
}

export async function build(code: string, paper: PaperName = 'letter') {
  return buildPamphlet(content(), code, paper);
}

/** The shipped language's typesetting data, for unit tests of the text stages. */
export function language(code: string): TypesetLanguage {
  return typesetLanguage(loadTranslation(path.join(ROOT, 'translations'), code), fonts);
}

const TEMPLATE = path.join(ROOT, 'templates', 'trifold.hbs');

/** The shipped theme, for tests of layout. */
export function theme(): Theme {
  return loadTheme(TEMPLATE, 'default');
}

/** The shipped tri-fold's panels on a paper, as the build places them. */
export function trifold(paper: PaperName, direction: 'ltr' | 'rtl'): Imposition {
  return impose(loadFormat(TEMPLATE, 'trifold'), paper, direction, theme().colours.fold);
}
