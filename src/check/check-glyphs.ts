import { codePointLabel } from '../core/errors';
import { Finding } from '../core/finding';
import { PamphletData } from '../facts/load-data';
import { formatFacts } from '../facts/format-facts';
import { numberFormat } from '../facts/intl-formatters';
import { uncoveredCharacters } from '../fonts/coverage';
import { COUNT_PLACEHOLDER, fillPlaceholders } from '../i18n/placeholders';
import { contactLabel, inLanguage } from '../facts/contact-label';
import { flattenStrings } from '../languages/load-translations';
import { Translation } from '../languages/language';
import { isOverLength, textLimitProblem } from '../text/text-limits';
import { TypesetLanguage } from '../text/types';

/** What a reader would see of a character in a message: itself, unless it is invisible or broken. */
function shown(char: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `"${char}" ` : '';
}

/**
 * Checks that every character the language prints has a glyph in its font
 * stack: each string (all plural forms) with its facts filled in as the
 * language formats them, the language's own name, and the contacts.
 */
export function checkGlyphs(translation: Translation, language: TypesetLanguage, data: PamphletData): Finding[] {
  const stack = [...language.fonts.regular, ...language.fonts.bold];
  const families = [...new Set(language.fonts.regular.map((f) => f.face.familyName))].join(' + ');
  const values = formatFacts(data.facts, translation.meta);
  // Any number may fill {{count}}: all ten digits as the language writes them.
  values[COUNT_PLACEHOLDER] = numberFormat(language.locale, { useGrouping: false }).format(1234567890);
  const findings: Finding[] = [];
  // A fact over the limits on text is reported against the data, and fills no string here.
  for (const name of Object.keys(data.facts)) {
    // The fact as formatted above, without the isolate marks around it.
    const problem = textLimitProblem(values[name].slice(1, -1));
    if (!problem) continue;
    findings.push({ check: 'data', severity: 'error', file: data.files.facts, language: translation.code, key: `facts.${name}.value`, message: `as ${translation.meta.englishName} prints it, ${problem}` });
    values[name] = '';
  }
  const check = (file: string, key: string, text: string) => {
    for (const char of uncoveredCharacters(text, stack)) {
      findings.push({
        check: 'glyphs',
        severity: 'error',
        file,
        language: translation.code,
        key,
        message: `the character ${shown(char)}(${codePointLabel(char.codePointAt(0)!)}) is in no font for ${translation.meta.englishName} (${families}), so it would print as an empty box. Replace it, or add a font that has it in fonts/fonts.json.`,
      });
    }
  };
  // The translation check reports a text over the length limit; it is read no further.
  if (!isOverLength(translation.meta.name)) check(translation.file, 'meta.name', translation.meta.name);
  for (const [key, text] of flattenStrings(translation.strings)) if (!isOverLength(text)) check(translation.file, key, fillPlaceholders(text, values));
  // The contacts' data file, not the translation, is where those characters come from.
  data.contacts.forEach((contact, i) => {
    for (const field of ['phone', 'email', 'url'] as const) {
      const value = contact[field];
      if (value) check(data.files.contacts, `contacts.${i}.${field}`, value);
    }
    for (const field of ['hours', 'note'] as const) {
      const value = inLanguage(contact[field], translation.code);
      if (value) check(data.files.contacts, `contacts.${i}.${field}`, value);
    }
    contact.address?.forEach((line, j) => check(data.files.contacts, `contacts.${i}.address.${j}`, line));
    const label = contactLabel(contact, translation.code);
    if (label) check(data.files.contacts, `contacts.${i}.label`, label);
  });
  return findings;
}
