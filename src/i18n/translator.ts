import i18next, { i18n } from 'i18next';
import { PamphletError } from '../core/errors';
import { Translation } from '../languages/language';
import { formatFacts } from '../facts/format-facts';
import { PamphletData } from '../facts/load-data';

/** Looks up a key and fills in facts, formatted for the language: `t("law.penalty")`. */
export type Translate = (key: string, options?: { count?: number }) => string;

export function createTranslator(translation: Translation, data: PamphletData): Translate {
  const instance: i18n = i18next.createInstance();
  instance.init({
    lng: translation.code,
    fallbackLng: false,
    initImmediate: false,
    showSupportNotice: false,
    resources: { [translation.code]: { translation: translation.strings } },
    // Escaping is the template's job; facts are plain text.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: true,
  });
  const facts = formatFacts(data.facts, translation.meta);
  return (key, options = {}) => {
    if (!instance.exists(key, options)) {
      throw new PamphletError(`the string is missing. Add it to the translation file (see translations/en.json for the source text).`, { file: translation.file, language: translation.code, key });
    }
    const values: Record<string, unknown> = { ...facts };
    if (options.count !== undefined) {
      values.count = options.count;
    }
    // No nesting: "$t(other.key)" in a string would pull in other strings, each of which could pull in more.
    return instance.t(key, { ...values, nest: false }) as string;
  };
}
