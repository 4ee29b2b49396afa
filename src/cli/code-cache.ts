import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

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
  let name = '';
  const folders = cacheFolders(file);
  let script: vm.Script;
  let cached: Buffer | undefined;
  try {
    const source = fs.readFileSync(file, 'utf8');
    name = cacheName(source, command);
    cached = readFirst(folders.map((folder) => path.join(folder, name)));
    script = new vm.Script(Module.wrap(source), {
      filename: file,
      cachedData: cached,
      // The bundle's import() (mupdf is an ES module) goes through Node's loader, as in a required file.
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    return false;
  }
  if (cached === undefined || script.cachedDataRejected === true) {
    // At exit, so that the cache holds the functions this run compiled lazily, not only the top level.
    process.once('exit', () => writeCache(folders, name, script));
  }
  const module = new Module(file, require.main);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(folder: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return true;
}

/** One cache per bundle content, Node version, architecture and command (a `--help` run compiles little of what `build` needs). */
function cacheName(source: string, command: string): string {
  const key = crypto.createHash('sha1').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 20);
  return `${key}-${/^[a-z]{1,20}$/.test(command) ? command : 'other'}.v8`;
}

/** node_modules/.cache/pamphlet beside the package (cleared with node_modules), else the system's temporary folder. */
function cacheFolders(file: string): string[] {
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  return [path.join(file, '..', '..', '..', 'node_modules', '.cache', 'pamphlet'), path.join(os.tmpdir(), `pamphlet-code-cache${user}`)];
}

function readFirst(files: string[]): Buffer | undefined {
  for (const file of files) {
    try {
      return fs.readFileSync(file);
    } catch {
      // Not there or unreadable: try the next, else compile without.
    }
  }
  return undefined;
}

/** Written whole under a temporary name, then renamed: a concurrent run reads the old file, the new one or none, never half of one. */
function writeCache(folders: string[], name: string, script: vm.Script): void {
  let data: Buffer;
  try {
    data = script.createCachedData();
  } catch {
    return;
  }
  for (const folder of folders) {
    const temporary = path.join(folder, `${name}.${process.pid}.tmp`);
    try {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(temporary, data);
      fs.renameSync(temporary, path.join(folder, name));
      removeStale(folder, name);
      return;
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing more to do: the cache is only a cache.
      }
    }
  }
}

/** Caches of earlier bundles or Node versions are never read again: they go when a new one is written. */
function removeStale(folder: string, name: string): void {
  const key = name.slice(0, name.indexOf('-'));
  try {
    for (const other of fs.readdirSync(folder)) {
      if (other.endsWith('.v8') && !other.startsWith(`${key}-`)) fs.rmSync(path.join(folder, other), { force: true });
    }
  } catch {
    // Left for the next run to remove.
  }
}
