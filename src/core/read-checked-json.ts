import * as path from 'node:path';
import { z } from 'zod';
import { ErrorKind, PamphletError } from './errors';
import { readJsonFile } from './read-json';
import { describeIssue } from './schema-issue';

/**
 * A JSON file of the tool's own kinds (a format, a theme, an edition): read
 * like every input, inside its own folder, and checked against its schema;
 * the first problem is one error naming the file and the field.
 */
export function readCheckedJson<S extends z.ZodTypeAny>(file: string, schema: S, kind: ErrorKind = 'content'): z.output<S> {
  const parsed = schema.safeParse(readJsonFile(file, {}, { kind, within: path.dirname(file) }));
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0]);
    throw new PamphletError(message, { file, key: field || undefined }, kind);
  }
  return parsed.data;
}
