import { PamphletError } from '../core/errors';
import { calendarDate } from './calendar-date';
import { Fact } from './load-data';
import { dateFormat, numberFormat } from './intl-formatters';

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

/** How a language writes facts: its locale for Intl, and where Intl's forms are not the language's usual ones, its own (translation meta). */
export interface FactStyle {
  locale: string;
  datePattern?: string;
  currencyNames?: Record<string, string>;
}

/** A date in the language's pattern, its day, month and year as Intl writes them (digits, calendar, era year of the locale). */
function patternDate(date: Date, style: FactStyle & { datePattern: string }): string {
  const parts = dateFormat(style.locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return style.datePattern.replace('{day}', part('day')).replace('{month}', part('month')).replace('{year}', part('year'));
}

/** A fact as the reader of the language writes it, through Intl; a name with a value of its own in that language, in it. */
export function formatFact(fact: Fact, style: FactStyle): string {
  const locale = style.locale;
  switch (fact.type) {
    case 'date': {
      // The data's schema lets only real days through; this guards callers that skip it.
      const date = calendarDate(fact.value);
      if (!date) throw new PamphletError(`the date "${fact.value}" is not a day of the calendar. Write it YYYY-MM-DD.`);
      if (style.datePattern) return patternDate(date, { ...style, datePattern: style.datePattern });
      return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    }
    case 'amount': {
      const parts = numberFormat(locale, {
        style: 'currency',
        currency: fact.currency,
        currencyDisplay: 'name',
        maximumFractionDigits: 0,
      }).formatToParts(unsigned(fact.value));
      const name = style.currencyNames?.[fact.currency];
      return parts.map((p) => (p.type === 'currency' && name ? name : p.value)).join('');
    }
    case 'count':
      return numberFormat(locale).format(unsigned(fact.value));
    case 'code':
      return fact.byLanguage?.[new Intl.Locale(locale).language]?.value ?? fact.value;
  }
}

/**
 * All facts formatted for a locale, each wrapped in a bidi isolate so that
 * numbers, amounts and codes keep their order in right-to-left lines.
 */
export function formatFacts(facts: Record<string, Fact>, style: FactStyle): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, fact] of Object.entries(facts)) out[name] = isolate(formatFact(fact, style));
  return out;
}
