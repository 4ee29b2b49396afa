import { isAscii } from 'node:buffer';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { cacheFoldersOf, readCache, writeCache } from '../core/private-cache';

/**
 * Runs a CommonJS file (the CLI's bundle) as require() would, with V8's code
 * cache: the functions a previous run of the same command compiled are read
 * back instead of being parsed and compiled again (Node 20 has no
 * module.enableCompileCache). The cache is our own file, but it may be
 * missing, stale, truncated or unwritable: then the run compiles as usual and
 * writes a new one if it can; it never fails because of it.
 * Returns false, having run nothing, if the file cannot be read or compiled.
 */
export function runWithCodeCache(file: string, command: string): boolean {
  // At exit, so that the cache holds the functions this run compiled lazily, not only the top level.
  return requireWithCodeCache(file, command, true) !== undefined;
}

/**
 * As runWithCodeCache, for a file whose exports are wanted (the pool's
 * worker, src/parallel/pdf-worker-entry.ts): its exports, and how to write
 * the cache once it has run what it is for (a no-op if the cache was used),
 * or at the process's exit (`saveAtExit`, set before the file runs: it may
 * exit from its top level). Undefined if the file cannot be read or compiled.
 */
export function requireWithCodeCache(file: string, command: string, saveAtExit = false): { exports: unknown; saveCache: () => void } | undefined {
  const folders = cacheFolders(file);
  const compiled = compile(file, command, folders);
  if (compiled === undefined) return undefined;
  const { script, name, cacheUsed } = compiled;
  let saved = cacheUsed;
  const saveCache = () => {
    if (saved) return;
    saved = true;
    writeScriptCache(folders, name, script);
  };
  if (saveAtExit) process.once('exit', saveCache);
  const module = new Module(file, require.main);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(folder: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, saveCache };
}

/** Whether `file` is there and no older than `than` (a bundle against the compiled file it was made with). */
export function isCurrent(file: string, than: string): boolean {
  try {
    return fs.statSync(file).mtimeMs >= fs.statSync(than).mtimeMs;
  } catch {
    return false;
  }
}

/** The file compiled with its cache if there is one V8 accepts, else without; undefined if it cannot be read or compiled. */
function compile(file: string, command: string, folders: string[]): { script: vm.Script; name: string; cacheUsed: boolean } | undefined {
  try {
    const { wrapped, bytes } = readWrapped(file);
    const name = cacheName(file, bytes, command);
    const cachedData = readCache(folders, name);
    // No importModuleDynamically (experimental in Node 20, it warns on use): the file has no import()
    // of its own; scripts/bundle.mjs leaves the one module with an import() (mupdf's) to require().
    const script = new vm.Script(wrapped, { filename: file, cachedData });
    return { script, name, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
  } catch {
    return undefined;
  }
}

/**
 * The file's source inside CommonJS's wrapper (Module.wrap), and its bytes. Read into one buffer
 * between the wrapper's two parts and made a string once: Module.wrap would join three strings
 * that V8 then copies whole again, and the bundle is 2 MB (each copy of it touches 500 new pages
 * of memory, about 6 ms here). esbuild writes ASCII only, read as Latin-1 without decoding UTF-8.
 */
function readWrapped(file: string): { wrapped: string; bytes: Buffer } {
  const [head, tail] = (Module as unknown as { wrapper: [string, string] }).wrapper;
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const whole = Buffer.allocUnsafe(head.length + size + tail.length);
    whole.write(head, 0, 'latin1');
    let read = 0;
    while (read < size) {
      const got = fs.readSync(fd, whole, head.length + read, size - read, read);
      if (got === 0) throw new Error(`${file} was cut short while it was read`);
      read += got;
    }
    whole.write(tail, head.length + size, 'latin1');
    const bytes = whole.subarray(head.length, head.length + size);
    const wrapped = isAscii(bytes) ? whole.toString('latin1') : `${head}${bytes.toString('utf8')}${tail}`;
    return { wrapped, bytes };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * One cache per bundle (the CLI's, the worker's), its content, Node version, architecture and command (a `--help`
 * run compiles little of what `build` needs): `pamphlet.bundle-<key>-build.v8`. A run given Node or V8 options
 * (`node --cpu-prof`, NODE_OPTIONS) has its own, `…-build-<options>.v8`: V8 rejects a cache made under other flags,
 * and the two would otherwise replace each other on every run.
 */
function cacheName(file: string, source: Uint8Array, command: string): string {
  const key = crypto.createHash('sha1').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 20);
  const options = [...flagOptions(process.execArgv), ...flagOptions(process.env.NODE_OPTIONS?.match(/"[^"]*"|\S+/g) ?? [])].join('\0');
  const flags = options ? `-${crypto.createHash('sha1').update(options).digest('hex').slice(0, 8)}` : '';
  return `${bundleName(file)}-${key}-${/^[a-z]{1,20}$/.test(command) ? command : 'other'}${flags}.v8`;
}

/**
 * Node's options (`node OPTIONS file`, NODE_OPTIONS) that may change how V8 compiles, less a script given with -e
 * or -p and a module preloaded with -r or --import (a test's preload is a new temporary file each run: its own
 * cache each time would pile up).
 */
function flagOptions(argv: readonly string[]): string[] {
  const options: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (/^(-e|--eval|-p|--print|-r|--require|--import|--loader|--experimental-loader)$/.test(argv[i])) i++;
    else if (!/^(--require|--import|--loader|--experimental-loader)=/.test(argv[i])) options.push(argv[i]);
  }
  return options;
}

/** The bundle's file name without `.js`, in letters, digits and dots: its caches' first part. */
const bundleName = (file: string) => path.basename(file, '.js').replace(/[^A-Za-z0-9.]/g, '_');

/** node_modules/.cache/pamphlet beside the package the bundle is in (ROOT/dist/cli/), else the system's temporary folder. */
function cacheFolders(file: string): string[] {
  return cacheFoldersOf(path.join(file, '..', '..', '..'));
}

/** The script's cache, written as src/core/private-cache.ts writes; the older caches of its bundle go once it is. */
function writeScriptCache(folders: string[], name: string, script: vm.Script): void {
  let data: Buffer;
  try {
    data = script.createCachedData();
  } catch {
    return;
  }
  writeCache(folders, name, data, (folder) => removeStale(folder, name));
}

/**
 * Caches of an earlier version of the same bundle, or of another Node, are never read again: they go when a new one
 * is written. Another bundle's (the worker's beside the CLI's) stay.
 */
function removeStale(folder: string, name: string): void {
  // `<bundle>-<key>-`: the bundle's name has no "-" (bundleName), the key none either.
  const bundle = name.slice(0, name.indexOf('-') + 1);
  const current = name.slice(0, name.indexOf('-', bundle.length) + 1);
  try {
    for (const other of fs.readdirSync(folder)) {
      if (other.endsWith('.v8') && other.startsWith(bundle) && !other.startsWith(current)) fs.rmSync(path.join(folder, other), { force: true });
    }
  } catch {
    // Left for the next run to remove.
  }
}
