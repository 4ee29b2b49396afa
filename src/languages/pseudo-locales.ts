import { pluralCategories, splitPluralKey } from '../i18n/plural-forms';
import { LanguageCode, LanguageMeta, StringTree, Translation } from './language';

/**
 * Pseudo-locales for testing the layout, made from the source language each
 * time they are loaded and never stored:
 * - en-XA: accented and about 40 % longer, in brackets, so text that would
 *   not fit a longer language, or is cut off, shows (and letters with marks
 *   above and below test line spacing);
 * - ar-XB: the English text forced right to left (each string inside RLO …
 *   PDF), set with the Arabic language data, so layout that does not mirror
 *   shows. Its Latin letters come from the Latin font of the Arabic stack.
 */
export const PSEUDO_LOCALES = ['en-XA', 'ar-XB'] as const;
export type PseudoLocale = (typeof PSEUDO_LOCALES)[number];

export function isPseudoLocale(code: LanguageCode): code is PseudoLocale {
  return (PSEUDO_LOCALES as readonly string[]).includes(code);
}

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]]),
);

/** Words added to lengthen a string: accented too, so they take the room accented text takes. */
const PADDING = ['öñé', 'ţŵö', 'ţĥŕéé', 'ƒöûŕ', 'ƒîṽé', 'šîẋ', 'šéṽéñ', 'éîĝĥţ', 'ñîñé', 'ţéñ'];

/** What a translator's string holds besides text: markup tags and placeholders, kept as they are. */
const UNTOUCHED = /(<[^<>]*>|\{\{[^{}]*\}\})/;

/** How much longer than the English: 40 %, as German or Finnish often are. */
const EXPANSION = 0.4;

export function accentedAndLonger(text: string): string {
  let letters = 0;
  const accented = text.split(UNTOUCHED).map((part, i) => {
    if (i % 2 === 1) return part;
    letters += part.length;
    // Entities are not markup here: a translator's string has no &…; to keep.
    return [...part].map((c) => ACCENTED[c] ?? c).join('');
  }).join('');
  const padding: string[] = [];
  for (let added = 0, i = 0; added < letters * EXPANSION; i++) {
    const word = PADDING[i % PADDING.length];
    padding.push(word);
    added += word.length + 1;
  }
  return `[${accented}${padding.length ? ` ${padding.join(' ')}` : ''}]`;
}

/** Right-to-left override … pop directional formatting: the English shows mirrored, as in an RTL language. */
export function forcedRightToLeft(text: string): string {
  return `\u202E${text}\u202C`;
}

function mapTree(tree: StringTree, fn: (text: string) => string): StringTree {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? fn(value) : mapTree(value, fn)]));
}

/**
 * A language's plural forms from the source's: `one` from the source's one,
 * every other form (Arabic's zero, two, few, many) from its other.
 */
function withPluralForms(tree: StringTree, code: LanguageCode): StringTree {
  const forms = pluralCategories(code);
  const out: StringTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') {
      out[key] = withPluralForms(value, code);
      continue;
    }
    const plural = splitPluralKey(key);
    if (!plural || !(`${plural.base}_other` in tree)) {
      out[key] = value;
      continue;
    }
    if (plural.category !== 'other') continue;
    for (const form of forms) out[`${plural.base}_${form}`] = (form === 'one' ? (tree[`${plural.base}_one`] as string | undefined) : undefined) ?? value;
  }
  return out;
}

/** Each pseudo-locale: how its strings are made from the source's, and the language data it overrides. */
const PSEUDO: Record<PseudoLocale, { transform: (text: string) => string; meta: Partial<LanguageMeta> }> = {
  'en-XA': { transform: accentedAndLonger, meta: { name: '[Éñĝļîšĥ] en-XA', englishName: 'Pseudo-locale: accented, 40% longer (en-XA)', locale: 'en-XA', script: 'Latn', direction: 'ltr' } },
  // Arabic's own language data, but no Arabic words to keep together and Latin line spacing: the text is English,
  // and Arabic's 1.7 em (for its marks) would make the English panels overflow where English fits.
  'ar-XB': { transform: forcedRightToLeft, meta: { name: 'ar-XB', englishName: 'Pseudo-locale: English right to left (ar-XB)', locale: 'ar-XB', script: 'Arab', direction: 'rtl', lineSpacing: 1.35, bindToNumber: undefined, bindToNext: undefined, bindToPrevious: undefined, keepWords: undefined } },
};

/** The pseudo-locale made from the source language's translation (its `file` stays the source's: that is where to fix a string). */
export function pseudoTranslation(source: Translation, code: PseudoLocale): Translation {
  const { transform, meta: own } = PSEUDO[code];
  const meta = { ...source.meta, ...own } as LanguageMeta;
  for (const key of Object.keys(meta) as (keyof LanguageMeta)[]) if (meta[key] === undefined) delete meta[key];
  return { code, file: source.file, meta, strings: withPluralForms(mapTree(source.strings, transform), code), pseudo: true };
}
