import * as fs from 'node:fs';
import * as path from 'node:path';
import { didYouMean } from '../check/edit-distance';
import { displayPath } from '../core/display-path';
import { PamphletError } from '../core/errors';
import { keyPath, quoteKey } from '../core/key-path';
import { INPUT_LIMITS } from '../core/read-input';
import { readJsonFile } from '../core/read-json';
import { PAPER_NAMES } from '../imposition/paper';
import { parsePiece } from '../languages/piece-languages';
import { PRINT_TARGETS } from '../print/print-target';
import { MAX_JOBS } from '../parallel/jobs';

/**
 * pamphlet.config.json: a project's defaults for the options, looked up in
 * the current folder (or named by --config). It is input like any other:
 * read by the one reader (a regular file, size-capped, strict JSON), every
 * key known, every value checked, each problem one usage error naming the
 * file and the key.
 */
export const CONFIG_FILE = 'pamphlet.config.json';

export interface ConfigValues {
  lang: string;
  paper: string;
  print: string;
  json: boolean;
  edition: string;
  out: string;
  translations: string;
  template: string;
  data: string;
  fonts: string;
  /** Worker threads for build (--jobs), as digits; unset: by the machine's cores. */
  jobs: string | undefined;
}

export type ConfigKey = keyof ConfigValues;

/** Options whose value is a path: a relative one in the file is read from the file's folder. */
const PATH_KEYS = ['edition', 'out', 'translations', 'template', 'data', 'fonts'] as const;
export const CONFIG_KEYS: readonly ConfigKey[] = ['lang', 'paper', 'print', 'json', 'jobs', ...PATH_KEYS];

export interface ProjectConfig {
  /** As given (--config) or found (pamphlet.config.json), for messages. */
  file: string;
  /** The folder relative paths in the file were resolved against. */
  folder: string;
  /** The defaults it sets; paths absolute. */
  values: Partial<ConfigValues>;
}

/** The config file to read: the one --config names, else pamphlet.config.json in the current folder if anything is there; null for none. */
export function findConfigFile(explicit: string | undefined, cwd = process.cwd()): string | null {
  if (explicit !== undefined) return explicit;
  try {
    // Anything at that name, even a FIFO or a dangling link, is read (and refused by the reader with its reason).
    fs.lstatSync(path.join(cwd, CONFIG_FILE));
    return CONFIG_FILE;
  } catch {
    return null;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A list option (lang, paper) as one comma-separated string, each part checked by `check`. */
function listValue(value: unknown, fail: (message: string) => never, example: string, check: (part: string) => void): string {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value as string[] : null;
  if (!parts) fail(`must be a string such as ${example}, or a list of strings, not ${kindOf(value)}${Array.isArray(value) ? ' holding other values' : ''}.`);
  if (parts.length === 0) fail(`is an empty list; give names such as ${example}, or remove the key to use the default.`);
  const trimmed = parts.map((part) => part.trim());
  for (const part of trimmed) {
    if (part === '') fail(`has an empty entry; give names such as ${example}.`);
    if (part !== 'all') check(part);
  }
  return trimmed.join(',');
}

/** One key's value, checked; a path made absolute against the config file's folder. */
function configValue(key: ConfigKey, value: unknown, folder: string, fail: (message: string) => never): string | boolean {
  switch (key) {
    case 'json':
      if (typeof value !== 'boolean') fail(`must be true or false, not ${kindOf(value)}.`);
      return value;
    case 'lang':
      return listValue(value, fail, '"th,ar"', (code) => {
        try {
          parsePiece(code);
        } catch {
          // Quoted as JSON: a line break or a control character in the value must not break the one-line message.
          fail(`names ${quoteKey(code)}, which is not a language code. Use codes such as en, fr, th (see \`pamphlet languages\`).`);
        }
      });
    case 'paper':
      return listValue(value, fail, '"letter"', (name) => {
        if (!(PAPER_NAMES as readonly string[]).includes(name)) fail(`names an unknown paper ${quoteKey(name)}. Use ${PAPER_NAMES.join(', ')} or all.`);
      });
    case 'jobs':
      // As --jobs takes it (src/parallel/jobs.ts); a number here, as JSON has them.
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_JOBS) fail(`must be a whole number of worker threads from 1 to ${MAX_JOBS}, such as 4, not ${typeof value === 'number' ? value : kindOf(value)}. Remove it to use the machine's cores.`);
      return String(value);
    case 'print':
      return listValue(value, fail, '"office,shop"', (name) => {
        if (!(PRINT_TARGETS as readonly string[]).includes(name)) fail(`names an unknown print target ${quoteKey(name)}. Use ${PRINT_TARGETS.join(', ')} or all.`);
      });
    default:
      if (typeof value !== 'string') fail(`must be a path in double quotes, not ${kindOf(value)}.`);
      if (value.trim() === '') fail('is empty; give it a path, or remove the key to use the default.');
      if (/\p{Cc}/u.test(value)) fail(`is ${quoteKey(value)}, which has a control character (a line break?); no path needs one. Fix the path.`);
      return path.resolve(folder, value);
  }
}

/** Reads and checks a config file; any problem is a usage error naming the file (and the key). */
export function readConfigFile(file: string): ProjectConfig {
  const json = readJsonFile(file, {}, { kind: 'usage', maxBytes: INPUT_LIMITS.configBytes });
  const failAt = (key: string | undefined) => (message: string): never => {
    throw new PamphletError(message, { file, key }, 'usage');
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    failAt(undefined)(`must hold one JSON object of option defaults, such as {"lang": "all", "paper": "letter"}, not ${kindOf(json)}.`);
  }
  const folder = path.dirname(path.resolve(file));
  const values: Partial<Record<ConfigKey, string | boolean>> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const fail = failAt(keyPath([key]));
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      fail(`is not an option this file can set.${didYouMean(key, CONFIG_KEYS)} Its keys are ${CONFIG_KEYS.join(', ')}.`);
    }
    values[key as ConfigKey] = configValue(key as ConfigKey, value, folder, fail);
  }
  return { file, folder, values: values as Partial<ConfigValues> };
}

/** Input paths the config file sets must exist; said here, so the message names the config file rather than an option. */
export function assertConfigPathExists(config: ProjectConfig, key: ConfigKey, value: string): void {
  if (fs.existsSync(value)) return;
  throw new PamphletError(
    `${displayPath(value)} does not exist. Fix the path; a relative path in this file is read from its folder, ${config.folder}.`,
    { file: config.file, key }, 'usage');
}
