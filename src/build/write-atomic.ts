import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PamphletError } from '../core/errors';
import { folderProblem, refuse } from './output-folder';

/**
 * Temporary files are `.<name>.<pid>.<16 hex digits>.tmp` beside the file
 * they become (`.en.pdf.4242.9f86d081884c7d65.tmp`). The random part makes
 * the name unpredictable, so nobody can plant a link under it; the pid tells
 * a leftover of a dead build from the file of a build still running. Only a
 * PDF's, the manifest's (src/ci/manifest.ts) or the write probe's name is
 * matched (the old `.<name>.<pid>.tmp` form too), never another hidden file someone keeps in the folder.
 */
const TEMPORARY = /^\.(?:[^/]+\.pdf|manifest\.json|pamphlet-write-test)\.(\d{1,10})(?:\.[0-9a-f]{16})?\.tmp$/;

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Created only if absent, never through a symbolic link: a planted name fails instead of being written through. */
const CREATE_NEW = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | fs.constants.O_NOFOLLOW;

/**
 * Fails early, in one line, when a file cannot be created in `folder`,
 * rather than once per PDF. The probe is a temporary file like the PDFs',
 * so a build killed right then leaves nothing the next one does not remove.
 */
export function assertWritableFolder(folder: string, out = folder): void {
  const probe = temporaryName(path.join(folder, 'pamphlet-write-test'));
  try {
    fs.closeSync(fs.openSync(probe, CREATE_NEW, 0o644));
  } catch (error) {
    refuse(out, folderProblem(error));
  }
  fs.rmSync(probe, { force: true });
}

/**
 * Writes a file through a temporary name and a rename, so a failed or killed
 * build never leaves a truncated PDF and never replaces a good one. The data
 * is on disk before the rename; the rename replaces whatever is at `file`,
 * a symbolic link included, without writing through it.
 */
export function writeFileAtomic(file: string, data: Buffer): void {
  const temporary = temporaryName(file);
  let created = false;
  try {
    const fd = fs.openSync(temporary, CREATE_NEW, 0o644);
    created = true;
    try {
      writeAll(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
    created = false;
    syncFolder(path.dirname(file));
  } catch (error) {
    if (created) fs.rmSync(temporary, { force: true });
    throw cannotWrite(file, error);
  }
}

function writeAll(fd: number, data: Buffer): void {
  for (let written = 0; written < data.length;) written += fs.writeSync(fd, data, written, data.length - written);
}

function cannotWrite(file: string, error: unknown): PamphletError {
  return new PamphletError(`cannot write the output file: ${folderProblem(error)}. Choose a writable folder with --out.`, { file }, 'usage');
}

/** The rename itself survives a power cut once the folder is synced; not every file system allows it, and nothing depends on it. */
function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, fs.constants.O_RDONLY);
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  } catch {
    // Best effort.
  }
}

/** syncFolder in libuv's threads; `done` is called whatever happens. */
function syncFolderInBackground(folder: string, done: () => void): void {
  let fd: number;
  try {
    fd = fs.openSync(folder, fs.constants.O_RDONLY);
  } catch {
    done();
    return;
  }
  fs.fsync(fd, () => {
    try { fs.closeSync(fd); } catch { /* Best effort. */ }
    done();
  });
}

/** Writes waiting for the disk at most, each with its file open. */
const MAX_PENDING = 8;

/**
 * Files written as writeFileAtomic writes them, with the waits for the disk
 * (the fsync of each file before its rename, then of its folder) in libuv's
 * threads while this one goes on: the next PDF is laid out meanwhile, where
 * a build used to wait some 5 ms a PDF, far more on a slow or network disk.
 * The bytes are written at once; a file gets its name once they are on
 * disk. `turn` lets the writes move on (the event loop runs their steps
 * between two PDFs); `settled` waits for all and throws the first failure,
 * as writeFileAtomic would have thrown it.
 */
export class BackgroundWrites {
  private readonly pending = new Set<Promise<void>>();
  private failure: PamphletError | null = null;

  write(file: string, data: Buffer): void {
    const temporary = temporaryName(file);
    let fd: number;
    try {
      fd = fs.openSync(temporary, CREATE_NEW, 0o644);
    } catch (error) {
      throw cannotWrite(file, error);
    }
    try {
      writeAll(fd, data);
    } catch (error) {
      try { fs.closeSync(fd); } catch { /* The write's failure is the one to say. */ }
      fs.rmSync(temporary, { force: true });
      throw cannotWrite(file, error);
    }
    const written = new Promise<void>((resolve) => {
      fs.fsync(fd, (synced) => {
        try {
          fs.closeSync(fd);
          if (synced) throw synced;
          fs.renameSync(temporary, file);
        } catch (error) {
          fs.rmSync(temporary, { force: true });
          this.failure ??= cannotWrite(file, error);
          resolve();
          return;
        }
        syncFolderInBackground(path.dirname(file), resolve);
      });
    });
    this.pending.add(written);
    void written.then(() => this.pending.delete(written));
  }

  /**
   * Gives the writes' steps a turn of the event loop, and throws a write that failed. On a disk slower
   * than the layout, waits until fewer than MAX_PENDING are left: each holds a file open.
   */
  async turn(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.size >= MAX_PENDING) await Promise.race(this.pending);
    this.throwFailure();
  }

  /** Every file written and named; the first that could not be, thrown. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending);
    this.throwFailure();
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that builds killed before their rename left in
 * `folder`: regular files only (a link is left alone, never followed), and
 * not those of a build still running on this machine. Returns the names removed.
 */
export function removeLeftovers(folder: string): string[] {
  const removed: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const match = TEMPORARY.exec(entry.name);
    if (!match || !entry.isFile()) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    try {
      fs.unlinkSync(path.join(folder, entry.name));
      removed.push(entry.name);
    } catch {
      // Gone already, or not ours to remove: the build does not depend on it.
    }
  }
  return removed;
}
