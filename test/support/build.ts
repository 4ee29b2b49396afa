import * as path from 'node:path';
import { buildPamphlet, ContentSources } from '../../src/build/build-pamphlet';
import { loadData } from '../../src/facts/load-data';
import { FontRegistry } from '../../src/fonts/font-registry';
import { PaperName } from '../../src/imposition/paper';
import { loadTranslation } from '../../src/languages/load-translations';
import { typesetLanguage } from '../../src/languages/typeset-language';
import { TypesetLanguage } from '../../src/text/types';

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
