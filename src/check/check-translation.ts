import { Finding } from '../core/finding';
import { codePointLabel, PamphletError } from '../core/errors';
import { brokenPlaceholder, COUNT_PLACEHOLDER, foreignPlaceholdersOf, placeholdersOf } from '../i18n/placeholders';
import { pluralCategories, PluralCategory, splitPluralKey } from '../i18n/plural-forms';
import { flattenStrings } from '../languages/load-translations';
import { Translation } from '../languages/language';
import { translatorStringToMarkup } from '../template/inline-markup';
import { isOverLength, textLimitProblem } from '../text/text-limits';
import { didYouMean } from './edit-distance';
import { staleFindings } from './stale-strings';

/** A source string as a message quotes it: whole, unless it is far longer than any real one. */
function excerpt(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Plural forms for exactly one small number, which languages often write in words ("two departments"). */
const COUNT_MAY_BE_WORDS: PluralCategory[] = ['zero', 'one', 'two'];

/**
 * The keys a language must have, each with the source key it translates:
 * every plain key of the source, and each plural key in the language's own
 * forms (compared with the source's "other" form).
 */
function requiredKeys(source: ReadonlyMap<string, string>, translation: Translation): Map<string, string> {
  const required = new Map<string, string>();
  const forms = pluralCategories(translation.code);
  for (const key of source.keys()) {
    const plural = splitPluralKey(key);
    if (plural && source.has(`${plural.base}_other`)) {
      for (const form of forms) required.set(`${plural.base}_${form}`, `${plural.base}_other`);
    } else required.set(key, key);
  }
  return required;
}

/**
 * Checks one translation against the source language: keys, plural forms,
 * placeholders, empty strings, markup and broken characters.
 */
export function checkTranslation(translation: Translation, source: Translation, factNames: Set<string> | null): Finding[] {
  const findings: Finding[] = [];
  const { code, file } = translation;
  const add = (key: string, message: string, severity: Finding['severity'] = 'error') =>
    findings.push({ check: 'translation', severity, file, language: code, key, message });
  const sourceStrings = flattenStrings(source.strings);
  const strings = flattenStrings(translation.strings);
  const required = requiredKeys(sourceStrings, translation);
  const formList = pluralCategories(code).join(', ');

  const endonymProblem = textLimitProblem(translation.meta.name);
  if (endonymProblem) add('meta.name', endonymProblem);

  for (const [key, against] of required) {
    if (strings.has(key)) continue;
    const plural = splitPluralKey(key);
    if (plural && key !== against) {
      add(key, `the plural form "${plural.category}" is missing. ${translation.meta.englishName} needs the forms ${formList} for "${plural.base}". Add "${key}".`);
    } else {
      add(key, `the string is missing. Add it, translating "${excerpt(sourceStrings.get(key)!)}" from ${source.code}.json.`);
    }
  }

  for (const [key, text] of strings) {
    const against = required.get(key);
    if (against === undefined) {
      const plural = splitPluralKey(key);
      if (plural && sourceStrings.has(`${plural.base}_other`)) {
        add(key, `${translation.meta.englishName} has no plural form "${plural.category}" (its forms are ${formList}), so this string is never printed. Remove it.`, 'warning');
      } else {
        const missing = [...required.keys()].filter((k) => !strings.has(k));
        add(key, `this key is not in the source ${source.code}.json, so the template never prints it.${didYouMean(key, missing)} Remove it or fix its name.`);
      }
      continue;
    }
    // Before anything else reads the string: a megabyte of text must cost one pass, not a layout.
    const overLimit = textLimitProblem(text);
    if (overLimit) {
      add(key, overLimit);
      if (isOverLength(text)) continue;
    }
    // Nothing a reader would see: spaces, no-break spaces, zero-width characters.
    if (!/[^\s\p{Default_Ignorable_Code_Point}]/u.test(text)) {
      add(key, `the string is empty. Translate "${excerpt(sourceStrings.get(against)!)}" from ${source.code}.json.`);
      continue;
    }
    const report = (message: string) => add(key, message);
    if (NESTING.test(text)) {
      report(`"$t(" would print another string inside this one in some tools; pamphlet prints it as it is. Write the words themselves.`);
    }
    checkPlaceholders(text, sourceStrings.get(against)!, splitPluralKey(key)?.category, factNames, report);
    checkCharacters(text, report);
    const override = translation.pseudo ? null : BIDI_OVERRIDE.exec(text);
    if (override) {
      add(key, `the text has the invisible direction control ${codePointLabel(override[0].codePointAt(0)!)}, which can print letters in reverse. Remove it; if a phrase needs its own direction, use the isolates U+2066 to U+2069 instead.`, 'warning');
    }
    try {
      translatorStringToMarkup(text, {});
    } catch (error) {
      if (!(error instanceof PamphletError)) throw error;
      report(error.detail);
    }
  }
  findings.push(...staleFindings(translation, source));
  return findings;
}

/** `factNames` null: the data is not at hand, so only the source string is the reference. */
function checkPlaceholders(text: string, sourceText: string, category: PluralCategory | undefined, factNames: Set<string> | null, report: (message: string) => void): void {
  const broken = brokenPlaceholder(text);
  if (broken) {
    report(`"${broken}" is not a placeholder: the reader would see the braces. Write a placeholder with two braces on each side, as in {{maxFine}}.`);
  }
  const own = placeholdersOf(text);
  const expected = placeholdersOf(sourceText);
  const expectedList = expected.map((n) => `{{${n}}}`).join(' ') || 'none';
  // A name translated along with the sentence: paired, in order, with the English placeholders the string lacks.
  const lacking = expected.filter((name) => !own.includes(name));
  const renamed = new Set<string>();
  foreignPlaceholdersOf(text).forEach((name, i) => {
    const english = lacking[i];
    if (english !== undefined) renamed.add(english);
    report(`{{${name}}}: placeholder names stay as in English: ${english !== undefined ? `{{${english}}}` : expectedList}. Only the words around a placeholder are translated.`);
  });
  for (const name of own) {
    if (factNames && name !== COUNT_PLACEHOLDER && !factNames.has(name)) {
      report(`{{${name}}} names no fact in the data.${didYouMean(name, factNames, (c) => `{{${c}}}`)} Use the placeholders of the source text: ${expectedList}.`);
    } else if (!expected.includes(name)) {
      report(`{{${name}}} is not in the source text. Use the placeholders of the source text: ${expectedList}.`);
    }
  }
  for (const name of expected) {
    if (own.includes(name) || renamed.has(name)) continue;
    if (name === COUNT_PLACEHOLDER && category && COUNT_MAY_BE_WORDS.includes(category)) continue;
    report(`the placeholder {{${name}}} is missing, so its fact would not be printed. Put it in the sentence where it belongs, as the source does: "${excerpt(sourceText)}".`);
  }
}

/** i18next's nesting syntax: switched off in pamphlet (a string could pull in others, without end), so it would print as typed. */
const NESTING = /\$t\(/;

/** Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO): pasted by accident more often than meant. */
const BIDI_OVERRIDE = /[\u202A-\u202E]/u;

/** Characters that are never right in printed text: broken UTF-16 and control codes. */
function checkCharacters(text: string, report: (message: string) => void): void {
  // By code point, without a string per character (a lone surrogate comes as itself, as in a for-of).
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      report(`the text has a broken character (${codePointLabel(cp)}, half of a surrogate pair); an editor probably damaged the file. Retype the words around it.`);
      return;
    }
    if (cp === 0xfffd) {
      report(`the text has the replacement character U+FFFD (\uFFFD), which an editor puts where it could not read a character: a letter was lost on the way. Retype the words around it.`);
      return;
    }
    // Tabs and line ends are whitespace, set as spaces; other control codes print as nothing or a box.
    if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp < 0xa0)) {
      report(`the text has the invisible control character ${codePointLabel(cp)}. Remove it; use <br> for a line break.`);
      return;
    }
  }
}
