import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PamphletError } from '../../src/core/errors';
import { BackgroundWrites } from '../../src/build/write-atomic';

/** The build's PDFs reach the disk in libuv's threads (src/build/write-atomic.ts): whole, under their name, or not at all. */
describe('BackgroundWrites', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-writes-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const hidden = () => fs.readdirSync(dir).filter((name) => name.startsWith('.'));

  it('writes each file whole under a temporary name, and names it once it is on disk', async () => {
    const writes = new BackgroundWrites();
    const files = Array.from({ length: 20 }, (_, i) => path.join(dir, `${i}.pdf`));
    files.forEach((file, i) => {
      writes.write(file, Buffer.alloc(100_000 + i, i));
      // Nothing has its name before its bytes are synced: a reader sees the old file or the new one.
      expect(fs.existsSync(file)).toBe(false);
    });
    expect(hidden()).toHaveLength(20);
    await writes.settled();
    files.forEach((file, i) => expect(fs.readFileSync(file).equals(Buffer.alloc(100_000 + i, i))).toBe(true));
    expect(hidden()).toEqual([]);
  });

  it('lets the writes move on between two PDFs, a few files open at a time', async () => {
    const writes = new BackgroundWrites();
    for (let i = 0; i < 30; i++) {
      await writes.turn();
      writes.write(path.join(dir, `${i}.pdf`), Buffer.from(`pdf ${i}`));
    }
    // Some were named before the last was written: turn() ran their steps.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.pdf')).length).toBeGreaterThan(0);
    await writes.settled();
    expect(fs.readdirSync(dir).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `${i}.pdf`).sort());
  });

  it('throws a file it cannot create at once, as a usage error naming it', () => {
    const writes = new BackgroundWrites();
    const file = path.join(dir, 'missing', 'en.pdf');
    expect(() => writes.write(file, Buffer.from('pdf'))).toThrow(PamphletError);
    expect(() => writes.write(file, Buffer.from('pdf'))).toThrow(/ cannot write the output file: .*Choose a writable folder with --out\.$/);
  });

  it('throws a file it could not name from settled() and from the next turn, and leaves no temporary file', async () => {
    const writes = new BackgroundWrites();
    const blocked = path.join(dir, 'en.pdf');
    // A folder with something in it where the PDF should go: the rename fails.
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'keep'), '');
    writes.write(blocked, Buffer.from('pdf'));
    writes.write(path.join(dir, 'fr.pdf'), Buffer.from('pdf'));
    const settled = writes.settled();
    await expect(settled).rejects.toThrow(PamphletError);
    await expect(settled).rejects.toMatchObject({ kind: 'usage', place: { file: blocked } });
    await expect(writes.turn()).rejects.toThrow(`${blocked}: cannot write the output file: a folder is in the way.`);
    expect(hidden()).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'fr.pdf'), 'utf8')).toBe('pdf');
    expect(fs.readdirSync(blocked)).toEqual(['keep']);
  });
});
