import { Finding } from '../core/finding';
import { sourceHash } from '../i18n/source-hash';
import { PLURAL_CATEGORIES, pluralCategories, splitPluralKey } from '../i18n/plural-forms';
import { flattenStrings } from '../languages/load-translations';
import { Translation } from '../languages/language';

/**
 * The source key a translated key is translated from: itself, or for a plural
 * form of the language (help.iwg_few) the source's "other" form.
 */
export function sourceKeyOf(key: string, sourceStrings: ReadonlyMap<string, string>): string | undefined {
  const plural = splitPluralKey(key);
  if (plural && sourceStrings.has(`${plural.base}_other`)) return `${plural.base}_other`;
  return sourceStrings.has(key) ? key : undefined;
}

/**
 * The English a translated key is judged against, as hashed: the source
 * string, or for a plural key every English form of it (one and other), so a
 * change to either marks each of the language's forms for review.
 */
export function sourceTextOf(key: string, sourceStrings: ReadonlyMap<string, string>): string | undefined {
  const plural = splitPluralKey(key);
  if (plural && sourceStrings.has(`${plural.base}_other`)) {
    return PLURAL_CATEGORIES.map((form) => sourceStrings.get(`${plural.base}_${form}`)).filter((t) => t !== undefined).join('\n');
  }
  return sourceStrings.get(key);
}

/** The hash to record for `key` when its translation is current with the English now; undefined for a key the source lacks. */
export function currentSourceHash(key: string, sourceStrings: ReadonlyMap<string, string>): string | undefined {
  const text = sourceTextOf(key, sourceStrings);
  return text === undefined ? undefined : sourceHash(text);
}

/** Why a translated string needs review: its English changed since, or no English is recorded for it. */
export interface StaleString {
  key: string;
  /** The English text now. */
  english: string;
  reason: 'changed' | 'unrecorded';
}

/**
 * The translated strings whose English text changed since they were
 * translated: the hash recorded in `sources` is not the hash of the English
 * now. A file without a `sources` map records nothing, so nothing in it can
 * be judged stale (and nothing is said); a key the map lacks needs review.
 */
export function staleStrings(translation: Translation, source: Translation): StaleString[] {
  if (!translation.sources || translation.code === source.code || translation.pseudo) return [];
  const sourceStrings = flattenStrings(source.strings);
  const stale: StaleString[] = [];
  // Keys the language does not need (a plural form it lacks, a key the source lacks) are reported as such, not as stale.
  const required = new Set(requiredStringKeys(source, translation.code));
  for (const key of flattenStrings(translation.strings).keys()) {
    if (!required.has(key)) continue;
    const against = sourceKeyOf(key, sourceStrings);
    if (against === undefined) continue;
    const english = sourceStrings.get(against)!;
    const recorded = translation.sources[key];
    if (recorded === undefined) stale.push({ key, english, reason: 'unrecorded' });
    else if (recorded !== currentSourceHash(key, sourceStrings)) stale.push({ key, english, reason: 'changed' });
  }
  return stale;
}

/** The strings a language must have: every plain source key, and each plural key in the language's own forms. */
export function requiredStringKeys(source: Translation, code: string): string[] {
  const keys: string[] = [];
  const sourceStrings = flattenStrings(source.strings);
  for (const key of sourceStrings.keys()) {
    const plural = splitPluralKey(key);
    if (plural && sourceStrings.has(`${plural.base}_other`)) {
      if (plural.category !== 'other') continue;
      for (const form of pluralCategories(code)) keys.push(`${plural.base}_${form}`);
    } else keys.push(key);
  }
  return keys;
}

function excerpt(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** One warning per stale string, saying what the English says now and how to mark it reviewed. */
export function staleFindings(translation: Translation, source: Translation): Finding[] {
  return staleStrings(translation, source).map(({ key, english, reason }) => ({
    check: 'translation' as const,
    severity: 'warning' as const,
    file: translation.file,
    language: translation.code,
    key,
    message: reason === 'changed'
      ? `needs review: the English text changed since this was translated; it now reads "${excerpt(english)}". Update the translation, then import it (pamphlet import) or run \`pamphlet reviewed --lang ${translation.code} --key ${key}\`.`
      : `needs review: no English text is recorded for this string in "sources", so a change of the English would go unnoticed. Check it against "${excerpt(english)}", then run \`pamphlet reviewed --lang ${translation.code} --key ${key}\`.`,
  }));
}
