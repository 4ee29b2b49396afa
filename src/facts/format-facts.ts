import { PamphletError } from '../core/errors';
import { calendarDate } from './calendar-date';
import { Fact } from './load-data';

/** First-strong isolate: a fact keeps its own direction inside a line of the other direction. */
const FSI = '\u2068';
const PDI = '\u2069';

export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/** JSON's -0 passes "not negative" but Intl prints it as "-0": adding 0 makes it 0. */
function unsigned(value: number): number {
  return value + 0;
}

/** A fact as the reader of `locale` writes it, through Intl. */
export function formatFact(fact: Fact, locale: string): string {
  switch (fact.type) {
    case 'date': {
      // The data's schema lets only real days through; this guards callers that skip it.
      const date = calendarDate(fact.value);
      if (!date) throw new PamphletError(`the date "${fact.value}" is not a day of the calendar. Write it YYYY-MM-DD.`);
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    }
    case 'amount':
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: fact.currency,
        currencyDisplay: 'name',
        maximumFractionDigits: 0,
      }).format(unsigned(fact.value));
    case 'count':
      return new Intl.NumberFormat(locale).format(unsigned(fact.value));
    case 'code':
      return fact.value;
  }
}

/**
 * All facts formatted for a locale, each wrapped in a bidi isolate so that
 * numbers, amounts and codes keep their order in right-to-left lines.
 */
export function formatFacts(facts: Record<string, Fact>, locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, fact] of Object.entries(facts)) out[name] = isolate(formatFact(fact, locale));
  return out;
}
