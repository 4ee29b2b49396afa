import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorKind, ErrorPlace, PamphletError } from './errors';

const MiB = 1024 * 1024;

/**
 * Limits on what the tool reads. Each is far above any real input (the
 * largest shipped translation is ~10 kB, the largest font ~10.5 MB, the
 * deepest JSON 5 levels) and low enough that no input can exhaust memory.
 */
export const INPUT_LIMITS = {
  /** A translation, facts.json, contacts.json, fonts.json. */
  jsonBytes: 5 * MiB,
  /** A YAML file (an edition, ~2 kB): YAML takes up to ~10 s a MiB to parse, so it has a cap of its own. */
  yamlBytes: 128 * 1024,
  /** Values in a YAML file once its aliases are expanded (an edition has ~100): an alias bomb stops here. */
  yamlValues: 10_000,
  /** pamphlet.config.json: a handful of options (a full one is ~300 bytes). */
  configBytes: 64 * 1024,
  /** A Handlebars template. */
  templateBytes: 1 * MiB,
  /** One font file (the CJK Noto fonts are 10–11 MB). */
  fontBytes: 64 * MiB,
  /** Objects and arrays (YAML: mappings and lists) nested in one another. */
  jsonDepth: 32,
};

export interface ReadOptions {
  /** Larger files are refused before they are read. */
  maxBytes: number;
  /** The language or key the file belongs to, for the error. */
  place?: ErrorPlace;
  /** 'content' (default): a finding for that language or the data; 'usage': the tool's own setup. */
  kind?: ErrorKind;
  /** A folder the file, after following links, must stay inside. */
  within?: string;
}

function fail(file: string, options: ReadOptions, message: string): never {
  throw new PamphletError(message, { ...options.place, file }, options.kind ?? 'content');
}

function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** What the thing at `file` is, when it is not a regular file; null for a file. */
function notAFile(stats: fs.Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The target of a symbolic link at `file`, or null when `file` is not a link. */
function linkTarget(file: string): string | null {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.readlinkSync(file) : null;
  } catch {
    return null;
  }
}

/** Follows links to what `file` is; a missing target or a loop is named as such. */
function statTarget(file: string, options: ReadOptions): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const target = linkTarget(file);
    if (code === 'ENOENT' && target !== null) fail(file, options, `is a link to ${target}, which does not exist. Replace the link with the file itself.`);
    if (code === 'ENOENT' || code === 'ENOTDIR') fail(file, options, 'does not exist. Check the path.');
    if (code === 'ELOOP') fail(file, options, 'is a link that leads back to itself (a loop of links). Replace it with the file itself.');
    if (code === 'EACCES') fail(file, options, 'cannot be read: permission denied. Make it readable.');
    fail(file, options, `cannot be read (${code ?? 'error'}). Check that it is a readable file.`);
  }
}

/** Refuses a file whose real path, after every link, is outside `within`. */
function checkWithin(file: string, within: string, options: ReadOptions): void {
  const real = fs.realpathSync(file);
  let folder: string;
  try {
    folder = fs.realpathSync(within);
  } catch {
    folder = path.resolve(within);
  }
  const relative = path.relative(folder, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    fail(file, options, `links outside its folder, to ${real}. Put the file itself in ${within}, not a link to elsewhere.`);
  }
}

/** The bytes of a regular file, and the file's identity when they were read. */
export interface FileBytes {
  bytes: Buffer;
  identity: string;
}

/** A file's device, inode, size and times: another value once it is replaced or written to. */
export function fileIdentity(stats: fs.Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/**
 * Reads an input file as bytes, refusing before it blocks or fills memory:
 * anything not a regular file (a FIFO, a device, a folder), a link out of
 * `within`, a file over `maxBytes`.
 */
export function readInputBytes(file: string, options: ReadOptions): Buffer {
  return readInputFile(file, options).bytes;
}

/** As readInputBytes, with the identity of the file the bytes were read from. */
export function readInputFile(file: string, options: ReadOptions): FileBytes {
  // stat follows links without opening: a FIFO or a device is refused before anything can block on it.
  const stats = statTarget(file, options);
  if (options.within !== undefined) checkWithin(file, options.within, options);
  const what = notAFile(stats);
  if (what) {
    const target = linkTarget(file);
    fail(file, options, target !== null
      ? `is a link to ${target}, which is ${what}, not a file. Replace the link with the file itself.`
      : `is ${what}, not a file. Replace it with the file itself.`);
  }
  const tooLarge = (size?: number) => fail(file, options,
    `is ${size === undefined ? 'larger than' : `${formatBytes(size)}, more than`} the limit of ${formatBytes(options.maxBytes)} for this file. Check that it is the right file (see "Limits on input" in the README).`);
  if (stats.size > options.maxBytes) tooLarge(stats.size);

  let fd: number;
  try {
    // Non-blocking: if the file was swapped for a FIFO since stat, opening it does not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(file, options, code === 'EACCES' ? 'cannot be read: permission denied. Make it readable.' : `cannot be read (${code ?? 'error'}). Check that it is a readable file.`);
  }
  try {
    const opened = fs.fstatSync(fd);
    const changed = notAFile(opened);
    if (changed) fail(file, options, `is ${changed}, not a file. Replace it with the file itself.`);
    // Read at most one byte over the limit, whatever size the file claims (files under /proc say 0).
    return { bytes: readBounded(fd, opened.size, options.maxBytes, () => tooLarge()), identity: fileIdentity(opened) };
  } catch (error) {
    if (error instanceof PamphletError) throw error;
    fail(file, options, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that it is a readable file.`);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a regular file of at most `maxBytes` in libuv's threads, so that
 * the main thread goes on meanwhile (issue 12: reading a 10 MB font is
 * mostly the kernel giving the buffer new pages of memory, 30 ms). Anything
 * else (not a regular file, too large, changing while read, any error) comes
 * back undefined, never rejected: the caller then reads the file with
 * readInputBytes, which says what is wrong in its own words.
 */
export function readFileInBackground(file: string, maxBytes: number): Promise<FileBytes | undefined> {
  // With fs's callbacks: fs.promises takes some 2 ms to load, and this runs before a one-language build's first PDF.
  return new Promise((resolve) => {
    // As readInputBytes opens: a FIFO put in the file's place does not block the thread.
    fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY, (error, fd) => {
      if (error) return resolve(undefined);
      const done = (read: FileBytes | undefined) => fs.close(fd, () => resolve(read));
      fs.fstat(fd, (error, stats) => {
        if (error || !stats.isFile() || stats.size > maxBytes) return done(undefined);
        // One byte more than it said: a file that is longer is being written to, and is left to readInputBytes.
        const bytes = Buffer.allocUnsafe(stats.size + 1);
        const readFrom = (length: number): void => {
          fs.read(fd, bytes, length, bytes.length - length, length, (error, got) => {
            if (error) return done(undefined);
            if (got === 0) return done(length === stats.size ? { bytes: bytes.subarray(0, length), identity: fileIdentity(stats) } : undefined);
            if (length + got > stats.size) return done(undefined);
            readFrom(length + got);
          });
        };
        readFrom(0);
      });
    });
  });
}

/** Reads `fd` to its end into a buffer that grows as needed, never past `maxBytes` + 1. */
function readBounded(fd: number, claimedSize: number, maxBytes: number, tooLarge: () => never): Buffer {
  let buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(claimedSize + 1, 64 * 1024)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) tooLarge();
      const bigger = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(bigger);
      buffer = bigger;
    }
    const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

/** Offset of the first byte that is not part of well-formed UTF-8, or -1 (Unicode, table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) low = 0xa0; if (b === 0xed) high = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) low = 0x90; if (b === 0xf4) high = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * True when the bytes look like UTF-16 without a byte-order mark: text in
 * Latin letters has a zero in every other byte, all on the same side.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  const zeros = [0, 0];
  sample.forEach((b, i) => { if (b === 0) zeros[i % 2]++; });
  const half = sample.length / 2;
  return sample.length >= 4 && Math.max(...zeros) >= half * 0.4 && Math.min(...zeros) <= half * 0.05;
}

/** Line (from 1) of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** A byte that is not UTF-8, as an editor can find it, with what it likely was. */
function describeInvalidByte(bytes: Uint8Array, offset: number): string {
  const line = lineOf(bytes, offset);
  const hex = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
  let guess = '';
  try {
    const legacy = new TextDecoder('windows-1252').decode(bytes.subarray(offset, offset + 1));
    if (/^\P{C}$/u.test(legacy)) guess = `, where it is "${legacy}"`;
  } catch {
    // Without full ICU there is no Windows-1252 decoder; the hint stays general.
  }
  return `is not valid UTF-8: the byte ${hex} at byte offset ${offset} (line ${line}) is not UTF-8. `
    + `The file may be in Windows-1252 or Latin-1${guess}; save it as UTF-8.`;
}

/** Reads an input file as text: strictly UTF-8 (a byte-order mark is dropped), never with U+FFFD for bad bytes. */
export function readInputText(file: string, options: ReadOptions): string {
  const bytes = readInputBytes(file, options);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail(file, options, `is UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian), not UTF-8; save it as UTF-8.`);
  }
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    if (looksLikeUtf16(bytes)) fail(file, options, 'looks like UTF-16 (every other byte is zero), not UTF-8; save it as UTF-8.');
    // No text has a zero byte: this is a binary file (a font, an image, a PDF) under the wrong name.
    fail(file, options, `has a zero byte at byte offset ${zero} (line ${lineOf(bytes, zero)}): it is not a text file. Check that it is the right file.`);
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) fail(file, options, describeInvalidByte(bytes, invalid));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
}
