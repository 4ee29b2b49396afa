import * as path from 'node:path';

/** A path as the person at the terminal would type it: relative to where they are, when inside it. */
export function displayPath(file: string, cwd?: string): string;
export function displayPath(file: string | undefined, cwd?: string): string | undefined;
export function displayPath(file: string | undefined, cwd = process.cwd()): string | undefined {
  if (!file) return undefined;
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
