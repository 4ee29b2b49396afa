import { LanguageCode } from '../languages/language';

/** The CLDR plural categories, in CLDR order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const SUFFIX = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/**
 * The plural forms a language needs, from CLDR through Intl. i18next picks a
 * form with Intl.PluralRules of the language code, so the check asks the same.
 */
export function pluralCategories(code: LanguageCode): PluralCategory[] {
  const found = new Intl.PluralRules(code).resolvedOptions().pluralCategories as PluralCategory[];
  return PLURAL_CATEGORIES.filter((c) => found.includes(c));
}

/** Splits `help.iwg_few` into its base key and category; null for a key that is not a plural form. */
export function splitPluralKey(key: string): { base: string; category: PluralCategory } | null {
  const match = SUFFIX.exec(key);
  return match ? { base: match[1], category: match[2] as PluralCategory } : null;
}
