import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/build';

// The CLI runs its bundle through dist/cli/code-cache.js (src/cli/code-cache.ts). These runs give it a small
// program laid out as the bundle is (ROOT/dist/cli/FILE), so that its cache goes to ROOT/node_modules/.cache/pamphlet.
const LOADER = path.join(ROOT, 'dist', 'cli', 'code-cache.js');

let root: string;
let program: string;
let cacheFolder: string;
let tmp: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-code-cache-test-'));
  fs.mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
  program = path.join(root, 'dist', 'cli', 'program.js');
  cacheFolder = path.join(root, 'node_modules', '.cache', 'pamphlet');
  tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp);
  writeProgram('first');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A CommonJS program that uses what a required file has: require (relative too), module, __dirname. */
function writeProgram(word: string): void {
  fs.writeFileSync(path.join(root, 'dist', 'cli', 'helper.js'), 'module.exports = (n) => n * n;');
  fs.writeFileSync(program, `
    const path = require('node:path');
    const square = require('./helper');
    module.exports.word = ${JSON.stringify(word)};
    setImmediate(() => console.log([module.exports.word, path.basename(__dirname), path.basename(__filename), square(7), typeof require('node:os').tmpdir].join(' ')));
  `);
}

function run(command = 'build', nodeOptions: string[] = []): { status: number | null; stdout: string; stderr: string; ran: string } {
  const script = `process.stdout.write(require(${JSON.stringify(LOADER)}).runWithCodeCache(${JSON.stringify(program)}, ${JSON.stringify(command)}) ? '' : 'not run\\n')`;
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, [...nodeOptions, '-e', script], { encoding: 'utf8', env, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ran: result.stdout.trim() };
}

const caches = (folder = cacheFolder): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

describe('the code cache the CLI runs its bundle with', () => {
  it('runs the program as require() would, writes its cache at exit, then reads it back unchanged', () => {
    expect(run()).toMatchObject({ status: 0, ran: 'first cli program.js 49 function', stderr: '' });
    const [name] = caches();
    expect(name).toMatch(/^program-[0-9a-f]{20}-build\.v8$/);
    const written = fs.readFileSync(path.join(cacheFolder, name));
    expect(written.length).toBeGreaterThan(0);
    const before = fs.statSync(path.join(cacheFolder, name)).mtimeMs;
    expect(run()).toMatchObject({ status: 0, ran: 'first cli program.js 49 function', stderr: '' });
    // Accepted by V8, so not written again.
    expect(fs.statSync(path.join(cacheFolder, name)).mtimeMs).toBe(before);
    expect(caches()).toEqual([name]);
  });

  it('keeps one cache per command, and drops those of an earlier program', () => {
    run('build');
    run('check');
    const first = caches();
    expect(first.map((f) => f.replace(/^program-[0-9a-f]+/, ''))).toEqual(['-build.v8', '-check.v8']);
    writeProgram('second');
    expect(run('build').ran).toBe('second cli program.js 49 function');
    const second = caches();
    expect(second).toHaveLength(1);
    expect(first).not.toContain(second[0]);
  });

  it('keeps a cache of its own for a run with other V8 flags, which would reject the plain one', () => {
    run();
    const [plain] = caches();
    const before = fs.statSync(path.join(cacheFolder, plain)).mtimeMs;
    expect(run('build', ['--max-lazy'])).toMatchObject({ status: 0, ran: 'first cli program.js 49 function', stderr: '' });
    const both = caches();
    expect(both).toHaveLength(2);
    expect(both).toContain(plain);
    expect(both.find((f) => f !== plain)).toMatch(/^program-[0-9a-f]{20}-build-[0-9a-f]{8}\.v8$/);
    // Each reads its own back: neither is written again.
    run();
    run('build', ['--max-lazy']);
    expect(fs.statSync(path.join(cacheFolder, plain)).mtimeMs).toBe(before);
    expect(caches()).toEqual(both);
    // A preloaded module changes nothing V8 compiles: the plain cache serves.
    const preload = path.join(root, 'preload.js');
    fs.writeFileSync(preload, '');
    run('build', ['--require', preload]);
    expect(caches()).toEqual(both);
    expect(fs.statSync(path.join(cacheFolder, plain)).mtimeMs).toBe(before);
    // A new program drops both.
    writeProgram('second');
    run();
    expect(caches()).toHaveLength(1);
    expect(caches()[0]).not.toBe(plain);
  });

  it("keeps the caches of two bundles side by side (the CLI's and the pool worker's), and gives a required one's exports", () => {
    const worker = path.join(root, 'dist', 'parallel', 'worker.js');
    fs.mkdirSync(path.dirname(worker), { recursive: true });
    fs.writeFileSync(worker, 'module.exports.default = (n) => n + 1;');
    const script = `const l = require(${JSON.stringify(LOADER)}).requireWithCodeCache(${JSON.stringify(worker)}, 'worker'); l.saveCache(); process.stdout.write(String(l.exports.default(41)))`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp }, timeout: 30_000 });
    expect(result).toMatchObject({ status: 0, stdout: '42' });
    // Writing the CLI's cache drops stale caches of the CLI only.
    run('build');
    expect(caches().map((f) => f.replace(/-[0-9a-f]{20}-/, '-KEY-'))).toEqual(['program-KEY-build.v8', 'worker-KEY-worker.v8']);
  });

  it('runs as usual on a cache that is damaged, and replaces it', () => {
    run();
    const [name] = caches();
    const file = path.join(cacheFolder, name);
    for (const damage of [Buffer.alloc(0), Buffer.from('not a code cache'), fs.readFileSync(file).subarray(0, 100)]) {
      fs.writeFileSync(file, damage);
      expect(run()).toMatchObject({ status: 0, ran: 'first cli program.js 49 function', stderr: '' });
      expect(fs.readFileSync(file).length).toBeGreaterThan(damage.length);
    }
  });

  it('writes to the temporary folder when it cannot write beside the package, and never reads a cache others can write', () => {
    fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
    fs.writeFileSync(cacheFolder, 'a file where the folder would be');
    expect(run()).toMatchObject({ status: 0, ran: 'first cli program.js 49 function', stderr: '' });
    const fallback = path.join(tmp, fs.readdirSync(tmp).find((f) => f.startsWith('pamphlet-code-cache')) ?? 'none');
    const [name] = caches(fallback);
    expect(name).toMatch(/-build\.v8$/);
    // A folder anyone can write to: its cache is not read (so a new one is written, and not there either).
    fs.chmodSync(fallback, 0o777);
    fs.writeFileSync(path.join(fallback, name), 'planted');
    expect(run()).toMatchObject({ status: 0, ran: 'first cli program.js 49 function', stderr: '' });
    expect(fs.readFileSync(path.join(fallback, name), 'utf8')).toBe('planted');
  });

  it('runs nothing and says so when the file does not compile, so that the CLI can load its modules instead', () => {
    fs.writeFileSync(program, 'this is not JavaScript (');
    expect(run()).toMatchObject({ status: 0, ran: 'not run' });
    expect(caches()).toEqual([]);
  });
});
