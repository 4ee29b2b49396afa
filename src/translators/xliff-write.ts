import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import jsToXliff12 from 'xliff/cjs/jsToXliff12';
import js2xliff from 'xliff/cjs/js2xliff';
import { SOURCE_LANGUAGE } from '../languages/language';
import { ExchangeUnit, UnitState } from './exchange-units';

/** The `xliff` package's functions call back before they return (their promise forms only wrap that): the result, or its error thrown. */
export function synchronously<T>(call: (done: (error: unknown, result: T) => void) => void): T {
  let outcome: { error: unknown; result: T } | undefined;
  call((error, result) => { outcome = { error, result }; });
  if (!outcome) throw new Error('the xliff package did not answer synchronously');
  if (outcome.error) throw outcome.error;
  return outcome.result;
}

export type XliffVersion = '1.2' | '2.0';

/** The file (XLIFF <file>) every unit is in: one pamphlet, one file. */
export const XLIFF_FILE_ID = 'pamphlet';

/** XLIFF 1.2 target states (its state-value list) and XLIFF 2.0 segment states, for ours. */
const STATE_12: Record<UnitState, string> = { new: 'new', translated: 'translated', 'needs-review': 'needs-review-translation' };
const STATE_20: Record<UnitState, string> = { new: 'initial', translated: 'translated', 'needs-review': 'initial' };

/**
 * The units as XLIFF, written by the `xliff` package; the states, which it
 * does not write, are set on the parsed result: 1.2's <target state="…">
 * (a unit with no translation has no target), 2.0's <segment state="…"> with
 * subState "pamphlet:needs-review" where the English changed.
 */
export function writeXliff(units: ExchangeUnit[], targetLanguage: string, version: XliffVersion): string {
  const resources: Record<string, { source: string; target?: string; note: string }> = {};
  for (const unit of units) resources[unit.key] = { source: unit.source, ...(unit.target !== undefined ? { target: unit.target } : {}), note: unit.note };
  const js = { sourceLanguage: SOURCE_LANGUAGE, targetLanguage, resources: { [XLIFF_FILE_ID]: resources } };
  const xml = synchronously<string>((done) => (version === '1.2' ? jsToXliff12(js, { indent: '  ' }, done) : js2xliff(js, { indent: '  ', targetXliffVersion: '2.0' }, done)));
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const state = new Map(units.map((u) => [u.key, u.state]));
  if (version === '1.2') {
    const targets = doc.getElementsByTagName('target');
    for (let i = 0; i < targets.length; i++) {
      const unit = targets[i].parentNode as unknown as { getAttribute(name: string): string | null };
      targets[i].setAttribute('state', STATE_12[state.get(unit.getAttribute('id')!)!]);
    }
  } else {
    const segments = doc.getElementsByTagName('segment');
    for (let i = 0; i < segments.length; i++) {
      const unit = segments[i].parentNode as unknown as { getAttribute(name: string): string | null };
      const s = state.get(unit.getAttribute('id')!)!;
      segments[i].setAttribute('state', STATE_20[s]);
      if (s === 'needs-review') segments[i].setAttribute('subState', 'pamphlet:needs-review');
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}
