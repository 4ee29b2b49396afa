/** A language code as used for file names: `en`, `th`, `ar` (BCP 47 primary tag). */
export type LanguageCode = string;
/** The language translators translate from: its keys and placeholders are the reference. */
export const SOURCE_LANGUAGE: LanguageCode = 'en';
/** An ISO 15924 script code naming a font stack in fonts/fonts.json: `Latn`, `Arab`, `Hans`. */
export type ScriptCode = string;
export type Direction = 'ltr' | 'rtl';
/**
 * How lines may break. `normal`: UAX #14 opportunities, with dictionary word
 * boundaries for scripts written without spaces (Thai). `keep-all`: no breaks
 * inside words, only at spaces and punctuation (Korean).
 */
export type LineBreakRule = 'normal' | 'keep-all';

/** What shared code needs to know to typeset a language: data, not code. */
export interface LanguageMeta {
  /** The language's own name, in its own script (endonym). */
  name: string;
  englishName: string;
  /** BCP 47 locale for Intl formatting, with extensions (e.g. th-TH-u-ca-buddhist). */
  locale: string;
  script: ScriptCode;
  direction: Direction;
  lineBreak: LineBreakRule;
  /** Name of a hyphenation pattern set of the `hyphen` package, or null. */
  hyphenation: string | null;
  /** Words kept on the line of the number or fact after them ("article" 118, "section" 118). */
  bindToNumber?: string[];
  /** Short words never left at a line end, kept with the word after them (Russian в, с, и, на…). */
  bindToNext?: string[];
  /** Short words never at a line start, kept with the word before them (Hindi helper verbs है, हैं, लें…). */
  bindToPrevious?: string[];
  /** Words a word segmenter must not cut, such as Thai compounds (ผู้ค้ามนุษย์); " ๆ" keeps a mark with the word before it. */
  keepWords?: string[];
  /** Space between a Han or kana character and a Latin letter or digit next to it, in em (CLREQ: about 0.25). */
  interScriptSpace?: number;
  /** Two fullwidth punctuation marks in a row take half an em less ("）；", "。」"), by the font's halt feature. */
  compressPunctuation?: boolean;
  /** How a date is written where Intl's long form is not the usual one: "{day} tháng {month} năm {year}". */
  datePattern?: string;
  /** A currency's name after an amount, by ISO code, where Intl's is not the language's (Portuguese "dólares canadenses"). */
  currencyNames?: Record<string, string>;
  /** Body line spacing in em, when the language needs more than its script's in fonts.json (Vietnamese: marks stacked two high). */
  lineSpacing?: number;
}

/** Nested translation strings as written by translators. */
export interface StringTree {
  [key: string]: string | StringTree;
}

export interface Translation {
  code: LanguageCode;
  file: string;
  meta: LanguageMeta;
  strings: StringTree;
  /**
   * For each translated string (dotted key), the short hash of the English
   * text it was translated from (src/i18n/source-hash.ts); absent for the
   * source language and for a file that records none.
   */
  sources?: Record<string, string>;
  /** Made from the source language when loaded (en-XA, ar-XB), never stored: `file` is the source's. */
  pseudo?: boolean;
}
