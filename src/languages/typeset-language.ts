import { PamphletError } from '../core/errors';
import { FontRegistry } from '../fonts/font-registry';
import { TypesetLanguage } from '../text/types';
import { Translation } from './language';

const hyphenators = new Map<string, (word: string) => string[]>();

function hyphenator(name: string, translation: Translation): (word: string) => string[] {
  let found = hyphenators.get(name);
  if (!found) {
    let module: { hyphenateSync(text: string, options?: { hyphenChar?: string }): string };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      module = require(`hyphen/${name}`);
    } catch {
      throw new PamphletError(`meta.hyphenation names "${name}", which is not a pattern set of the hyphen package. Use a name such as en-us, fr, ru, or null.`, { file: translation.file, language: translation.code, key: 'meta.hyphenation' });
    }
    found = (word: string) => module.hyphenateSync(word, { hyphenChar: '\u00AD' }).split('\u00AD');
    hyphenators.set(name, found);
  }
  return found;
}

/** Resolves a language's data (script, direction, line-break rule, hyphenation) to what the typesetter uses. */
export function typesetLanguage(translation: Translation, fonts: FontRegistry): TypesetLanguage {
  const { meta } = translation;
  if (!fonts.hasScript(meta.script)) {
    throw new PamphletError(`meta.script is "${meta.script}", which has no font stack. Add it under "scripts" in ${fonts.configFile}.`, { file: translation.file, language: translation.code, key: 'meta.script' });
  }
  return {
    code: translation.code,
    locale: meta.locale,
    direction: meta.direction,
    lineBreak: meta.lineBreak,
    hyphenate: meta.hyphenation ? hyphenator(meta.hyphenation, translation) : undefined,
    fonts: { regular: fonts.stack(meta.script, 'regular'), bold: fonts.stack(meta.script, 'bold') },
  };
}
