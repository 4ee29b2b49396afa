import * as path from 'node:path';
import { PamphletError } from '../core/errors';
import { readJsonFile } from '../core/read-json';
import { describeIssue } from '../core/schema-issue';
import { besideTemplate } from '../format/load-format';
import { resolveTheme, Theme, themeSchema } from './theme';

const loaded = new Map<string, Theme>();

/** The theme a template names (templates/themes/<name>.json), read once per process; its problems name the theme file. */
export function loadTheme(templateFile: string, name: string): Theme {
  const file = besideTemplate(templateFile, 'themes', name, 'theme');
  const known = loaded.get(file);
  if (known) return known;
  const parsed = themeSchema.safeParse(readJsonFile(file, {}, { within: path.dirname(file) }));
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0]);
    throw new PamphletError(message, { file, key: field || undefined });
  }
  const theme = resolveTheme(parsed.data, name);
  loaded.set(file, theme);
  return theme;
}
