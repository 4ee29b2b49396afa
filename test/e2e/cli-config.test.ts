import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/build';
import { readPdf } from '../support/pdf';

/**
 * pamphlet.config.json, run through the real CLI: defaults for the options,
 * the command line winning over them, relative paths read from the file's
 * folder, and a broken file refused in one line with exit code 2.
 */
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-config-'));
  made.push(dir);
  return dir;
}

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder holding only a pamphlet.config.json with `config` (an object, or raw text). */
function withConfig(config: unknown): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

function pdfs(out: string): string[] {
  const root = path.join(out, 'trifold');
  return fs.readdirSync(root).flatMap((paper) => fs.readdirSync(path.join(root, paper)).map((f) => `${paper}/${f}`)).sort();
}

describe('pamphlet.config.json in the current folder', () => {
  const dir = withConfig({ lang: ['th', 'ar'], paper: 'letter', json: true });

  it('gives the defaults of the options', () => {
    const { code, stdout } = cli(['check'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toMatchObject({ languages: 2, failedLanguages: [] });
  });

  it('gives way to the command line, long or short options', () => {
    const one = cli(['check', '-l', 'en'], dir);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).summary.languages).toBe(1);
    const human = cli(['check', '--lang', 'en', '--no-json'], dir);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('1 language checked');
  });

  it('is not needed: without one, the shipped content is used from any folder', () => {
    const { code, stdout } = cli(['check', '-l', 'en', '-p', 'letter'], tempDir());
    expect(code).toBe(0);
    expect(stdout).toContain('en  English: ok');
  });

  it('is ignored where a command has no such option (languages takes no --lang)', () => {
    const { code, stdout } = cli(['languages'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^code +name/);
  });
});

describe('relative paths', () => {
  /** A project: its config file, a translations folder of two languages, run from a sibling folder. */
  function project() {
    const root = tempDir();
    const proj = path.join(root, 'proj');
    fs.mkdirSync(path.join(proj, 'content', 'translations'), { recursive: true });
    for (const code of ['en', 'fr']) fs.copyFileSync(path.join(ROOT, 'translations', `${code}.json`), path.join(proj, 'content', 'translations', `${code}.json`));
    fs.writeFileSync(path.join(proj, 'pamphlet.config.json'), JSON.stringify({ translations: 'content/translations', out: 'pdfs', paper: 'a4' }));
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(elsewhere);
    return { proj, elsewhere };
  }

  it('in the config file are read from its folder, wherever pamphlet runs', () => {
    const { proj, elsewhere } = project();
    const { code, stderr } = cli(['build', '--config', path.join('..', 'proj', 'pamphlet.config.json')], elsewhere);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(pdfs(path.join(proj, 'pdfs'))).toEqual(['a4/en.pdf', 'a4/fr.pdf']);
    expect(fs.existsSync(path.join(elsewhere, 'pdfs'))).toBe(false);
  });

  it('on the command line are read from the current folder, and win', () => {
    const { proj, elsewhere } = project();
    const { code } = cli(['build', '-c', '../proj/pamphlet.config.json', '-l', 'en', '-o', 'here'], elsewhere);
    expect(code).toBe(0);
    expect(pdfs(path.join(elsewhere, 'here'))).toEqual(['a4/en.pdf']);
    expect(fs.existsSync(path.join(proj, 'pdfs'))).toBe(false);
  });

  it('that lead nowhere name the config file, the key and the folder they were read from', () => {
    const dir = withConfig({ template: 'templates/missing.hbs' });
    const { code, stdout, stderr } = cli(['check', '-l', 'en'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`pamphlet: pamphlet.config.json, key template: templates/missing.hbs does not exist. Fix the path; a relative path in this file is read from its folder, ${fs.realpathSync(dir)}.`);
    // The command line wins, even over a broken path: then the file's is not used.
    expect(cli(['check', '-l', 'en', '-p', 'letter', '--template', path.join(ROOT, 'templates', 'trifold.hbs')], dir).code).toBe(0);
  });
});

describe('a broken config file is one line and exit code 2', () => {
  const cases: [string, (dir: string) => void, string][] = [
    ['bad JSON', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "lang": "en" "paper": "a4" }'),
      'pamphlet.config.json: is not valid JSON at line 1, column 16: a comma is missing here. Fix the syntax there.'],
    ['an empty file', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), ''),
      'pamphlet.config.json: is empty; it must hold a JSON object. Restore its content.'],
    ['not an object', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '["en"]'),
      'pamphlet.config.json: must hold one JSON object of option defaults, such as {"lang": "all", "paper": "letter"}, not a list.'],
    ['an unknown key', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "langs": "en" }'),
      'pamphlet.config.json, key langs: is not an option this file can set. Did you mean "lang"? Its keys are lang, paper, print, json, jobs, edition, out, translations, template, data, fonts.'],
    ['a key twice', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "lang": "en",\n"lang": "fr" }'),
      'pamphlet.config.json, key lang: the key "lang" appears twice (lines 1 and 2); one text would be lost. Keep one.'],
    ['a path that is not text', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "out": ["a", "b"] }'),
      'pamphlet.config.json, key out: must be a path in double quotes, not a list.'],
    ['an unknown paper', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "paper": "letter,legal" }'),
      'pamphlet.config.json, key paper: names an unknown paper "legal". Use letter, a4, a3, tabloid, piece or all.'],
    ['jobs as text', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "jobs": "4" }'),
      'pamphlet.config.json, key jobs: must be a whole number of worker threads from 1 to 256, such as 4, not a string. Remove it to use the machine\'s cores.'],
    ['no jobs', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "jobs": 0 }'),
      'pamphlet.config.json, key jobs: must be a whole number of worker threads from 1 to 256, such as 4, not 0. Remove it to use the machine\'s cores.'],
    ['a language that is a path', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "lang": ["en", "../secrets"] }'),
      'pamphlet.config.json, key lang: names "../secrets", which is not a language code. Use codes such as en, fr, th (see `pamphlet languages`).'],
    ['a line break in a value', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), '{ "data": "data\\nfolder" }'),
      'pamphlet.config.json, key data: is "data\\nfolder", which has a control character (a line break?); no path needs one. Fix the path.'],
    ['a FIFO', (dir) => execFileSync('mkfifo', [path.join(dir, 'pamphlet.config.json')]),
      'pamphlet.config.json: is a named pipe (FIFO), not a file. Replace it with the file itself.'],
    ['a folder', (dir) => fs.mkdirSync(path.join(dir, 'pamphlet.config.json')),
      'pamphlet.config.json: is a folder, not a file. Replace it with the file itself.'],
    ['a link to /dev/zero', (dir) => fs.symlinkSync('/dev/zero', path.join(dir, 'pamphlet.config.json')),
      'pamphlet.config.json: is a link to /dev/zero, which is a device, not a file. Replace the link with the file itself.'],
    ['a link to nothing', (dir) => fs.symlinkSync('gone.json', path.join(dir, 'pamphlet.config.json')),
      'pamphlet.config.json: is a link to gone.json, which does not exist. Replace the link with the file itself.'],
    ['too large', (dir) => fs.writeFileSync(path.join(dir, 'pamphlet.config.json'), `{ "lang": "en"${' '.repeat(70_000)}}`),
      'pamphlet.config.json: is 68.4 KiB, more than the limit of 64 KiB for this file. Check that it is the right file (see "Limits on input" in the README).'],
  ];

  it.each(cases)('%s', (_about, make, message) => {
    const dir = tempDir();
    make(dir);
    const { code, stdout, stderr } = cli(['check', '-l', 'en', '-p', 'letter'], dir);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).toBe(`pamphlet: ${message}\n`);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('as JSON with --json: the file and the key', () => {
    const dir = withConfig('{ "json": true, "font": "fonts.json" }');
    const { code, stdout, stderr } = cli(['check', '--json'], dir);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      error: { kind: 'usage', file: 'pamphlet.config.json', key: 'font', message: 'is not an option this file can set. Did you mean "fonts"? Its keys are lang, paper, print, json, jobs, edition, out, translations, template, data, fonts.' },
    });
  });

  it('for the file --config names: missing, given twice, or empty', () => {
    const dir = tempDir();
    for (const [args, message] of [
      [['--config', 'nope.json'], 'pamphlet: nope.json: does not exist. Check the path.'],
      [['-c', 'a.json', '-c', 'b.json'], 'pamphlet: --config was given 2 times; give it once. Run `pamphlet --help` for the commands and options.'],
      [['--config', ''], 'pamphlet: --config is empty; give it a path. Run `pamphlet --help` for the commands and options.'],
    ] as [string[], string][]) {
      const { code, stdout, stderr } = cli(['check', '-l', 'en', ...args], dir);
      expect(stderr.trim()).toBe(message);
      expect(stdout).toBe('');
      expect(code).toBe(2);
    }
  });

  it('named by --config, even where the current folder has a good one', () => {
    const dir = withConfig({ lang: 'en' });
    fs.writeFileSync(path.join(dir, 'other.json'), '{ "paper": 4 }');
    const { code, stderr } = cli(['check', '--config', 'other.json'], dir);
    expect(stderr.trim()).toBe('pamphlet: other.json, key paper: must be a string such as "letter", or a list of strings, not a number.');
    expect(code).toBe(2);
  });
});

describe('the edition key', () => {
  const BANGKOK_YAML = path.join(ROOT, 'editions', 'bangkok.yaml');
  /** A project whose config names its edition, in a folder of its own: Bangkok in YAML (Thai and English, A4, every format). */
  function project(config: Record<string, unknown> = {}) {
    const root = tempDir();
    const proj = path.join(root, 'proj');
    fs.mkdirSync(path.join(proj, 'missions'), { recursive: true });
    fs.copyFileSync(BANGKOK_YAML, path.join(proj, 'missions', 'bangkok.yaml'));
    fs.copyFileSync(path.join(path.dirname(BANGKOK_YAML), 'bangkok-logo.svg'), path.join(proj, 'missions', 'bangkok-logo.svg'));
    fs.writeFileSync(path.join(proj, 'pamphlet.config.json'), JSON.stringify({ edition: 'missions/bangkok.yaml', ...config }));
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(elsewhere);
    return { proj, elsewhere };
  }
  const checked = (stdout: string) => JSON.parse(stdout).summary.languages;

  it('is used by `pamphlet build` with no flags: the edition\'s languages, papers, formats and contacts', () => {
    const { proj } = project({ out: 'pdfs' });
    const { code, stdout, stderr } = cli(['build'], proj);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/10 built, 0 failed/);
    const files = (fs.readdirSync(path.join(proj, 'pdfs'), { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(['poster/a3/en.pdf', 'poster/a3/th+en.pdf', 'poster/a3/th.pdf', 'poster/a4/en.pdf', 'poster/a4/th.pdf', 'trifold/a4/en.pdf', 'trifold/a4/th.pdf', 'wallet-card/a4/en.pdf', 'wallet-card/a4/th+en.pdf', 'wallet-card/a4/th.pdf']);
    // The edition's own contact is printed: the contacts came with it.
    const { pages } = readPdf(fs.readFileSync(path.join(proj, 'pdfs', 'wallet-card', 'a4', 'en.pdf')));
    expect(pages.map((p) => p.text).join('').replace(/\s+/g, '')).toContain('+66(0)20000000');
  });

  it('is read from the config file\'s folder, wherever pamphlet runs', () => {
    const { elsewhere } = project({ json: true });
    const { code, stdout, stderr } = cli(['check', '-c', '../proj/pamphlet.config.json', '--template', path.join(ROOT, 'templates', 'poster.hbs')], elsewhere);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(checked(stdout)).toBe(2);
  });

  it('gives way to the config file\'s own lang and paper, and to the command line', () => {
    const { proj } = project({ lang: 'en', paper: 'letter', out: 'pdfs' });
    expect(cli(['build'], proj).code).toBe(0);
    const files = (fs.readdirSync(path.join(proj, 'pdfs'), { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(['poster/letter/en.pdf', 'trifold/letter/en.pdf', 'wallet-card/letter/en.pdf']);
    expect(checked(cli(['check', '--json', '-l', 'th,en,fr'], proj).stdout)).toBe(3);
  });

  it('gives way to --edition; an edition named on the command line comes before the config file\'s lang', () => {
    const { proj } = project({ json: true, lang: 'all' });
    fs.writeFileSync(path.join(proj, 'french.yaml'), 'name: Ottawa\nlanguages: [fr]\n');
    const { code, stdout } = cli(['check', '--edition', 'french.yaml'], proj);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.languages).toBe(1);
  });

  it('that leads nowhere names the config file, the key and the folder it was read from', () => {
    const dir = withConfig({ edition: 'missions/nope.yaml' });
    const { code, stdout, stderr } = cli(['build'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`pamphlet: pamphlet.config.json, key edition: missions/nope.yaml does not exist. Fix the path; a relative path in this file is read from its folder, ${fs.realpathSync(dir)}.\n`);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('that names a broken edition says the edition file and its line', () => {
    const dir = withConfig({ edition: 'mission.yaml' });
    fs.writeFileSync(path.join(dir, 'mission.yaml'), 'name: T\nlanguages: [th\n');
    const { code, stderr } = cli(['check'], dir);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^pamphlet: ${fs.realpathSync(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/mission\\.yaml: is not valid YAML at line 3, column 1: `));
  });
});
