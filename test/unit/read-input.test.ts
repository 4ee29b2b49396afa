import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { fileIdentity, firstInvalidUtf8, INPUT_LIMITS, readFileInBackground, readInputBytes, readInputText } from '../../src/core/read-input';
import { readJsonFile } from '../../src/core/read-json';
import { loadTranslation } from '../../src/languages/load-translations';
import { ROOT } from '../support/build';
import { pamphletErrorOf } from '../support/errors';

let dir: string;
const writers: ChildProcess[] = [];
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-read-')); });
afterEach(() => {
  writers.splice(0).forEach((writer) => writer.kill('SIGKILL'));
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A named pipe with a writer waiting to give it valid JSON: a reader that
 * opened it would read that JSON and return (so the test fails rather than
 * hangs); the reader must refuse it without opening it.
 */
function fifo(file: string): void {
  execFileSync('mkfifo', [file]);
  writers.push(spawn('sh', ['-c', 'printf "{}" > "$0"', file], { stdio: 'ignore' }));
}

const at = (name: string) => path.join(dir, name);
const JSON_LIMIT = { maxBytes: INPUT_LIMITS.jsonBytes };

/** The error `read` throws, which must be a PamphletError. */
const refusal = pamphletErrorOf;

describe('readFileInBackground: a regular file within its limit, or nothing', () => {
  it('reads a regular file whole, with its identity', async () => {
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) & 0xff));
    fs.writeFileSync(at('a.bin'), bytes);
    const read = await readFileInBackground(at('a.bin'), 1 << 20);
    expect(read?.bytes.equals(bytes)).toBe(true);
    expect(read?.identity).toBe(fileIdentity(fs.statSync(at('a.bin'))));
    // Written again: another identity, so bytes read before are not taken for it.
    fs.writeFileSync(at('a.bin'), bytes);
    fs.utimesSync(at('a.bin'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(fileIdentity(fs.statSync(at('a.bin')))).not.toBe(read?.identity);
  });

  it('gives nothing, and never waits, for what readInputBytes refuses: a FIFO, a folder, a missing or too large file', async () => {
    fifo(at('pipe'));
    fs.mkdirSync(at('folder'));
    fs.writeFileSync(at('large.bin'), Buffer.alloc(1025));
    fs.writeFileSync(at('empty.bin'), '');
    for (const name of ['pipe', 'folder', 'missing', 'large.bin']) expect(await readFileInBackground(at(name), 1024)).toBeUndefined();
    expect((await readFileInBackground(at('empty.bin'), 1024))?.bytes.length).toBe(0);
  });
});

describe('readInputBytes: only regular files, within their size limit', () => {
  it('reads a regular file', () => {
    fs.writeFileSync(at('a.json'), '{"a": 1}');
    expect(readInputBytes(at('a.json'), JSON_LIMIT).toString()).toBe('{"a": 1}');
  });

  it('refuses a named pipe without waiting for a writer', () => {
    fifo(at('en.json'));
    const error = refusal(() => readInputBytes(at('en.json'), JSON_LIMIT));
    expect(error.detail).toMatch(/^is a named pipe \(FIFO\), not a file/);
    expect(error.place.file).toBe(at('en.json'));
  });

  it('refuses a device, and a link to one, naming the link target', () => {
    expect(refusal(() => readInputBytes('/dev/zero', JSON_LIMIT)).detail).toMatch(/^is a device, not a file/);
    fs.symlinkSync('/dev/zero', at('facts.json'));
    expect(refusal(() => readInputBytes(at('facts.json'), JSON_LIMIT)).detail).toMatch(/^is a link to \/dev\/zero, which is a device, not a file/);
  });

  it('refuses a folder', () => {
    fs.mkdirSync(at('zz.json'));
    expect(refusal(() => readInputBytes(at('zz.json'), JSON_LIMIT)).detail).toMatch(/^is a folder, not a file/);
  });

  it('names the missing target of a dangling link, and a file that is not there', () => {
    fs.symlinkSync('gone.json', at('zz.json'));
    expect(refusal(() => readInputBytes(at('zz.json'), JSON_LIMIT)).detail).toMatch(/^is a link to gone\.json, which does not exist/);
    expect(refusal(() => readInputBytes(at('none.json'), JSON_LIMIT)).detail).toMatch(/^does not exist/);
  });

  it('with `within`, refuses a link that leads out of the folder, and allows one that stays inside', () => {
    fs.symlinkSync('/etc/passwd', at('en.json'));
    expect(refusal(() => readInputBytes(at('en.json'), { ...JSON_LIMIT, within: dir })).detail).toMatch(/^links outside its folder, to \/etc\/passwd/);
    fs.writeFileSync(at('pt.json'), '{}');
    fs.symlinkSync('pt.json', at('pt-BR.json'));
    expect(readInputBytes(at('pt-BR.json'), { ...JSON_LIMIT, within: dir }).toString()).toBe('{}');
  });

  it('refuses a file over the limit, by its size and by what it gives when read', () => {
    fs.writeFileSync(at('big.json'), 'x'.repeat(101));
    expect(refusal(() => readInputBytes(at('big.json'), { maxBytes: 100 })).detail).toMatch(/^is 101 bytes, more than the limit of 100 bytes/);
    expect(readInputBytes(at('big.json'), { maxBytes: 101 })).toHaveLength(101);
    // Files under /proc say their size is 0; only reading finds out.
    expect(fs.statSync('/proc/self/status').size).toBe(0);
    expect(refusal(() => readInputBytes('/proc/self/status', { maxBytes: 100 })).detail).toMatch(/^is larger than the limit of 100 bytes/);
  });

  it('gives the kind and place asked for: content by default, usage for the tool\'s own setup', () => {
    fs.mkdirSync(at('x.json'));
    expect(refusal(() => readInputBytes(at('x.json'), JSON_LIMIT)).kind).toBe('content');
    const error = refusal(() => readInputBytes(at('x.json'), { ...JSON_LIMIT, kind: 'usage', place: { language: 'fr' } }));
    expect(error.kind).toBe('usage');
    expect(error.place).toEqual({ language: 'fr', file: at('x.json') });
  });
});

describe('readInputText: strict UTF-8', () => {
  const write = (hex: string) => fs.writeFileSync(at('t.json'), Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
  const text = () => readInputText(at('t.json'), JSON_LIMIT);

  it('drops a byte-order mark and keeps everything else', () => {
    write('EF BB BF 7B 22 C3 A9 22 7D');
    expect(text()).toBe('{"é"}');
  });

  it('names UTF-16, with or without a byte-order mark', () => {
    write('FF FE 7B 00 7D 00');
    expect(refusal(text).detail).toBe('is UTF-16 (little-endian), not UTF-8; save it as UTF-8.');
    write('FE FF 00 7B 00 7D');
    expect(refusal(text).detail).toBe('is UTF-16 (big-endian), not UTF-8; save it as UTF-8.');
    write('7B 00 22 00 61 00 22 00 7D 00');
    expect(refusal(text).detail).toMatch(/^looks like UTF-16/);
  });

  it('calls a file with zero bytes that is not UTF-16 a binary file', () => {
    write('7B 0A 22 61 22 3A 00 7D'); // a zero byte after a few letters
    expect(refusal(text).detail).toBe('has a zero byte at byte offset 6 (line 2): it is not a text file. Check that it is the right file.');
    fs.writeFileSync(at('t.json'), fs.readFileSync(path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')).subarray(0, 4096));
    expect(refusal(text).detail).toMatch(/^has a zero byte at byte offset \d+ \(line 1\): it is not a text file/);
  });

  it('names a byte that is not UTF-8 with its offset and line, and what it was in Windows-1252', () => {
    write('7B 0A 22 61 22 3A 20 22 63 61 66 E9 22 7D'); // {\n"a": "café"} in Windows-1252
    expect(refusal(text).detail).toBe('is not valid UTF-8: the byte E9 at byte offset 11 (line 2) is not UTF-8. '
      + 'The file may be in Windows-1252 or Latin-1, where it is "é"; save it as UTF-8.');
  });

  it('refuses what a lenient decoder would turn into U+FFFD: a surrogate, an overlong form, a cut sequence', () => {
    for (const hex of ['ED A0 80', 'C0 AF', 'E2 82', 'F4 90 80 80', '80']) {
      write(`22 ${hex} 22`);
      expect(refusal(text).detail).toMatch(/^is not valid UTF-8: the byte .. at byte offset 1 /);
    }
  });

  it('finds an invalid byte exactly where a strict decoder fails', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      const invalid = firstInvalidUtf8(bytes);
      expect(invalid === -1).toBe(valid);
      if (!valid) {
        // Everything before the offset decodes; the offset is where it breaks.
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, invalid))).not.toThrow();
      }
    }), { numRuns: 2000 });
  });
});

describe('readJsonFile: strict JSON', () => {
  const json = (text: string) => {
    fs.writeFileSync(at('t.json'), text);
    return () => readJsonFile(at('t.json'), { language: 'fr' });
  };

  it('says that an empty file is empty, not that line 1 is bad JSON', () => {
    expect(refusal(json('')).detail).toBe('is empty; it must hold a JSON object. Restore its content.');
    expect(refusal(json(' \n\t\n')).detail).toMatch(/^is empty/);
  });

  it('still names the line and column of a syntax error', () => {
    expect(refusal(json('{\n  "a": ,\n}')).detail).toMatch(/^is not valid JSON at line 2, column 8: a value is expected here/);
  });

  it('refuses a key twice in one object, naming both lines and the key', () => {
    const error = refusal(json('{\n  "strings": {\n    "title": "One",\n    "intro": "x",\n    "title": "Two"\n  }\n}'));
    expect(error.detail).toBe('the key "title" appears twice (lines 3 and 5); one text would be lost. Keep one.');
    expect(error.place).toMatchObject({ file: at('t.json'), language: 'fr', key: 'strings.title' });
    expect(error.kind).toBe('content');
  });

  it('keeps the message on one line when a key has a line break or a bidi control in it', () => {
    const error = refusal(json('{"strings": {"a\\nb\u202e": {"x": 1, "x": 2}}}'));
    expect(error.message).not.toContain('\n');
    expect(error.place.key).toBe('strings."a\\nb\\u202e".x');
  });

  it('allows the same key in different objects', () => {
    expect(json('{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]}')()).toEqual({ a: { x: 1 }, b: { x: 2 }, c: [{ x: 1 }, { x: 2 }] });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s, with its line', (key) => {
    const error = refusal(json(`{\n  "strings": {\n    "${key}": {"x": "y"}\n  }\n}`));
    expect(error.detail).toMatch(new RegExp(`^the key "${key}" \\(line 3\\) is a name JavaScript reserves`));
    expect(error.place.key).toBe(`strings.${key}`);
  });

  it('refuses nesting deeper than the limit with its line, even 10,000 deep, without overflowing the stack', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(json(nested(INPUT_LIMITS.jsonDepth))()).toBeDefined();
    expect(refusal(json(nested(INPUT_LIMITS.jsonDepth + 1))).detail).toBe(`nests objects or arrays more than ${INPUT_LIMITS.jsonDepth} deep (at line 1). Flatten it.`);
    expect(refusal(json(`{\n${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}\n}`)).detail).toMatch(/^nests objects or arrays more than \d+ deep \(at line 2\)/);
    // Brackets inside strings are text, not nesting.
    expect(json(`{"a": "${'['.repeat(1000)}"}`)()).toEqual({ a: '['.repeat(1000) });
  });

  it('gives the kind asked for', () => {
    fs.writeFileSync(at('fonts.json'), '');
    expect(refusal(() => readJsonFile(at('fonts.json'), {}, { kind: 'usage' })).kind).toBe('usage');
  });
});

describe('loadTranslation: a file that cannot be read is that language\'s finding', () => {
  const translations = () => {
    const folder = at('translations');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(ROOT, 'translations', 'en.json'), path.join(folder, 'en.json'));
    return folder;
  };

  it.each([
    ['a dangling link', (file: string) => fs.symlinkSync('missing.json', file), /^is a link to missing\.json, which does not exist/],
    ['a folder', (file: string) => fs.mkdirSync(file), /^is a folder, not a file/],
    ['a named pipe', fifo, /^is a named pipe/],
    ['a link out of the folder', (file: string) => fs.symlinkSync('/etc/passwd', file), /^links outside its folder/],
    ['a link to /dev/zero', (file: string) => fs.symlinkSync('/dev/zero', file), /^links outside its folder, to \/dev\/zero/],
  ])('%s', (_what, make, message) => {
    const folder = translations();
    make(path.join(folder, 'zz.json'));
    const error = refusal(() => loadTranslation(folder, 'zz'));
    expect(error.kind).toBe('content');
    expect(error.place).toMatchObject({ language: 'zz', file: path.join(folder, 'zz.json') });
    expect(error.detail).toMatch(message);
  });

  it('reads a link to another translation in the same folder', () => {
    const folder = translations();
    fs.symlinkSync('en.json', path.join(folder, 'en-GB.json'));
    expect(loadTranslation(folder, 'en-GB').meta.englishName).toBe('English');
  });

  it('calls a language with no file at all a usage error', () => {
    expect(refusal(() => loadTranslation(translations(), 'zz')).kind).toBe('usage');
  });
});
