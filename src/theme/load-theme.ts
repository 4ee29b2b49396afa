import { readCheckedJson } from '../core/read-checked-json';
import { besideTemplate } from '../format/load-format';
import { resolveTheme, Theme, themeSchema } from './theme';

const loaded = new Map<string, Theme>();

/** The theme a template names (templates/themes/<name>.json), read once per process; its problems name the theme file. */
export function loadTheme(templateFile: string, name: string): Theme {
  const file = besideTemplate(templateFile, 'themes', name, 'theme');
  const known = loaded.get(file);
  if (known) return known;
  const theme = resolveTheme(readCheckedJson(file, themeSchema), name);
  loaded.set(file, theme);
  return theme;
}
