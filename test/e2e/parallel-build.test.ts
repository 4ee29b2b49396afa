import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/build';
import { CliRun, runCli } from '../support/cli';
import { readPdf } from '../support/pdf';
import { temporaryFolders } from '../support/temp';

/**
 * A PDF depends on its own inputs only: built alone or after others in one
 * process, in one thread or in a pool of workers (--jobs), it is the same
 * bytes, and so are the manifest and the report. Each build once, shared.
 */
const tempDir = temporaryFolders('pamphlet-parallel-');
const env = { ...process.env, CI: 'true' };
/** Several scripts, a bilingual piece, every paper and print target: 52 PDFs. */
const BATCH = ['build', '--lang', 'zh,hi,ar,th+en', '--paper', 'all', '--print', 'all'];
const BATCH_TIME = 240_000;

let dir: string;
const outs = { serial: '', pool: '', arAlone: '', hiAlone: '', brokenSerial: '', brokenPool: '', noSourceSerial: '', noSourcePool: '', editionSerial: '', editionPool: '' };
const runs: Record<keyof typeof outs, CliRun> = {} as never;

/** Every file under `dir`, relative to it, sorted. */
function files(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();
}

/** A run's stdout with its own output folder and its time taken out: what two builds into different folders should share. */
function report(run: CliRun, out: string): string {
  return run.stdout.split(out).join('OUT').replace(/ in \d+\.\d s;/, ' in N s;');
}

beforeAll(() => {
  dir = tempDir();
  for (const name of Object.keys(outs) as (keyof typeof outs)[]) outs[name] = path.join(dir, name);
  runs.serial = runCli([...BATCH, '--jobs', '1', '-o', outs.serial], ROOT, env, BATCH_TIME);
  // Three threads on any machine: which thread takes which task is up to the pool.
  runs.pool = runCli([...BATCH, '--jobs', '3', '-o', outs.pool], ROOT, env, BATCH_TIME);
  // Built alone: the tri-fold in Arabic (in the batch after the poster's 27 PDFs), the card in Hindi for a print shop.
  runs.arAlone = runCli(['build', '--template', path.join(ROOT, 'templates', 'trifold.hbs'), '--lang', 'ar', '-o', outs.arAlone], ROOT, env);
  runs.hiAlone = runCli(['build', '--template', path.join(ROOT, 'templates', 'wallet-card.hbs'), '--lang', 'hi', '--paper', 'piece', '--print', 'shop', '-o', outs.hiAlone], ROOT, env);
  // Findings: a fact nothing prints (said by every task, for all languages), Arabic names a fact that is not there, Thai lacks a string; English is built, alone.
  const translations = path.join(dir, 'translations');
  fs.mkdirSync(translations);
  fs.copyFileSync(path.join(ROOT, 'translations', 'en.json'), path.join(translations, 'en.json'));
  const arabic = fs.readFileSync(path.join(ROOT, 'translations', 'ar.json'), 'utf8');
  expect(arabic).toContain('{{maxFine}}');
  fs.writeFileSync(path.join(translations, 'ar.json'), arabic.replace('{{maxFine}}', '{{maxFineX}}'));
  const thai = JSON.parse(fs.readFileSync(path.join(ROOT, 'translations', 'th.json'), 'utf8'));
  delete thai.strings.card.title;
  fs.writeFileSync(path.join(translations, 'th.json'), JSON.stringify(thai));
  const data = path.join(dir, 'data');
  fs.cpSync(path.join(ROOT, 'data'), data, { recursive: true });
  const facts = JSON.parse(fs.readFileSync(path.join(data, 'facts.json'), 'utf8'));
  facts.facts.spareCode = { ...facts.facts.irpaAbbreviation, byLanguage: undefined };
  fs.writeFileSync(path.join(data, 'facts.json'), JSON.stringify(facts));
  const broken = ['build', '-t', translations, '-d', data, '-l', 'en,ar,th,th+en', '--template', path.join(ROOT, 'templates', 'poster.hbs'), '-p', 'a3,a4', '--json'];
  runs.brokenSerial = runCli([...broken, '--jobs', '1', '-o', outs.brokenSerial], ROOT, env);
  runs.brokenPool = runCli([...broken, '--jobs', '2', '-o', outs.brokenPool], ROOT, env);
  // The source text cannot be read: said for English where English is asked for, in the order asked, whichever task checked it.
  const noSource = path.join(dir, 'no-source');
  fs.mkdirSync(noSource);
  for (const code of ['ar', 'th', 'hi']) fs.copyFileSync(path.join(ROOT, 'translations', `${code}.json`), path.join(noSource, `${code}.json`));
  fs.writeFileSync(path.join(noSource, 'en.json'), '{ "meta": ');
  const unread = ['build', '-t', noSource, '-l', 'ar,th,en,hi', '--template', path.join(ROOT, 'templates', 'poster.hbs'), '-p', 'a4'];
  runs.noSourceSerial = runCli([...unread, '--jobs', '1', '-o', outs.noSourceSerial], ROOT, env);
  runs.noSourcePool = runCli([...unread, '--jobs', '2', '-o', outs.noSourcePool], ROOT, env);
  // A mission's edition, with its SVG logo and contacts: each worker reads the edition file again.
  const bangkok = path.join(ROOT, 'editions', 'bangkok.json');
  runs.editionSerial = runCli(['build', '-e', bangkok, '--jobs', '1', '-o', outs.editionSerial], ROOT, env);
  runs.editionPool = runCli(['build', '-e', bangkok, '--jobs', '2', '-o', outs.editionPool], ROOT, env);
}, 2 * BATCH_TIME + 120_000);

describe('a build in a pool of workers (--jobs)', () => {
  it('writes the same files as a build in one thread, byte for byte, manifest included', () => {
    expect(runs.serial.code).toBe(0);
    expect(runs.pool.code).toBe(0);
    const written = files(outs.serial);
    expect(written).toEqual(files(outs.pool));
    expect(written.filter((f) => f.endsWith('.pdf'))).toHaveLength(52);
    expect(written).toContain('manifest.json');
    expect(written).toContain('poster/a3/th+en.pdf');
    const differ = written.filter((f) => !fs.readFileSync(path.join(outs.serial, f)).equals(fs.readFileSync(path.join(outs.pool, f))));
    expect(differ).toEqual([]);
    // Real PDFs, not empty files that would be equal too.
    expect(readPdf(path.join(outs.pool, 'trifold', 'a4', 'zh.pdf')).pages).toHaveLength(2);
  });

  it('prints the same report, line for line, in the batch\'s order', () => {
    expect(report(runs.pool, outs.pool)).toBe(report(runs.serial, outs.serial));
    const built = runs.pool.stdout.split('\n').filter((line) => line.startsWith('built '));
    expect(built).toHaveLength(52);
    expect(built[0]).toContain('poster/a3/zh.pdf');
    expect(runs.pool.stdout).toMatch(/^52 built, 0 failed, in \d+\.\d s; 0 errors, 0 warnings\.$/m);
  });

  it('reports the same findings and failures, in the same order', () => {
    expect(runs.brokenSerial.code).toBe(1);
    expect(runs.brokenPool.code).toBe(1);
    const serial = JSON.parse(runs.brokenSerial.stdout.split(outs.brokenSerial).join('OUT'));
    const pool = JSON.parse(runs.brokenPool.stdout.split(outs.brokenPool).join('OUT'));
    expect(pool).toEqual(serial);
    // The fact's warning once, for all languages; Arabic's and Thai's errors; their PDFs and the pair's failed; English's built.
    expect(serial.findings.map((f: { language?: string; severity: string }) => `${f.language ?? 'all'} ${f.severity}`)).toEqual(['all warning', 'ar error', 'ar error', 'th error']);
    expect(serial.summary.failed.map((f: { language: string; paper: string }) => `${f.language} ${f.paper}`)).toEqual(['ar a3', 'th a3', 'th+en a3', 'ar a4', 'th a4']);
    expect(serial.built.map((b: { file: string }) => b.file)).toEqual(['OUT/poster/a3/en.pdf', 'OUT/poster/a4/en.pdf']);
    expect(fs.readFileSync(path.join(outs.brokenPool, 'manifest.json')).equals(fs.readFileSync(path.join(outs.brokenSerial, 'manifest.json')))).toBe(true);
  });

  it('builds a mission\'s edition, logo and all, as one thread does', () => {
    expect(runs.editionSerial.code).toBe(0);
    const written = files(outs.editionSerial);
    expect(files(outs.editionPool)).toEqual(written);
    expect(written.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(4);
    for (const f of written) expect(fs.readFileSync(path.join(outs.editionPool, f)).equals(fs.readFileSync(path.join(outs.editionSerial, f)))).toBe(true);
    expect(report(runs.editionPool, outs.editionPool)).toBe(report(runs.editionSerial, outs.editionSerial));
  });

  it('says an unreadable source text where one thread says it', () => {
    expect(runs.noSourceSerial.code).toBe(1);
    expect(report(runs.noSourcePool, outs.noSourcePool)).toBe(report(runs.noSourceSerial, outs.noSourceSerial));
    const lines = runs.noSourceSerial.stdout.split('\n');
    expect(lines.findIndex((line) => line.startsWith('en: 1 error'))).toBe(2);
    expect(lines[3]).toMatch(/en\.json: is not valid JSON/);
  });

  it.each(['0', 'x', '1.5', '-2', '300'])('refuses --jobs %s in one line, exit code 2, before writing anything', (value) => {
    const out = path.join(dir, `jobs-${value}`);
    const run = runCli(['build', '-l', 'en', '--template', path.join(ROOT, 'templates', 'poster.hbs'), '--jobs', value, '-o', out], ROOT, env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([`pamphlet: --jobs "${value}" is not a number of workers: give a whole number from 1 (build in one thread) to 256, or leave it out to use the machine's cores.`]);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('a PDF built alone', () => {
  it.each([
    ['arAlone', 'trifold/letter/ar.pdf'],
    ['hiAlone', 'shop/wallet-card/piece/hi.pdf'],
  ] as const)('is byte for byte the one built in the batch (%s: %s)', (run, file) => {
    expect(runs[run].code).toBe(0);
    const alone = fs.readFileSync(path.join(outs[run], file));
    expect(readPdf(alone).pages.length).toBeGreaterThan(0);
    expect(alone.equals(fs.readFileSync(path.join(outs.serial, file)))).toBe(true);
    expect(alone.equals(fs.readFileSync(path.join(outs.pool, file)))).toBe(true);
  });
});
