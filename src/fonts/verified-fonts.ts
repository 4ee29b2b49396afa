import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { PROJECT_CACHE, readCache, writeCache } from '../core/private-cache';
import { FileBytes } from '../core/read-input';

/**
 * Font files whose table checksums were verified (verify-font.ts), kept
 * between runs by the file's identity (device, inode, size, modification
 * and change times), as git's index and make know a file unchanged: a
 * file written to, replaced or touched since has another identity and is
 * verified again. Only large files are kept (Noto Sans SC and KR, 6 to
 * 10 MB): summing a file's bytes is what costs, about 2.5 ms a megabyte
 * here where the bytes were just read (issue 12; docs/speed.md). Kept in
 * the tool's private cache folder (src/core/private-cache.ts), so only this
 * user can say that a file was verified.
 */

/** Files under this size are verified on every run: under 3 ms. */
const REMEMBERED_FROM_BYTES = 1024 * 1024;
/** Changed when what the checksums verify changes: earlier entries then count for nothing. */
const CHECK = 'sfnt-table-checksums-1';

/** One cache entry per font path: its name, and what it holds once the file at that path is verified. */
function entry(file: string, read: FileBytes): { name: string; content: string } {
  const at = crypto.createHash('sha1').update(path.resolve(file)).digest('hex').slice(0, 20);
  return { name: `font-${at}.verified`, content: `${CHECK}\n${read.identity}\n` };
}

/** Whether the file these bytes were read from, as it was then, had its checksums verified by an earlier run. */
export function verifiedBefore(file: string, read: FileBytes): boolean {
  if (read.bytes.length < REMEMBERED_FROM_BYTES) return false;
  const { name, content } = entry(file, read);
  return readCache(PROJECT_CACHE, name, 4096)?.toString('utf8') === content;
}

/** Remembers that the file these bytes were read from had sound checksums. */
export function rememberVerified(file: string, read: FileBytes): void {
  if (read.bytes.length < REMEMBERED_FROM_BYTES) return;
  const { name, content } = entry(file, read);
  writeCache(PROJECT_CACHE, name, Buffer.from(content, 'utf8'));
}
