import * as path from 'node:path';
import { z } from 'zod';
import { ErrorKind, PamphletError } from './errors';
import { ReadJsonOptions, readJsonFile } from './read-json';
import { describeIssue } from './schema-issue';

type Reader = (file: string, place: object, options: ReadJsonOptions) => unknown;

/** The YAML library loads only when a YAML file is read: most runs read none. */
const readYamlFile: Reader = (...args) => (require('./read-yaml') as typeof import('./read-yaml')).readYamlFile(...args);

/** How a data file written by a person (an edition) is read, by its extension. */
const READERS: Record<string, Reader> = { '.json': readJsonFile, '.yaml': readYamlFile, '.yml': readYamlFile };

/** A value against its schema: the first problem is one error naming the file and the field, whichever format the file was in. */
function checked<S extends z.ZodTypeAny>(value: unknown, file: string, schema: S, kind: ErrorKind): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0]);
    throw new PamphletError(message, { file, key: field || undefined }, kind);
  }
  return parsed.data;
}

/**
 * A JSON file of the tool's own kinds (a format, a theme): read like every
 * input, inside its own folder, and checked against its schema; the first
 * problem is one error naming the file and the field.
 */
export function readCheckedJson<S extends z.ZodTypeAny>(file: string, schema: S, kind: ErrorKind = 'content'): z.output<S> {
  return checked(readJsonFile(file, {}, { kind, within: path.dirname(file) }), file, schema, kind);
}

/**
 * A file a person writes in JSON or YAML (an edition), read by its
 * extension, then checked by the same schema: a field's error reads the
 * same in either. Another extension is refused, saying which are read.
 */
export function readCheckedData<S extends z.ZodTypeAny>(file: string, schema: S, kind: ErrorKind = 'content'): z.output<S> {
  const extension = path.extname(file).toLowerCase();
  const read = Object.hasOwn(READERS, extension) ? READERS[extension] : undefined;
  if (!read) {
    const what = extension ? `ends in ${extension}` : 'has no extension';
    throw new PamphletError(`${what}; this file is read as JSON or YAML, chosen by its extension: ${Object.keys(READERS).join(', ')}. Rename it to end in one of those.`, { file }, kind);
  }
  return checked(read(file, {}, { kind, within: path.dirname(file) }), file, schema, kind);
}
