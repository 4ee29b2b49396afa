import { PamphletError } from '../core/errors';
import { PROJECT_CACHE, readCache, writeCache } from '../core/private-cache';
import { Translation } from './language';

/**
 * The pattern sets the `hyphen` package ships (one folder each in
 * node_modules/hyphen, aliases such as "en" included). `meta.hyphenation`
 * names one of these; the module loaded is built from this list, never from
 * the translation's text, so no translation can make the tool load a file
 * of its choosing (a test checks the list against the installed package).
 * Not "cu" (Church Slavonic): its file in hyphen 1.14.1 does not parse; not
 * "ethi", a name unlike a language tag for what "mul-ethi" also names.
 */
export const HYPHENATION_PATTERNS: readonly string[] = [
  'af', 'as', 'be', 'bg', 'bn', 'ca', 'cop', 'cs', 'cy', 'da', 'de', 'de-1901', 'de-1996', 'de-ch-1901',
  'el', 'el-monoton', 'el-polyton', 'en', 'en-gb', 'en-us', 'es', 'et', 'eu', 'fi', 'fi-x-school', 'fr',
  'fur', 'ga', 'gl', 'grc', 'gu', 'hi', 'hr', 'hsb', 'hu', 'hy', 'ia', 'id', 'is', 'it', 'ka', 'kmr', 'kn', 'la',
  'la-x-classic', 'la-x-liturgic', 'lt', 'lv', 'mk', 'ml', 'mn', 'mn-cyrl', 'mn-cyrl-x-lmc', 'mr', 'mul-ethi', 'nb',
  'nl', 'nn', 'no', 'oc', 'or', 'pa', 'pi', 'pl', 'pms', 'pt', 'rm', 'ro', 'ru', 'sa', 'sh', 'sh-cyrl', 'sh-latn',
  'sk', 'sl', 'sq', 'sr', 'sr-cyrl', 'sv', 'ta', 'te', 'th', 'tk', 'tr', 'uk', 'zh', 'zh-latn-pinyin',
];

/** What a pattern-set name looks like: a language tag in lower case. Checked before the list, so odd text never reaches a lookup. */
const NAME = /^[a-z]{2,3}(-[a-z0-9]+)*$/;

/** Module ids by name, built once from the list above. */
const MODULES = new Map(HYPHENATION_PATTERNS.map((name) => [name, `hyphen/${name}`]));

export type Hyphenate = (word: string) => string[];

const loaded = new Map<string, Hyphenate>();

/** A name as a message may show it: quoted, short, on one line. */
function shown(name: string): string {
  const quoted = JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
  return quoted.replace(/[\u2028\u2029]/g, ' ');
}

/**
 * The hyphenator named by `meta.hyphenation`: splits a word into the pieces
 * between which a hyphen may go. An unknown name, or a pattern set that does
 * not load as one, is a finding on `meta.hyphenation`.
 */
export function hyphenationPatterns(name: string, translation: Translation): Hyphenate {
  const where = { file: translation.file, language: translation.code, key: 'meta.hyphenation' };
  const id = NAME.test(name) ? MODULES.get(name) : undefined;
  if (id === undefined) {
    throw new PamphletError(`meta.hyphenation is ${shown(name)}, which is not a hyphenation pattern set this tool ships. Use null (no hyphenation) or one of: ${HYPHENATION_PATTERNS.join(', ')}.`, where);
  }
  const found = loaded.get(id);
  if (found) return found;
  let hyphenateSync: unknown;
  try {
    hyphenateSync = hyphenatorOf(name, id);
  } catch {
    hyphenateSync = undefined;
  }
  if (typeof hyphenateSync !== 'function') {
    throw new PamphletError(`the hyphenation patterns ${shown(name)} did not load from the installed hyphen package. Run npm ci to repair the installation, or set meta.hyphenation to null.`, where);
  }
  const hyphenate: Hyphenate = (word) => (hyphenateSync as (text: string, options: { hyphenChar: string }) => string)(word, { hyphenChar: '\u00AD' }).split('\u00AD');
  loaded.set(id, hyphenate);
  return hyphenate;
}

/** The parts of the hyphen package used here: a set's module, and the function each of its modules makes its hyphenators with. */
interface PatternSet {
  hyphenateSync?: unknown;
  patterns?: unknown;
}
type CreateHyphenator = (patterns: unknown) => unknown;

/** A set's patterns are 0.7 MB of JSON at most (hu, in hyphen 1.14.1); a larger file is no cache of ours. */
const MAX_PATTERN_BYTES = 4 * 1024 * 1024;

/**
 * The set's hyphenateSync, as `require(id)` gives it, made from its patterns
 * kept as JSON between runs (src/core/private-cache.ts): its module is one
 * large array literal, which a cold process took 18-24 ms to load (en-us)
 * and 29-31 ms (ru), against 9-10 ms and 14-15 ms from JSON. The JSON is written
 * from the module's own `patterns` the first time, per version of the package.
 * `id` is the set's module (MODULES); `folders`, where the JSON is kept: others only in tests.
 */
export function hyphenatorOf(name: string, id: string, folders = PROJECT_CACHE): unknown {
  const version = hyphenVersion();
  const file = `hyphen-${name}.json`;
  const kept = version && readPatterns(folders, file, version);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (kept) return (require('hyphen/hyphen.js') as CreateHyphenator)(kept);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const set = require(id) as PatternSet;
  if (version && Array.isArray(set.patterns)) writeCache(folders, file, Buffer.from(JSON.stringify({ version, patterns: set.patterns })));
  return set.hyphenateSync;
}

/** The installed hyphen package's version, the key of its patterns' cache; null if it cannot be read. */
function hyphenVersion(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require('hyphen/package.json') as { version?: unknown };
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/** The patterns kept for this version of the package, or null (none, another version, or not what was written). */
function readPatterns(folders: string[], file: string, version: string): unknown[] | null {
  const data = readCache(folders, file, MAX_PATTERN_BYTES);
  if (!data) return null;
  try {
    const kept = JSON.parse(data.toString('utf8')) as { version?: unknown; patterns?: unknown };
    return kept.version === version && Array.isArray(kept.patterns) && kept.patterns.length >= 2 ? kept.patterns : null;
  } catch {
    return null;
  }
}
