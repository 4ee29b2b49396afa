import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from './project-root';

/**
 * A file of a package the tool depends on: `file` inside `name` in the
 * project's node_modules (one stat), else `specifier` as require.resolve
 * finds it. require.resolve reads the package's "exports", and the first
 * time loads Node's ESM resolver to do so: some 4 ms of every start.
 * Only names and files the tool gives (never text from the content).
 */
export function packageFile(name: string, file: string, specifier: string): string {
  const near = path.join(PROJECT_ROOT, 'node_modules', name, file);
  return fs.existsSync(near) ? near : require.resolve(specifier);
}
