import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeFolder, MAX_NEW_FOLDERS } from '../../src/build/output-folder';

/** The output folder is made one level at a time, boundedly, with the reason when it cannot be. */
describe('makeFolder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-folder-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const levels = (n: number) => path.join(dir, ...Array.from({ length: n }, (_, i) => `l${i}`));

  it(`makes up to ${MAX_NEW_FOLDERS} new levels`, () => {
    makeFolder(levels(MAX_NEW_FOLDERS));
    expect(fs.statSync(levels(MAX_NEW_FOLDERS)).isDirectory()).toBe(true);
  });

  it('refuses a path that would need more, and makes none of it', () => {
    const deep = path.join(dir, 'deep', ...Array.from({ length: MAX_NEW_FOLDERS }, () => 'x'));
    expect(() => makeFolder(deep, 'out')).toThrow(`out: the output folder cannot be written: it would need more than ${MAX_NEW_FOLDERS} new folders.`);
    expect(fs.existsSync(path.join(dir, 'deep'))).toBe(false);
  });

  it('names the file in the way', () => {
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect(() => makeFolder(path.join(dir, 'file', 'a', 'b'), 'out')).toThrow(`the output folder cannot be written: ${path.join(dir, 'file')} is a file, not a folder.`);
  });

  it('gives up at once under /proc, where a new folder cannot be made', () => {
    expect(() => makeFolder('/proc/self/pamphlet/out')).toThrow('/proc/self/pamphlet cannot be made: this file system does not allow new folders there');
  });
});
