import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listLanguages } from '../../src/languages/load-translations';
import { ROOT } from '../support/build';

/**
 * What the CLI does when the world around it misbehaves: a reader that
 * goes away, a full disk behind stdout, links planted in the output folder,
 * leftovers of killed builds, a template that logs.
 */
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const LANGUAGES = listLanguages(path.join(ROOT, 'translations'));
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-cli-'));
  made.push(dir);
  return dir;
}

function cli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The PDFs a build wrote, as paper/lang.pdf. */
function pdfs(out: string): string[] {
  const root = path.join(out, 'trifold');
  return fs.readdirSync(root).flatMap((paper) => fs.readdirSync(path.join(root, paper)).map((f) => `${paper}/${f}`)).sort();
}

function everyPdf(langs: string[]): string[] {
  return ['a4', 'letter'].flatMap((paper) => langs.map((code) => `${paper}/${code}.pdf`)).sort();
}

describe('a closed or full output stream never stops a build', () => {
  it('builds all 28 PDFs when the reader of stdout goes away after the first line (| head -1)', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [CLI, 'build', '--paper', 'all', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    // Like `head -1`: read up to the first line, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
    expect(pdfs(out)).toEqual(everyPdf(LANGUAGES));
  });

  it('builds every PDF when stdout is /dev/full (ENOSPC), and when stderr is too', () => {
    const out = tempDir();
    const run = spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" build --paper all --lang en,ar --out "${out}" >/dev/full 2>/dev/full`]);
    expect(run.status).toBe(0);
    expect(pdfs(out)).toEqual(everyPdf(['ar', 'en']));
  });

  it('still gives the exit code of a usage error when stderr is /dev/full', () => {
    const run = spawnSync('sh', ['-c', `exec "${process.execPath}" "${CLI}" check --lang xx 2>/dev/full`]);
    expect(run.status).toBe(2);
  });
});

/** A private mount namespace (root, or CAP_SYS_ADMIN) lets a test mount a read-only file system that nobody else sees. */
const canMount = spawnSync('unshare', ['-m', 'true']).status === 0;

describe('the output folder', () => {
  (canMount ? it : it.skip)('on a read-only file system is said to be read-only (not ENOENT), in one line', () => {
    const ro = tempDir();
    const run = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o ro none "${ro}" && exec "${process.execPath}" "${CLI}" build --lang en --out "${ro}/new/out"`], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`pamphlet: ${ro}/new/out: the output folder cannot be written: ${ro}/new cannot be made: it is on a read-only file system. Choose a writable folder with --out.`);
  });
});

describe('safe writes', () => {
  it('replaces a symbolic link planted at a PDF\'s name, and never writes through it', () => {
    const dir = tempDir();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    const letter = path.join(dir, 'out', 'trifold', 'letter');
    fs.mkdirSync(letter, { recursive: true });
    fs.symlinkSync(victim, path.join(letter, 'en.pdf'));
    const { code } = cli(['build', '--lang', 'en', '--out', path.join(dir, 'out')]);
    expect(code).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.lstatSync(path.join(letter, 'en.pdf')).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(letter, 'en.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('removes the temporary files of dead builds, and only those', () => {
    const dir = tempDir();
    const letter = path.join(dir, 'out', 'trifold', 'letter');
    fs.mkdirSync(letter, { recursive: true });
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    // A process that has ended: its pid names a dead build.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const live = process.pid;
    const leftovers = [`.en.pdf.${dead}.0123456789abcdef.tmp`, `.ar.pdf.${dead}.tmp`, `.pamphlet-write-test.${dead}.fedcba9876543210.tmp`];
    for (const name of leftovers) fs.writeFileSync(path.join(letter, name), '%PDF-1.3 half');
    const kept = [`.fr.pdf.${live}.0123456789abcdef.tmp`, '.notes.2024.tmp', 'notes.txt'];
    for (const name of kept) fs.writeFileSync(path.join(letter, name), 'keep');
    // A link under a leftover's name is left alone, and its target is not touched.
    const link = `.th.pdf.${dead}.0123456789abcdef.tmp`;
    fs.symlinkSync(victim, path.join(letter, link));

    const { code } = cli(['build', '--lang', 'en', '--out', path.join(dir, 'out')]);
    expect(code).toBe(0);
    expect(fs.readdirSync(letter).sort()).toEqual([...kept, link, 'en.pdf'].sort());
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
  });
});

describe('--json is one JSON document on stdout', () => {
  function withTemplate(edit: (text: string) => string): string {
    const dir = tempDir();
    const file = path.join(dir, 'trifold.hbs');
    fs.writeFileSync(file, edit(fs.readFileSync(path.join(ROOT, 'templates', 'trifold.hbs'), 'utf8')));
    return file;
  }
  const issuer = '<issuer>{{t "cover.issuer"}}</issuer>';

  it('when the template logs: the log goes to stderr', () => {
    const template = withTemplate((t) => t.replace(issuer, `${issuer}{{log "hello from the template"}}`));
    const { code, stdout, stderr } = cli(['check', '--lang', 'en,fr', '--paper', 'letter', '--template', template, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, summary: { languages: 2, errors: 0 } });
    expect(stderr).toContain('{{log}} hello from the template');
  });

  it('when the template logs and also has a problem', () => {
    const template = withTemplate((t) => t.replace(issuer, `${issuer}{{log "x"}}<link>{{bareUrl}}</link>`));
    const { code, stdout } = cli(['check', '--lang', 'en', '--paper', 'letter', '--template', template, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f: { check: string }) => f.check)).toEqual(['template']);
  });

  it('for a build whose template logs', () => {
    const template = withTemplate((t) => t.replace(issuer, `${issuer}{{log "building"}}`));
    const { code, stdout } = cli(['build', '--lang', 'en', '--template', template, '--out', tempDir(), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, summary: { built: 1 } });
  });

  it('for a usage error, and for a repeated path option', () => {
    for (const args of [['check', '--lang', 'xx'], ['check', '--data', 'a', '--data', 'b']]) {
      const { code, stdout, stderr } = cli([...args, '--json']);
      expect(code).toBe(2);
      expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { kind: 'usage' } });
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('repeated flags', () => {
  it('--lang and --paper given twice mean both', () => {
    const { code, stdout } = cli(['check', '--lang', 'th', '--lang', 'ar', '--paper', 'letter', '--paper', 'a4', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toMatchObject({ languages: 2, failedLanguages: [] });
  });

  it('"all" among them means all', () => {
    const { code, stdout } = cli(['check', '--lang', 'th', '--lang', 'all', '--paper', 'letter', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.languages).toBe(LANGUAGES.length);
  });
});

describe('short options (yargs conventions)', () => {
  it('-l and -p given twice mean both, as --lang and --paper do', () => {
    const { code, stdout } = cli(['check', '-l', 'th', '-l', 'ar', '-p', 'letter', '-p', 'a4', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toMatchObject({ languages: 2, failedLanguages: [] });
  });

  it('-o names the output folder; -t, -d and -f the content, from another folder', () => {
    const dir = tempDir();
    const { code, stderr } = cli(['build', '-l', 'en', '-p', 'a4', '-o', 'pdfs', '-t', path.join(ROOT, 'translations'), '-d', path.join(ROOT, 'data'), '-f', path.join(ROOT, 'fonts', 'fonts.json')], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(pdfs(path.join(dir, 'pdfs'))).toEqual(['a4/en.pdf']);
  });

  it('-o given twice is refused like --out, in one line', () => {
    const { code, stdout, stderr } = cli(['build', '-l', 'en', '-o', 'a', '--out', 'b']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('pamphlet: --out was given 2 times; give it once. Run `pamphlet --help` for the commands and options.');
  });
});

describe('--help', () => {
  it.each([[[]], [['build']], [['check']], [['languages']]])('of %j shows examples and the exit codes, and -h is the same', (command) => {
    const { code, stdout, stderr } = cli([...command, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Examples:\n {2}pamphlet \w+/m);
    expect(stdout).toMatch(/^Exit codes:\n {2}0 {2}.+\n( {2}1 {2}a content problem.+\n)? {2}2 {2}a usage problem/m);
    expect(stdout).toContain('pamphlet.config.json');
    expect(cli([...command, '-h']).stdout).toBe(stdout);
    // yargs wraps at 80 columns: the epilogue is written to fit, so it keeps its own layout.
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('lists the short options beside the long ones', () => {
    const { stdout } = cli(['build', '--help']);
    for (const pair of ['-l, --lang', '-p, --paper', '-o, --out', '-t, --translations', '-d, --data', '-f, --fonts', '-c, --config', '-h, --help']) {
      expect(stdout).toContain(pair);
    }
  });
});
