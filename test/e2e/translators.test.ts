import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import xliff12ToJs from 'xliff/cjs/xliff12ToJs';
import xliff2js from 'xliff/cjs/xliff2js';
import { ROOT } from '../support/build';
import { CLI, runCli } from '../support/cli';
import { temporaryFolders } from '../support/temp';

/**
 * The translators' round trip, as a translator and a coordinator run it: a
 * copy of the shipped content, the CLI run on it.
 */
const tempFolder = temporaryFolders('pamphlet-round-trip-');

function copyOfContent(): string {
  const dir = tempFolder();
  for (const folder of ['translations', 'data', 'templates']) fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  fs.mkdirSync(path.join(dir, 'fonts'));
  fs.copyFileSync(path.join(ROOT, 'fonts', 'fonts.json'), path.join(dir, 'fonts', 'fonts.json'));
  return dir;
}

const CONTENT = ['--translations', 'translations', '--data', 'data', '--fonts', 'fonts/fonts.json'];

function parsed(xml: string, parse: typeof xliff12ToJs): Promise<{ resources: Record<string, Record<string, { source: string; target?: string }>> }> {
  return new Promise((resolve, reject) => parse(xml, {}, (error, result) => (error ? reject(error) : resolve(result as never))));
}

describe('export, translate, import: the round trip', () => {
  let dir: string;
  let before: string;
  let importRun: ReturnType<typeof runCli>;
  let checkRun: ReturnType<typeof runCli>;
  let xml: string;

  beforeAll(() => {
    dir = copyOfContent();
    before = fs.readFileSync(path.join(dir, 'translations', 'vi.json'), 'utf8');
    const exported = runCli(['export', '--lang', 'vi', '-o', 'vi.xlf', ...CONTENT], dir);
    expect(exported.code).toBe(0);
    xml = fs.readFileSync(path.join(dir, 'vi.xlf'), 'utf8');
    // The translator changes two targets in the CAT tool…
    const delivered = xml
      .replace('<target state="translated">Có thể là cái bẫy nếu:</target>', '<target state="translated">Đó có thể là cái bẫy nếu:</target>')
      .replace('<target state="translated">Bạn phải trả phí trước khi đi.</target>', '<target state="translated">Bạn phải trả một khoản phí trước khi đi.</target>');
    expect(delivered).not.toBe(xml);
    fs.writeFileSync(path.join(dir, 'vi-delivered.xlf'), delivered);
    // …while the English of a third string is edited in the project.
    const en = path.join(dir, 'translations', 'en.json');
    fs.writeFileSync(en, fs.readFileSync(en, 'utf8').replace('"Someone wants to keep your passport."', '"Someone wants to hold on to your passport."'));
    importRun = runCli(['import', 'vi-delivered.xlf', '--template', 'templates/trifold.hbs', ...CONTENT], dir);
    checkRun = runCli(['check', '--lang', 'vi', '--paper', 'letter', '--template', 'templates/trifold.hbs', '--json', ...CONTENT], dir);
  });

  it('exports XLIFF 1.2 with the English, the translation, a state and a note saying where the string prints and what its placeholders are', async () => {
    const js = await parsed(xml, xliff12ToJs);
    const units = js.resources.pamphlet;
    expect(units['cover.title'].source).toBe('Human trafficking: <nobr>do not fall</nobr> into the trap');
    expect(units['cover.title'].target).toBe('Mua bán người: <nobr>đừng sa vào bẫy</nobr>');
    expect(xml).toContain('<target state="translated">');
    expect(xml).toMatch(/<trans-unit id="law.penalty">[\s\S]*?<note>[^<]*panel "law"[^<]*\{\{maxFine\}\} = an amount of money, printed "[^"]*1\.000\.000[^"]*"/);
  });

  it('imports the two changed strings and nothing else: meta, the other strings and the file\'s layout stay as they were', () => {
    expect(importRun.stderr).toBe('');
    expect(importRun.code).toBe(0);
    expect(importRun.stdout).toContain('2 strings changed (check.intro, check.fee)');
    const after = fs.readFileSync(path.join(dir, 'translations', 'vi.json'), 'utf8');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['      "intro": "Đó có thể là cái bẫy nếu:",', '      "fee": "Bạn phải trả một khoản phí trước khi đi.",']);
  });

  it('leaves the string whose English changed marked stale, for check, languages and the next export', () => {
    const report = JSON.parse(checkRun.stdout);
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([expect.objectContaining({ severity: 'warning', key: 'check.passport', file: 'translations/vi.json', line: expect.any(Number), column: 7 })]);
    expect(report.findings[0].message).toContain('needs review');
    expect(runCli(['languages', ...CONTENT], dir).stdout).toMatch(/^vi .* complete, 1 of 57 strings need review$/m);
    const again = runCli(['export', '--lang', 'vi', '-o', 'again.xlf', ...CONTENT], dir);
    expect(again.stdout).toContain('1 need review');
    expect(fs.readFileSync(path.join(dir, 'again.xlf'), 'utf8')).toMatch(/<trans-unit id="check.passport">\s*<source>Someone wants to hold on to your passport.<\/source>\s*<target state="needs-review-translation">/);
  });

  it('refuses a delivered file with an error and writes nothing', () => {
    const bad = xml.replace('<target state="translated">Có thể là cái bẫy nếu:</target>', '<target state="translated">Có thể là cái bẫy nếu: {{tiềnPhạt}}</target>');
    fs.writeFileSync(path.join(dir, 'bad.xlf'), bad);
    const current = fs.readFileSync(path.join(dir, 'translations', 'vi.json'), 'utf8');
    const run = runCli(['import', 'bad.xlf', '--template', 'templates/trifold.hbs', ...CONTENT], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/translations\/vi\.json:\d+:\d+, key check\.intro: \{\{tiềnPhạt\}\}: placeholder names stay as in English/);
    expect(run.stdout).toContain('not imported');
    expect(fs.readFileSync(path.join(dir, 'translations', 'vi.json'), 'utf8')).toBe(current);
  });
});

describe('the other exchange formats', () => {
  const dir = copyOfContent();

  it('XLIFF 2.0 parses with the library\'s 2.0 reader, a segment state per unit', async () => {
    expect(runCli(['export', '-l', 'vi', '--xliff-version', '2.0', '-o', 'vi2.xlf', ...CONTENT], dir).code).toBe(0);
    const xml = fs.readFileSync(path.join(dir, 'vi2.xlf'), 'utf8');
    expect(xml).toContain('version="2.0"');
    expect(xml).toContain('<segment state="translated">');
    const js = await parsed(xml, xliff2js);
    expect(js.resources.pamphlet['check.fee'].target).toBe('Bạn phải trả phí trước khi đi.');
  });

  it('i18next: en.json as the base file, the language\'s plain strings, and its meta in a file of its own', () => {
    expect(runCli(['export', '-l', 'vi', '--format', 'i18next', '-o', 'platform', ...CONTENT], dir).code).toBe(0);
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, 'platform', name), 'utf8'));
    expect(read('vi.json').cover.title).toBe('Mua bán người: <nobr>đừng sa vào bẫy</nobr>');
    expect(read('vi.json').meta).toBeUndefined();
    expect(read('en.json').cover.title).toContain('Human trafficking');
    expect(read('vi.meta.json').meta.locale).toBe('vi');
  });

  it('check --translations works on a folder holding only the delivered file, with the project\'s English', () => {
    const delivered = path.join(dir, 'delivered');
    fs.mkdirSync(delivered);
    fs.copyFileSync(path.join(dir, 'translations', 'vi.json'), path.join(delivered, 'vi.json'));
    const run = runCli(['check', '-t', 'delivered', '-p', 'letter', '--template', 'templates/trifold.hbs', '--json', '--data', 'data', '--fonts', 'fonts/fonts.json'], dir);
    expect(JSON.parse(run.stdout)).toEqual(expect.objectContaining({ ok: true, summary: expect.objectContaining({ languages: 1, errors: 0 }) }));
  });
});

describe('pseudo-locales run every gate', () => {
  it('check --lang en-XA,ar-XB lays both out on Letter with no error', () => {
    const run = runCli(['check', '--lang', 'en-XA,ar-XB', '--paper', 'letter', '--template', 'templates/trifold.hbs', '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual(expect.objectContaining({ languages: 2, failedLanguages: [], errors: 0 }));
  });
});

describe('proofs', () => {
  const dir = copyOfContent();
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    run = runCli(['proof', '-l', 'vi', '--keys', '--template', 'templates/trifold.hbs', '-o', 'out', ...CONTENT], dir);
  });

  it('writes each page as PNG and a contact sheet numbering the strings by key', () => {
    expect(run.code).toBe(0);
    const folder = path.join(dir, 'out', 'proof', 'trifold', 'letter');
    for (const page of ['vi-p1.png', 'vi-p2.png']) {
      expect(fs.readFileSync(path.join(folder, page)).subarray(1, 4).toString()).toBe('PNG');
    }
    const sheet = fs.readFileSync(path.join(folder, 'vi-keys.txt'), 'utf8');
    for (const key of ['cover.title', 'check.fee', 'law.penalty', 'help.strip']) expect(sheet).toMatch(new RegExp(`^ +\\d+  page [12] .* ${key.replace('.', '\\.')}$`, 'm'));
  });
});

describe('build --watch', () => {
  it('rebuilds the language whose translation changed within a second, prints its findings, and stops on Ctrl-C with exit 0', async () => {
    const dir = copyOfContent();
    const child = spawn(process.execPath, [CLI, 'build', '--watch', '-l', 'vi,fr', '--template', 'templates/trifold.hbs', '-o', 'out', ...CONTENT], { cwd: dir });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const waitFor = async (pattern: RegExp, seconds: number) => {
      for (let t = 0; t < seconds * 10 && !pattern.test(output); t++) await new Promise((r) => setTimeout(r, 100));
      expect(output).toMatch(pattern);
    };
    try {
      await waitFor(/watching .* \(Ctrl-C to stop\)/, 60);
      const file = path.join(dir, 'translations', 'vi.json');
      const edited = Date.now();
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"Bạn phải trả phí trước khi đi."', '"Bạn phải trả phí {{maxFine}} trước khi đi."'));
      await waitFor(/translations\/vi\.json changed: rebuilding vi\n/, 5);
      expect(Date.now() - edited).toBeLessThan(5000);
      // The rebuild line's own time is within a second of the edit.
      const stamp = /\[(\d\d):(\d\d):(\d\d)\] translations\/vi\.json changed/.exec(output)!;
      const at = new Date(edited);
      const seconds = (Number(stamp[1]) * 3600 + Number(stamp[2]) * 60 + Number(stamp[3])) - (at.getHours() * 3600 + at.getMinutes() * 60 + at.getSeconds());
      expect(seconds).toBeLessThanOrEqual(1);
      await waitFor(/key check\.fee: \{\{maxFine\}\} is not in the source text[\s\S]*watching for changes/, 60);
      expect(output).not.toMatch(/changed: rebuilding vi,fr|rebuilding fr/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(output).toContain('stopped watching');
  });
});
