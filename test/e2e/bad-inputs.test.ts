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
  /** Raw bytes, in hex, written as the file (invalid UTF-8, UTF-16, a BOM). */
  bytes?: string;
  /** A symbolic link at `file` to this target (absolute, or relative to the link's folder). */
  symlink?: string;
  /** A named pipe (FIFO) at `file`. */
  fifo?: boolean;
  /** A folder at `file`. */
  mkdir?: boolean;
  /** Copies a file of the project (a path from its root, such as a font in node_modules) to `file`. */
  copyFromRoot?: string;
  /** Cuts the file to this many bytes. */
  truncate?: number;
  /** Overwrites `length` bytes at `offset` with 0x55, as a damaged download would. */
  corrupt?: { offset: number; length: number };
  /** Writes the file as JSON objects nested this deep: {"a": {"a": … 1 … }}. */
  nest?: number;
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
  /** Environment variables for the run. */
  env?: Record<string, string>;
  /** Files (relative to the case's folder) that must not exist after the run: what a hostile input tried to write. */
  absent?: string[];
  /** The run must end within this many seconds (default 30): a hang is a failure, not a stuck suite. */
  seconds?: number;
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
  if (edit.copyFromRoot !== undefined) fs.copyFileSync(path.join(ROOT, edit.copyFromRoot), file);
  if (edit.truncate !== undefined) fs.truncateSync(file, edit.truncate);
  if (edit.corrupt !== undefined) {
    const data = fs.readFileSync(file);
    data.fill(0x55, edit.corrupt.offset, edit.corrupt.offset + edit.corrupt.length);
    fs.writeFileSync(file, data);
  }
  if (edit.copyFromRoot !== undefined || edit.truncate !== undefined || edit.corrupt !== undefined) return;
  if (edit.bytes !== undefined) {
    fs.writeFileSync(file, Buffer.from(edit.bytes.replace(/\s+/g, ''), 'hex'));
    return;
  }
  if (edit.symlink !== undefined) {
    fs.rmSync(file, { force: true, recursive: true });
    fs.symlinkSync(edit.symlink, file);
    return;
  }
  if (edit.fifo) {
    fs.rmSync(file, { force: true });
    execFileSync('mkfifo', [file]);
    return;
  }
  if (edit.mkdir) {
    fs.rmSync(file, { force: true });
    fs.mkdirSync(file, { recursive: true });
    return;
  }
  if (edit.nest !== undefined) {
    fs.writeFileSync(file, `${'{"a": '.repeat(edit.nest)}1${'}'.repeat(edit.nest)}`);
    return;
  }
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
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function runCase(c: Case, extra: string[] = []): { code: number; out: string; stdout: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-bad-'));
  made.push(dir);
  for (const folder of ['translations', 'data', 'templates']) fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  fs.mkdirSync(path.join(dir, 'fonts'));
  fs.copyFileSync(path.join(ROOT, 'fonts', 'fonts.json'), path.join(dir, 'fonts', 'fonts.json'));
  for (const edit of c.edits ?? []) applyEdit(dir, edit);
  const defaults: [string, string][] = [['--translations', 'translations'], ['--data', 'data'], ['--template', 'templates/trifold.hbs'], ['--fonts', 'fonts/fonts.json']];
  if (c.run[0] === 'build') defaults.push(['--out', 'out']);
  const args = [...c.run, ...defaults.filter(([option]) => !c.run.includes(option)).flat(), ...extra];
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], {
      cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...c.env }, timeout: (c.seconds ?? 30) * 1000, killSignal: 'SIGKILL',
    });
    return { code: 0, out: stdout, stdout, dir };
  } catch (error) {
    const e = error as { status: number | null; signal: string | null; stdout: string; stderr: string };
    if (e.signal) throw new Error(`the CLI did not finish within ${c.seconds ?? 30} s (killed by ${e.signal}): ${c.about}`);
    return { code: e.status!, out: e.stdout + e.stderr, stdout: e.stdout, dir };
  }
}

describe('the bad-input corpus', () => {
  it('has a case for each kind of check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(cases)('%s', (name) => {
    const c: Case = JSON.parse(fs.readFileSync(path.join(CORPUS, name), 'utf8'));

    it(`says what to fix (${c.about})`, () => {
      const { code, out, dir } = runCase(c);
      for (const line of c.output) expect(out).toContain(line);
      for (const file of c.absent ?? []) expect(fs.existsSync(path.join(dir, file))).toBe(false);
      expect(code).toBe(c.exit);
      // Never a stack trace or an internal error.
      expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(out).not.toContain('internal error');
      // The top-level handler's and a language's unexpected error: a bad input must get its own message.
      expect(out).not.toContain('unexpected error');
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
