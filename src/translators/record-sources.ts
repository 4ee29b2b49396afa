import { currentSourceHash } from '../check/stale-strings';
import { SOURCE_LANGUAGE, Translation } from '../languages/language';
import { flattenStrings } from '../languages/load-translations';

/** The source's dotted keys in file order: where new keys and `sources` entries go. */
export function sourceOrder(source: Translation): string[] {
  return [...flattenStrings(source.strings).keys()];
}

/**
 * The `sources` map after marking `keys` as translated from the English now
 * (every translated key when `keys` is undefined): their hashes become the
 * current ones, the others keep theirs. Keys the source no longer has drop out.
 */
export function markReviewed(translation: Translation, source: Translation, keys?: string[]): Record<string, string> {
  const sourceStrings = flattenStrings(source.strings);
  const translated = [...flattenStrings(translation.strings).keys()];
  const sources: Record<string, string> = {};
  const marked = new Set(keys ?? translated);
  for (const key of translated) {
    const now = currentSourceHash(key, sourceStrings);
    if (now === undefined) continue;
    const kept = translation.sources?.[key];
    if (marked.has(key)) sources[key] = now;
    else if (kept !== undefined) sources[key] = kept;
  }
  return sources;
}

export const isSourceLanguage = (translation: Translation) => translation.code === SOURCE_LANGUAGE;
