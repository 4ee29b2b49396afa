import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/build';
import { CliRun, runCli } from '../support/cli';
import { readPdf } from '../support/pdf';
import { temporaryFolders } from '../support/temp';
import { Manifest } from '../../src/ci/manifest';

/** What CI needs of a build, run as CI runs it: the manifest, shards, and GitHub annotations. Each build once, shared. */
const tempDir = temporaryFolders('pamphlet-ci-');
const CARD = path.join(ROOT, 'templates', 'wallet-card.hbs');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const manifestOf = (out: string): Manifest => JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
const pdfsIn = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).map((f) => f.split(path.sep).join('/')).sort();

/** Not at a terminal, as in CI: no CI variable needed for that, the output is a pipe. */
const env = { ...process.env, CI: 'true' };
let dir: string;
let edition: string;
const outs = { whole: '', first: '', second: '', broken: '' };
const runs: Record<keyof typeof outs, CliRun> = {} as never;
let brokenTranslations: string;

beforeAll(() => {
  dir = tempDir();
  edition = path.join(dir, 'mission.json');
  fs.writeFileSync(edition, JSON.stringify({ name: 'Test mission', languages: ['en', 'ar'], papers: ['a4', 'letter', 'piece'], formats: ['wallet-card'], print: 'all' }));
  for (const name of Object.keys(outs) as (keyof typeof outs)[]) outs[name] = path.join(dir, name);
  runs.whole = runCli(['build', '-e', edition, '-o', outs.whole], ROOT, env);
  runs.first = runCli(['build', '-e', edition, '-o', outs.first, '--shard', '1/2'], ROOT, env);
  runs.second = runCli(['build', '-e', edition, '-o', outs.second, '--shard', '2/2'], ROOT, env);
  // Arabic names a fact that is not there: its PDFs fail, English's are built.
  brokenTranslations = path.join(dir, 'translations');
  fs.mkdirSync(brokenTranslations);
  fs.copyFileSync(path.join(ROOT, 'translations', 'en.json'), path.join(brokenTranslations, 'en.json'));
  const arabic = fs.readFileSync(path.join(ROOT, 'translations', 'ar.json'), 'utf8');
  expect(arabic).toContain('{{maxFine}}');
  fs.writeFileSync(path.join(brokenTranslations, 'ar.json'), arabic.replace('{{maxFine}}', '{{maxFineX}}'));
  runs.broken = runCli(['build', '-t', brokenTranslations, '-l', 'en,ar', '--template', CARD, '-p', 'letter', '--format', 'github', '-o', outs.broken], ROOT, env);
});

describe('OUT/manifest.json', () => {
  it('lists every PDF written, with its size, pages and SHA-256 as they are on disk', () => {
    expect(runs.whole.code).toBe(0);
    const manifest = manifestOf(outs.whole);
    expect(manifest.pdfs.map((p) => p.file)).toEqual(pdfsIn(outs.whole));
    expect(manifest.pdfs.map((p) => p.file)).toEqual(['shop/wallet-card/piece/ar.pdf', 'shop/wallet-card/piece/en.pdf', 'wallet-card/a4/ar.pdf', 'wallet-card/a4/en.pdf', 'wallet-card/letter/ar.pdf', 'wallet-card/letter/en.pdf']);
    for (const pdf of manifest.pdfs) {
      const file = path.join(outs.whole, pdf.file);
      expect(pdf.sha256).toBe(sha256(file));
      expect(pdf.bytes).toBe(fs.statSync(file).size);
      expect(pdf.file).toBe(`${pdf.print === 'shop' ? 'shop/' : ''}${pdf.format}/${pdf.paper}/${pdf.language}.pdf`);
    }
    // Pages as MuPDF counts them, for two of them.
    for (const pdf of manifest.pdfs.filter((p) => p.language === 'ar' && p.paper !== 'a4')) {
      expect(readPdf(path.join(outs.whole, pdf.file)).pages).toHaveLength(pdf.pages);
    }
    expect(manifest.complete).toBe(true);
    expect(manifest.failed).toEqual([]);
    expect(manifest).not.toHaveProperty('shard');
  });

  it('names the edition: the facts\' date and the mission\'s file and name, and no other time', () => {
    const manifest = manifestOf(outs.whole);
    const facts = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'facts.json'), 'utf8'));
    expect(manifest.edition).toEqual({ date: facts.edition, file: edition.split(path.sep).join('/'), name: 'Test mission' });
    expect(Object.keys(manifest)).toEqual(['edition', 'complete', 'pdfs', 'failed']);
  });

  it('lists what a partial build wrote and what it did not', () => {
    expect(runs.broken.code).toBe(1);
    const manifest = manifestOf(outs.broken);
    expect(manifest.pdfs.map((p) => p.file)).toEqual(['wallet-card/letter/en.pdf']);
    expect(manifest.pdfs[0].sha256).toBe(sha256(path.join(outs.broken, 'wallet-card', 'letter', 'en.pdf')));
    expect(manifest.failed).toEqual([{ file: 'wallet-card/letter/ar.pdf', language: 'ar', format: 'wallet-card', paper: 'letter', print: 'office' }]);
    expect(manifest.complete).toBe(false);
    expect(manifest.edition.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('leaves no temporary file beside it', () => {
    expect(fs.readdirSync(outs.whole).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('--shard I/N', () => {
  it('builds each PDF of the batch in exactly one of the shards, byte for byte the PDF of the whole build', () => {
    expect(runs.first.code).toBe(0);
    expect(runs.second.code).toBe(0);
    const first = manifestOf(outs.first);
    const second = manifestOf(outs.second);
    expect(first.shard).toBe('1/2');
    expect(second.shard).toBe('2/2');
    expect(first.pdfs.length).toBe(3);
    expect(second.pdfs.length).toBe(3);
    expect([...first.pdfs, ...second.pdfs].sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual(manifestOf(outs.whole).pdfs);
    expect(pdfsIn(outs.first)).toEqual(first.pdfs.map((p) => p.file));
    expect(pdfsIn(outs.second)).toEqual(second.pdfs.map((p) => p.file));
    expect(runs.first.stdout).toContain('shard 1/2: 3 of the batch\'s 6 PDFs');
  });

  it.each(['0/4', '5/4', 'x/y'])('refuses --shard %s in one line, exit code 2, before writing anything', (value) => {
    const out = path.join(tempDir(), 'out');
    const run = runCli(['build', '-l', 'en', '--template', CARD, '--shard', value, '-o', out], ROOT, env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^pamphlet: --shard "${value}" is not a shard: give I/N`));
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('--format github', () => {
  const annotation = /^::error file=(?<file>[^,]+),line=(?<line>\d+),col=(?<col>\d+),title=pamphlet translation \(ar\)%3A key law\.penalty::(?<message>.*)$/m;

  it('prints a build\'s finding as an annotation on the translation\'s file, line and column of the key', () => {
    const match = annotation.exec(runs.broken.stdout);
    expect(match).not.toBeNull();
    const { file, line, col, message } = match!.groups!;
    expect(path.resolve(ROOT, file)).toBe(path.join(brokenTranslations, 'ar.json'));
    // The line and column are where "penalty" is written in the file.
    const lines = fs.readFileSync(path.join(brokenTranslations, 'ar.json'), 'utf8').split('\n');
    expect(lines[Number(line) - 1].slice(Number(col) - 1)).toMatch(/^"penalty":/);
    expect(message).toContain('{{maxFineX}}');
    // Annotations instead of the report for people; the summary line still ends it.
    expect(runs.broken.stdout).not.toMatch(/^ {2}error /m);
    expect(runs.broken.stdout.trim().split('\n').at(-1)).toMatch(/^1 built, 1 failed \(ar on letter\)/);
  });

  it('prints check\'s findings the same way', () => {
    const run = runCli(['check', '-t', brokenTranslations, '-l', 'ar', '--template', CARD, '-p', 'letter', '--format', 'github'], ROOT, env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(annotation);
    expect(run.stdout.trim().split('\n').filter((l) => !l.startsWith('::'))).toEqual([expect.stringMatching(/^1 language checked: 0 passed, 1 failed \(ar\)/)]);
  });

  it('is refused with --json, in one line', () => {
    const run = runCli(['check', '-l', 'en', '--template', CARD, '--format', 'github', '--json'], ROOT, env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^pamphlet: --format github and --json both say how to print the findings; give one/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { kind: 'usage' } });
  });
});

describe('progress', () => {
  it('writes no updating line when not at a terminal: the lines are plain, one per PDF', () => {
    expect(runs.whole.stderr).toBe('');
    expect(runs.whole.stdout).not.toMatch(/\r|\x1b/);
    expect(runs.whole.stdout.match(/^built /gm)).toHaveLength(6);
  });
});
