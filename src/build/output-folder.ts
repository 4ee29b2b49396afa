import * as fs from 'node:fs';
import * as path from 'node:path';
import { PamphletError } from '../core/errors';

/** At most this many folders are made for one output folder: a path deeper than that is a mistake. */
export const MAX_NEW_FOLDERS = 32;

/** What a file-system error means to the person who chose the folder. */
export function folderProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EROFS': return 'it is on a read-only file system';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    case 'ENOSPC': return 'the disk is full';
    case 'EDQUOT': return 'the disk quota is used up';
    case 'ENAMETOOLONG': return 'the path is too long';
    case 'ELOOP': return 'the path has a loop of symbolic links';
    case 'EISDIR': return 'a folder is in the way';
    case 'EEXIST': return 'a file is in the way';
    case 'EIO': return 'the disk reported an input/output error';
    // The parent exists but refuses a new entry, as /proc does.
    case 'ENOENT': return 'this file system does not allow new folders there';
    default: return e?.code ?? String((error as Error)?.message ?? error).split('\n')[0];
  }
}

export function refuse(out: string, reason: string): never {
  throw new PamphletError(`the output folder cannot be written: ${reason}. Choose a writable folder with --out.`, { file: out }, 'usage');
}

/**
 * Makes `folder` one level at a time: each missing level is made once, so
 * a file system that answers oddly (/proc, read-only, a file in the way)
 * gives one clear error instead of a retry loop or a misleading ENOENT.
 * `out` is the folder the person named, for the message.
 */
export function makeFolder(folder: string, out = folder): void {
  const missing: string[] = [];
  let existing = path.normalize(folder);
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(existing);
    } catch (error) {
      // Absent, or under a file: the level above says which.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') refuse(out, `${existing}: ${folderProblem(error)}`);
    }
    if (stat) {
      if (!stat.isDirectory()) refuse(out, `${existing} is a file, not a folder`);
      break;
    }
    missing.unshift(existing);
    if (missing.length > MAX_NEW_FOLDERS) refuse(out, `it would need more than ${MAX_NEW_FOLDERS} new folders`);
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  for (const level of missing) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Made by someone else meanwhile: fine if it is a folder.
      if (code === 'EEXIST' && fs.statSync(level, { throwIfNoEntry: false })?.isDirectory()) continue;
      refuse(out, `${level} cannot be made: ${folderProblem(error)}`);
    }
  }
}
