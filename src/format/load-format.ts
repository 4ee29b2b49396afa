import * as fs from 'node:fs';
import * as path from 'node:path';
import { PamphletError } from '../core/errors';
import { readCheckedJson } from '../core/read-checked-json';
import { Format, formatSchema } from './format';
import { PROJECT_ROOT } from '../core/project-root';

/** A format or theme is named by a plain name, never a path: looked up in a fixed folder. */
const PLAIN_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** The shipped templates, whose formats and themes a template elsewhere may use. */
export const SHIPPED_TEMPLATES = path.join(PROJECT_ROOT, 'templates');

/**
 * Where a template's named file is: in the `folder` beside the template
 * (templates/formats/trifold.json), else beside the shipped templates. The
 * name is checked to be a plain name first: a template is untrusted input.
 */
export function besideTemplate(templateFile: string, folder: string, name: string, what: string): string {
  if (!PLAIN_NAME.test(name)) {
    throw new PamphletError(`the template names the ${what} "${name.slice(0, 64)}"; a ${what} is named by a plain name (lowercase letters, digits, "-"), found in ${folder}/ beside the template.`, { file: templateFile });
  }
  for (const dir of [path.join(path.dirname(templateFile), folder), path.join(SHIPPED_TEMPLATES, folder)]) {
    const file = path.join(dir, `${name}.json`);
    if (fs.existsSync(file)) return file;
  }
  throw new PamphletError(`the template names the ${what} "${name}", but there is no ${folder}/${name}.json beside it or beside the shipped templates. Add the file or fix the name.`, { file: templateFile });
}

const loaded = new Map<string, Format>();

/** The format a template names, read once per process. Its problems are errors of the template's content, naming the format file. */
export function loadFormat(templateFile: string, name: string): Format {
  const file = besideTemplate(templateFile, 'formats', name, 'format');
  const known = loaded.get(file);
  if (known) return known;
  const format = { ...readCheckedJson(file, formatSchema), name, file };
  loaded.set(file, format);
  return format;
}
