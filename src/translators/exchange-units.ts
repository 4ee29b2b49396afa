import { requiredStringKeys, sourceKeyOf, staleStrings } from '../check/stale-strings';
import { splitPluralKey } from '../i18n/plural-forms';
import { PamphletData } from '../facts/load-data';
import { Translation } from '../languages/language';
import { flattenStrings } from '../languages/load-translations';
import { stringNote, StringUse } from './string-notes';

/** A string's state in an exchange file: not translated yet, translated, or translated from English that has changed since. */
export type UnitState = 'new' | 'translated' | 'needs-review';

/** One string as a CAT tool sees it. */
export interface ExchangeUnit {
  /** The dotted key (cover.title, help.iwg_few). */
  key: string;
  /** The English the translator works from (for a plural form, the English form of the same kind, else "other"). */
  source: string;
  /** The current translation, if any. */
  target?: string;
  state: UnitState;
  note: string;
}

/** The English shown for a translated key: the same plural form when English has it (one), else the source key's text. */
export function englishFor(key: string, sourceStrings: ReadonlyMap<string, string>): string | undefined {
  const plural = splitPluralKey(key);
  if (plural && sourceStrings.has(key)) return sourceStrings.get(key);
  const against = sourceKeyOf(key, sourceStrings);
  return against === undefined ? undefined : sourceStrings.get(against);
}

/** Every string the language needs, in the source's order, with its English, its translation, its state and its note. */
export function exchangeUnits(translation: Translation, source: Translation, uses: Map<string, StringUse[]>, data: PamphletData | null): ExchangeUnit[] {
  const sourceStrings = flattenStrings(source.strings);
  const strings = flattenStrings(translation.strings);
  const stale = new Set(staleStrings(translation, source).map((s) => s.key));
  return requiredStringKeys(source, translation.code).map((key) => {
    const english = englishFor(key, sourceStrings)!;
    const target = strings.get(key);
    const state: UnitState = target === undefined ? 'new' : stale.has(key) ? 'needs-review' : 'translated';
    return { key, source: english, target, state, note: stringNote(key, english, uses, data, translation.meta) };
  });
}
