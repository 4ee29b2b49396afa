import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from './project-root';

/**
 * Files the tool keeps between runs to start faster (V8's code cache of its
 * bundles, src/cli/code-cache.ts; hyphenation patterns as JSON,
 * src/languages/hyphenation-patterns.ts; which large fonts' checksums were
 * verified, src/fonts/verified-fonts.ts): only a cache, never needed, so
 * every failure here means doing the work instead. They are read only from
 * a folder that this user alone (or root) can write to: code is run from
 * some of them, and a font's checksums are taken on their word.
 */

/** `<root>/node_modules/.cache/pamphlet` (cleared with node_modules), else the system's temporary folder. */
export function cacheFoldersOf(root: string): string[] {
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  return [path.join(root, 'node_modules', '.cache', 'pamphlet'), path.join(os.tmpdir(), `pamphlet-code-cache${user}`)];
}

/** The project's cache folders. (The code cache finds its own from its bundle's place, before any of this is loaded.) */
export const PROJECT_CACHE = cacheFoldersOf(PROJECT_ROOT);

/** The file `name` from the first folder that has it and that only this user can write to. */
export function readCache(folders: string[], name: string, maxBytes = Infinity): Buffer | undefined {
  for (const folder of folders) {
    try {
      if (!isPrivate(folder)) continue;
      const file = path.join(folder, name);
      if (fs.statSync(file).size > maxBytes) continue;
      return fs.readFileSync(file);
    } catch {
      // Not there or unreadable: try the next, else do without.
    }
  }
  return undefined;
}

function isPrivate(folder: string): boolean {
  const stat = fs.lstatSync(folder);
  if (!stat.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return (stat.uid === process.getuid() || stat.uid === 0) && (stat.mode & 0o022) === 0;
}

/**
 * Writes `data` as `name` in the first of `folders` it can, whole under a temporary name (the
 * process's and thread's), then renamed: a concurrent run or worker reads the old file, the new
 * one or none, never half of one. `written` is told the folder. Returns whether it was written.
 */
export function writeCache(folders: string[], name: string, data: Buffer, written?: (folder: string) => void): boolean {
  // Required here, not at the top: node:worker_threads takes some 5 ms to load, and a run seldom writes a cache.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { threadId } = require('node:worker_threads') as typeof import('node:worker_threads');
  for (const folder of folders) {
    const temporary = path.join(folder, `${name}.${process.pid}.${threadId}.tmp`);
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o755 });
      if (!isPrivate(folder)) continue;
      fs.writeFileSync(temporary, data, { mode: 0o644 });
      fs.renameSync(temporary, path.join(folder, name));
      written?.(folder);
      return true;
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing more to do: the cache is only a cache.
      }
    }
  }
  return false;
}
