import { currentSourceHash, requiredStringKeys } from '../check/stale-strings';
import { Finding } from '../core/finding';
import { sourceHash } from '../i18n/source-hash';
import { Translation } from '../languages/language';
import { flattenStrings } from '../languages/load-translations';
import { englishFor } from './exchange-units';
import { markReviewed } from './record-sources';
import { TranslationEdit } from './write-translation';
import { DeliveredXliff } from './xliff-read';

/** States a CAT tool leaves on a string nobody confirmed: its recorded English stays as it was. */
const UNCONFIRMED = /^(new|initial|needs-)/;

export interface ImportPlan {
  edit: TranslationEdit;
  /** Keys whose text changed. */
  changed: string[];
  /** Problems with the units themselves (a key pamphlet does not have). */
  findings: Finding[];
}

/**
 * What importing a delivered XLIFF changes: the strings whose target differs
 * from the translation now, and the `sources` map. A string is recorded as
 * translated from the English of the file (its <source>) when its text
 * changed or its state says it was translated or reviewed; if that English
 * is not the English now (it changed after the export), the string stays
 * marked for review. Unconfirmed strings keep the hash they had.
 */
export function planImport(delivered: DeliveredXliff, translation: Translation, source: Translation, file: string): ImportPlan {
  const sourceStrings = flattenStrings(source.strings);
  const current = flattenStrings(translation.strings);
  const required = new Set(requiredStringKeys(source, translation.code));
  const findings: Finding[] = [];
  const strings = new Map<string, string>();
  const sources = markReviewed(translation, source, []);
  for (const [key, unit] of delivered.units) {
    if (!required.has(key)) {
      findings.push({ check: 'translation', severity: 'error', file, language: translation.code, key, message: `the file has a unit "${key}", which is not a string of ${translation.meta.englishName} in this pamphlet. Export the language again and translate in that file.` });
      continue;
    }
    if (unit.target === undefined || unit.target === '') continue;
    const changed = unit.target !== current.get(key);
    if (changed) strings.set(key, unit.target);
    if (!changed && unit.state !== undefined && UNCONFIRMED.test(unit.state)) continue;
    const englishNow = englishFor(key, sourceStrings);
    sources[key] = unit.source === englishNow ? currentSourceHash(key, sourceStrings)! : sourceHash(unit.source);
  }
  return { edit: { strings, sources }, changed: [...strings.keys()], findings };
}
