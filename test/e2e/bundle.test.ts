import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from '../support/cli';
import { ROOT } from '../support/build';
import { readPdf } from '../support/pdf';

// dist/cli/pamphlet.bundle.js, which dist/cli/main.js runs (scripts/bundle.mjs, src/cli/code-cache.ts).
const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli', 'pamphlet.bundle.js'), 'utf8');

describe('the CLI bundle', () => {
  it('is given a bundle with no import() of its own, which it does not support (Node 20 would need an experimental option)', () => {
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.match(/[^\w$.]import\s*\(/g)).toBeNull();
    // The proofs' import() of MuPDF is in tsc's dist/proof/mupdf.js, required by the bundle.
    expect(bundle).toContain('require("../proof/mupdf.js")');
  });

  it('takes Node\'s own modules as they are, not as a copy with a getter per export in each module that imports them', () => {
    expect(bundle).toContain('require("node:fs")');
    expect(bundle.match(/__toESM\(require\("node:/g)).toBeNull();
  });

  it('loads none of Node\'s modules that a one-language build does not use (each takes milliseconds of every start)', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-node-modules-'));
    try {
      const probe = path.join(folder, 'probe.js');
      fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',') + '\\n'));");
      const run = spawnSync(process.execPath, ['-r', probe, CLI, 'build', '-l', 'en', '-o', path.join(folder, 'out')], { cwd: ROOT, env: { ...process.env, PAMPHLET_DEBUG: '' }, encoding: 'utf8', timeout: 120_000 });
      expect(run.status).toBe(0);
      const loaded = run.stderr.trim().split(',').map((m) => m.slice('NativeModule '.length));
      expect(loaded).toContain('zlib');
      // worker_threads: only for a pool and a cache write; fs.promises (with readline): fonts are read ahead with callbacks; assert: yargs' two checks; the ESM resolver: files of packages found without require.resolve.
      for (const unused of ['worker_threads', 'internal/fs/promises', 'assert', 'child_process', 'internal/modules/esm/resolve']) expect([unused, loaded.includes(unused)]).toEqual([unused, false]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is what the CLI runs, except with PAMPHLET_DEBUG set, when tsc\'s modules run, so that stacks name our files', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-which-program-'));
    try {
      // Which of tsc's CLI module was loaded, told at exit (the bundle runs in a vm.Script, not through require).
      const probe = path.join(folder, 'probe.js');
      fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write('cli.js loaded: ' + Object.keys(require.cache).some((f) => /[\\\\/]dist[\\\\/]cli[\\\\/]cli\\.js$/.test(f)) + '\\n'));");
      const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['-r', probe, CLI, 'languages'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
      const plain = run({ PAMPHLET_DEBUG: '' });
      const debug = run({ PAMPHLET_DEBUG: '1' });
      expect(plain.stderr).toBe('cli.js loaded: false\n');
      expect(debug.stderr).toBe('cli.js loaded: true\n');
      expect(plain.status).toBe(0);
      expect(debug.stdout).toBe(plain.stdout);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes the same PDF as tsc\'s modules, its file ID from Node\'s MD5 without loading crypto-js', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-bundle-bytes-'));
    try {
      const probe = path.join(folder, 'probe.js');
      fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write('crypto-js loaded: ' + Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]crypto-js[\\\\/]/.test(f)) + '\\n'));");
      const build = (debug: string, out: string) => spawnSync(process.execPath, ['-r', probe, CLI, 'build', '-l', 'ar', '-o', out], { cwd: ROOT, env: { ...process.env, PAMPHLET_DEBUG: debug, SOURCE_DATE_EPOCH: '1700000000' }, encoding: 'utf8', timeout: 120_000 });
      const bundled = build('', path.join(folder, 'bundle'));
      const modules = build('1', path.join(folder, 'modules'));
      expect(bundled.status).toBe(0);
      expect(bundled.stderr).toBe('crypto-js loaded: false\n');
      expect(modules.stderr).toBe('crypto-js loaded: true\n');
      const pdf = (out: string) => fs.readFileSync(path.join(folder, out, 'trifold', 'letter', 'ar.pdf'));
      expect(pdf('bundle').equals(pdf('modules'))).toBe(true);
      expect(pdf('bundle').toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('carries every shipped template precompiled, with the facts it prints', () => {
    const shipped = fs.readdirSync(path.join(ROOT, 'templates')).filter((name) => name.endsWith('.hbs'));
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    const precompiled = bundle.slice(bundle.indexOf('PRECOMPILED=new Map('), bundle.indexOf('FACTS_USED=new Map('));
    expect(precompiled.match(/compiler:\[\d+,/g)).toHaveLength(shipped.length);
    expect(bundle).toMatch(/FACTS_USED=new Map\(\[.*\["iwgDepartments"\]/s);
  });

  it('compiles a template whose text is not a shipped one at run time: an edited copy prints its edit', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-edited-template-'));
    try {
      fs.cpSync(path.join(ROOT, 'templates'), folder, { recursive: true });
      const file = path.join(folder, 'trifold.hbs');
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain('<p>{{t "check.intro"}}</p>');
      fs.writeFileSync(file, text.replace('<p>{{t "check.intro"}}</p>', '<p>Zebracrossing {{t "check.intro"}}</p>'));
      const out = path.join(folder, 'out');
      const run = runCli(['build', '-l', 'en', '--template', file, '-o', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const words = readPdf(path.join(out, 'trifold', 'letter', 'en.pdf')).pages.flatMap((page) => page.lines.map((line) => line.text)).join(' ');
      expect(words).toContain('Zebracrossing');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
