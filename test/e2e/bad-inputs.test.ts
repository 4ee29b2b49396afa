import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/build';

/**
 * The corpus of bad inputs: each case in test/fixtures/bad-inputs/ breaks a
 * copy of the shipped content in one way, runs the CLI on it, and says what
 * the person running it must see: the exit code, the lines of the human
 * output, and the finding in the --json output.
 */
interface Edit {
  file: string;
  delete?: string;
  rename?: string;
  copy?: string;
  to?: string;
  set?: string;
  value?: unknown;
  append?: string;
  text?: string;
  repeat?: string;
  times?: number;
  replace?: string;
  by?: string;
  count?: number;
  write?: string;
}

interface Case {
  about: string;
  run: string[];
  edits?: Edit[];
  exit: number;
  output: string[];
  /** Usage errors are one line, nothing more. */
  oneLine?: boolean;
  finding?: { check?: string; severity?: string; file?: string; language?: string; key?: string; message?: string };
}

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'bad-inputs');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const cases = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();

/** Walks a dotted path to the object holding its last part. */
function parentOf(json: Record<string, unknown>, dotted: string): [Record<string, unknown>, string] {
  const parts = dotted.split('.');
  const last = parts.pop()!;
  let node = json;
  for (const part of parts) {
    if (!(part in node)) throw new Error(`fixture edit: no "${part}" in ${dotted}`);
    node = node[part] as Record<string, unknown>;
  }
  return [node, last];
}

function applyEdit(dir: string, edit: Edit): void {
  const file = path.join(dir, edit.file);
  if (edit.write !== undefined) {
    fs.writeFileSync(file, edit.write);
    return;
  }
  if (edit.replace !== undefined) {
    let text = fs.readFileSync(file, 'utf8');
    if (!text.includes(edit.replace)) throw new Error(`fixture edit: "${edit.replace}" is not in ${edit.file}`);
    text = edit.count ? text.replace(edit.replace, edit.by!) : text.split(edit.replace).join(edit.by!);
    fs.writeFileSync(file, text);
    return;
  }
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dotted = edit.delete ?? edit.rename ?? edit.copy ?? edit.set ?? edit.append ?? edit.repeat!;
  const [node, key] = parentOf(json, dotted);
  if (edit.set === undefined && !(key in node)) throw new Error(`fixture edit: no "${dotted}" in ${edit.file}`);
  if (edit.delete) delete node[key];
  else if (edit.rename || edit.copy) {
    const [target, targetKey] = parentOf(json, edit.to!);
    target[targetKey] = node[key];
    if (edit.rename) delete node[key];
  } else if (edit.set) node[key] = edit.value;
  else if (edit.append) node[key] = `${node[key]}${edit.text}`;
  else if (edit.repeat) node[key] = Array(edit.times).fill(node[key]).join(' ');
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

/** A copy of the shipped content with the case's edits, and the CLI run on it. */
function runCase(c: Case, extra: string[] = []): { code: number; out: string; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-bad-'));
  for (const folder of ['translations', 'data', 'templates']) fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  fs.mkdirSync(path.join(dir, 'fonts'));
  fs.copyFileSync(path.join(ROOT, 'fonts', 'fonts.json'), path.join(dir, 'fonts', 'fonts.json'));
  for (const edit of c.edits ?? []) applyEdit(dir, edit);
  const defaults: [string, string][] = [['--translations', 'translations'], ['--data', 'data'], ['--template', 'templates/trifold.hbs'], ['--fonts', 'fonts/fonts.json']];
  if (c.run[0] === 'build') defaults.push(['--out', 'out']);
  const args = [...c.run, ...defaults.filter(([option]) => !c.run.includes(option)).flat(), ...extra];
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out: stdout, stdout };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout + e.stderr, stdout: e.stdout };
  }
}

describe('the bad-input corpus', () => {
  it('has a case for each kind of check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(cases)('%s', (name) => {
    const c: Case = JSON.parse(fs.readFileSync(path.join(CORPUS, name), 'utf8'));

    it(`says what to fix (${c.about})`, () => {
      const { code, out } = runCase(c);
      for (const line of c.output) expect(out).toContain(line);
      expect(code).toBe(c.exit);
      // Never a stack trace or an internal error.
      expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(out).not.toContain('internal error');
      if (c.oneLine) expect(out.trim().split('\n')).toHaveLength(1);
    });

    if (c.oneLine) {
      it('gives the usage error as JSON too, with --json', () => {
        const { code, stdout } = runCase(c, ['--json']);
        expect(code).toBe(c.exit);
        const report = JSON.parse(stdout);
        expect(report.ok).toBe(false);
        expect(report.error.kind).toBe('usage');
        expect(report.error.message.length).toBeGreaterThan(10);
      });
    }

    if (c.finding) {
      it('gives the finding as JSON for CI', () => {
        const { code, stdout } = runCase(c, ['--json']);
        expect(code).toBe(c.exit);
        const report = JSON.parse(stdout);
        expect(report.ok).toBe(c.exit === 0);
        const { message, ...fields } = c.finding!;
        const match = report.findings.find((f: Record<string, string>) =>
          Object.entries(fields).every(([k, v]) => f[k] === v) && (!message || f.message.includes(message)));
        expect(match).toBeDefined();
      });
    }
  });
});
