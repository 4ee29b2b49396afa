import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { PamphletError } from '../core/errors';
import { readJsonFile } from '../core/read-json';
import { keyPath } from '../core/key-path';
import { describeIssue } from '../core/schema-issue';
import { LanguageCode, SOURCE_LANGUAGE, Translation, StringTree } from './language';
import { isPseudoLocale, pseudoTranslation } from './pseudo-locales';
import { metaSchema } from './meta-schema';
import { SOURCE_HASH_PATTERN } from '../i18n/source-hash';
import { PROJECT_ROOT } from '../core/project-root';

const languageCodePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A string key: i18next reads a dot as a step into a group, so "cover.title"
 * beside a group "cover" would make two strings of one key, and an empty key
 * none. Plain names only.
 */
const stringKey = z.string().regex(/^[^.\s]+$/, 'a plain name without dots or spaces (groups are written as nested objects)');

const stringTree: z.ZodType<StringTree> = z.lazy(() => z.record(stringKey, z.union([z.string(), stringTree])));

/** The English each string was translated from: dotted key -> its short hash (src/i18n/source-hash.ts). */
const sourcesSchema = z.record(z.string().regex(/^[^\s]+$/, 'a dotted string key'), z.string().regex(SOURCE_HASH_PATTERN, '8 lowercase hex digits, as pamphlet import writes them'));

const fileSchema = z.object({ meta: metaSchema, strings: stringTree, sources: sourcesSchema.optional() }).strict();

/** The language codes that have a translation file in `dir`, sorted. */
export function listLanguages(dir: string): LanguageCode[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new PamphletError(`the translations folder ${dir} cannot be read. Pass --translations with a folder of <code>.json files.`, {}, 'usage');
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((code) => languageCodePattern.test(code))
    .sort();
}

/** True when anything, even a dangling link, is at `file`: existsSync follows links and would say no. */
function entryExists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Checks that a code asked for on the command line is a plain language code, not a path. */
export function assertLanguageCode(code: string): LanguageCode {
  if (!languageCodePattern.test(code)) {
    throw new PamphletError(`"${code}" is not a language code. Use codes such as en, fr, th (see \`pamphlet languages\`).`, {}, 'usage');
  }
  return code;
}

/** The translations pamphlet ships: the source language comes from here when a folder holds only a delivered file. */
export const SHIPPED_TRANSLATIONS = path.join(PROJECT_ROOT, 'translations');

/** The folder the source language is read from: `dir`, or the shipped translations when `dir` has no en.json. */
export function sourceFolder(dir: string): string {
  return entryExists(path.join(dir, `${SOURCE_LANGUAGE}.json`)) ? dir : SHIPPED_TRANSLATIONS;
}

/** A language that can be asked for in `dir`: one with a file there, the source language (shipped) or a pseudo-locale. */
export function isKnownLanguage(dir: string, code: LanguageCode): boolean {
  return code === SOURCE_LANGUAGE || isPseudoLocale(code) || listLanguages(dir).includes(code);
}

/**
 * A language's translation: its file in `dir`; for the source language, the
 * shipped one when `dir` holds only delivered files; a pseudo-locale made
 * from the source language.
 */
export function loadTranslation(dir: string, code: LanguageCode): Translation {
  assertLanguageCode(code);
  if (isPseudoLocale(code)) return pseudoTranslation(loadTranslation(dir, SOURCE_LANGUAGE), code);
  if (code === SOURCE_LANGUAGE) dir = sourceFolder(dir);
  const file = path.join(dir, `${code}.json`);
  if (!entryExists(file)) {
    const known = listLanguages(dir).join(', ');
    throw new PamphletError(`there is no translation for "${code}" (no file ${file}). Known languages: ${known}.`, { language: code }, 'usage');
  }
  // Whatever is wrong with the file itself (a dangling link, a folder, a FIFO, bad bytes) is that language's finding.
  const json = readJsonFile(file, { language: code }, { kind: 'content', within: dir });
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { field, message } = issue.path[0] === 'strings' && issue.code === 'invalid_union'
      ? { field: firstNonText((json as { strings: unknown }).strings) ?? keyPath(issue.path.slice(1)), message: 'must be text in double quotes (or a group of strings in braces).' }
      : describeIssue(issue);
    // The file's shape is worth explaining only when a whole part of it is wrong.
    const shape = field.includes('.') ? '' : ' The file needs a "meta" object (name, englishName, locale, script, direction, lineBreak, hyphenation) and a "strings" object.';
    throw new PamphletError(`${message}${shape}`, { file, language: code, key: field || undefined });
  }
  assertLocaleOfLanguage(code, parsed.data.meta.locale, file);
  return { code, file, meta: parsed.data.meta, strings: parsed.data.strings, ...(parsed.data.sources ? { sources: parsed.data.sources } : {}) };
}

/**
 * The locale must be one of the file's language: the direction, script and
 * plural checks all go by the locale, so ar.json with the locale en-US would
 * pass them as English and print Arabic unmirrored.
 */
function assertLocaleOfLanguage(code: LanguageCode, locale: string, file: string): void {
  const languageOf = (tag: string) => {
    try {
      return new Intl.Locale(tag).language;
    } catch {
      return undefined;
    }
  };
  // Intl knows the aliases: tl.json may be written fil, iw.json he.
  const expected = languageOf(code);
  const actual = languageOf(locale);
  if (expected !== undefined && actual !== expected) {
    const of = actual === undefined || actual === 'und' ? 'of no language' : `of the language "${actual}"`;
    throw new PamphletError(`must be a locale of the file's language, such as ${code} or ${code} with a region: "${locale}" is a locale ${of}.`, { file, language: code, key: 'meta.locale' });
  }
}

/** The dotted key of the first value in a string tree that is neither text nor a group; null if none. */
function firstNonText(tree: unknown, path: string[] = []): string | null {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return path.length ? keyPath(path) : null;
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') continue;
    const found = firstNonText(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Flattens nested strings to dotted keys: { cover: { title } } -> "cover.title". */
export function flattenStrings(tree: StringTree): ReadonlyMap<string, string> {
  let flat = flattened.get(tree);
  if (!flat) {
    flat = new Map();
    addStrings(flat, tree, '');
    flattened.set(tree, flat);
  }
  return flat;
}

/**
 * Each tree's strings flattened once: the checks of every language read the source's again (a batch of
 * 14 languages flattened it some 60 times), and nothing changes a translation's tree once it is read.
 */
const flattened = new WeakMap<StringTree, Map<string, string>>();

function addStrings(flat: Map<string, string>, tree: StringTree, prefix: string): void {
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(dotted, value);
    else addStrings(flat, value, dotted);
  }
}
