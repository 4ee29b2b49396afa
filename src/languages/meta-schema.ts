import { z } from 'zod';
import { plainText } from '../facts/plain-text';

/** A locale Intl accepts: formatting facts and choosing plural forms both go through it. */
function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/**
 * The ISO 15924 scripts written right to left (Unicode's ScriptInfo / CLDR):
 * Arabic and its Nastaliq variant, Hebrew, Syriac and its variants, Thaana,
 * N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan, Mende Kikakui, Yezidi,
 * and the historic ones a translation will hardly use but Intl may name.
 */
const RIGHT_TO_LEFT = new Set([
  'Adlm', 'Arab', 'Aran', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Syre', 'Syrj', 'Syrn', 'Thaa', 'Yezi',
  'Armi', 'Avst', 'Chrs', 'Cprt', 'Elym', 'Hatr', 'Hung', 'Khar', 'Lydi', 'Mani', 'Merc', 'Mero', 'Narb', 'Nbat', 'Ougr',
  'Orkh', 'Palm', 'Phli', 'Phlp', 'Phnx', 'Prti', 'Sarb', 'Sogd', 'Sogo',
]);

/**
 * Scripts that are written with other ones: Japanese (Jpan) is Han with
 * Hiragana and Katakana, Korean (Kore) is Hangul with Han, Simplified and
 * Traditional Chinese are both Han. A translation may name the part it uses
 * (ko written in Hang) or the whole, but not a sibling (zh-CN in Hant).
 */
const SCRIPT_PARTS: Record<string, string[]> = {
  Jpan: ['Hani', 'Hira', 'Kana', 'Hrkt'],
  Kore: ['Hang', 'Hani'],
  Hanb: ['Hani', 'Bopo'],
  Hans: ['Hani'],
  Hant: ['Hani'],
  Aran: ['Arab'],
  Syre: ['Syrc'], Syrj: ['Syrc'], Syrn: ['Syrc'],
  Latf: ['Latn'], Latg: ['Latn'],
  Cyrs: ['Cyrl'],
};

function sameScript(a: string, b: string): boolean {
  return a === b || (SCRIPT_PARTS[a] ?? []).includes(b) || (SCRIPT_PARTS[b] ?? []).includes(a);
}

/** The script Intl expects for a locale (explicit, or the likely one: ar -> Arab, zh-CN -> Hans); undefined if Intl does not know. */
function likelyScript(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().script;
  } catch {
    return undefined;
  }
}

/** A language's name, as printed in the list of languages: plain text of reasonable length. */
const languageName = () => plainText(z.string().min(1).max(100, 'at most 100 characters: a language name, not a sentence'));

/** A list of words kept with what follows them: each one plain text without spaces. */
const keptWords = () => z.array(plainText(z.string().min(1).max(40).regex(/^\S+$/u, 'one word, without spaces'))).max(200);

/**
 * The "meta" block of a translation. Its messages follow "must be" (see
 * describeIssue). Beyond each field's shape, the fields must agree: the
 * script is the locale's, and the direction is the script's (Arabic is
 * right to left), so a translation is never built unmirrored.
 */
export const metaSchema = z.object({
  name: languageName(),
  englishName: languageName(),
  locale: z.string().refine(isLocale, 'a BCP 47 locale such as en-CA or th-TH-u-ca-buddhist'),
  script: z.string().regex(/^[A-Z][a-z]{3}$/, 'an ISO 15924 code such as Latn or Arab'),
  direction: z.enum(['ltr', 'rtl']),
  lineBreak: z.enum(['normal', 'keep-all']),
  // A plain name, looked up in a fixed table of the patterns the tool ships: never a path.
  hyphenation: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]+)*$/, 'null or the name of a set of hyphenation patterns, such as en-us or fr (lowercase letters, digits and hyphens)').nullable(),
  // Words that never end a line (src/text/keep-together.ts): plain words of the language, a few dozen at most.
  bindToNumber: keptWords().optional(),
  // How a date is written where Intl's long form is not the usual one: {day}, {month} and {year}, each as Intl writes it ("{day} tháng {month} năm {year}").
  datePattern: plainText(z.string().max(60)).refine((p) => ['{day}', '{month}', '{year}'].every((part) => p.split(part).length === 2) && !/\{(?!day\}|month\}|year\})/.test(p), 'a pattern holding {day}, {month} and {year} once each, such as "{day} tháng {month} năm {year}"').optional(),
  // A currency's name after an amount, by ISO code, where Intl's is not how the language writes it (Portuguese "dólares canadenses", lowercase).
  currencyNames: z.record(z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CAD'), plainText(z.string().min(1).max(60))).optional(),
  bindToNext: keptWords().optional(),
  bindToPrevious: keptWords().optional(),
  // Words a word segmenter must not cut (src/text/keep-words.ts): compounds of Thai and similar scripts.
  keepWords: z.array(plainText(z.string().min(2, 'a word of at least two characters').max(60).regex(/\S/u, 'a word, not only spaces'))).max(1000).optional(),
  // CJK typography (src/text/cjk-spacing.ts): the space between Han or kana and Latin letters or digits, in em.
  interScriptSpace: z.number().min(0).max(0.5).optional(),
  compressPunctuation: z.boolean().optional(),
  // Body line spacing in em, where the language needs more than its script's (fonts.json): Vietnamese stacks two marks above a letter.
  lineSpacing: z.number().min(1).max(3).optional(),
}).superRefine((meta, ctx) => {
  const expected = likelyScript(meta.locale);
  if (expected && !sameScript(meta.script, expected)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['script'],
      message: `"${expected}", the script of the locale ${meta.locale}; if the language is written in ${meta.script}, say so in the locale (${new Intl.Locale(meta.locale, { script: meta.script }).toString()})`,
    });
  }
  const script = expected ?? meta.script;
  const direction = RIGHT_TO_LEFT.has(script) ? 'rtl' : 'ltr';
  if (meta.direction !== direction) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['direction'],
      message: `"${direction}": ${meta.locale} is written in the ${script} script, which runs ${direction === 'rtl' ? 'right to left' : 'left to right'}`,
    });
  }
});
