import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_CACHE } from '../../src/core/private-cache';
import { readInputFile } from '../../src/core/read-input';
import { FontRegistry } from '../../src/fonts/font-registry';
import { rememberVerified, verifiedBefore } from '../../src/fonts/verified-fonts';
import { ROOT } from '../support/build';
import { pamphletErrorOf } from '../support/errors';

/**
 * A large font's table checksums are summed once, then remembered by the
 * file's identity (src/fonts/verified-fonts.ts, issue 12): a file changed
 * in any way since is summed again, and its damage found.
 */

const KR = fs.readFileSync(path.join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans-kr', '400Regular', 'NotoSansKR_400Regular.ttf'));
const CACHE = PROJECT_CACHE[0];
const cached = () => (fs.existsSync(CACHE) ? fs.readdirSync(CACHE).filter((name) => name.startsWith('font-')) : []);

let dir: string;
let before: string[];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-verified-'));
  fs.writeFileSync(path.join(dir, 'fonts.json'), JSON.stringify({ families: { Large: { regular: 'large.ttf', bold: 'large.ttf' } }, scripts: { Kore: ['Large'] } }));
  fs.writeFileSync(path.join(dir, 'large.ttf'), KR);
  before = cached();
});
afterEach(() => {
  // The entries of these temporary files go with them.
  cached().filter((name) => !before.includes(name)).forEach((name) => fs.rmSync(path.join(CACHE, name), { force: true }));
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, 'large.ttf');
const read = () => readInputFile(file(), { maxBytes: 64 * 1024 * 1024 });

/** KR with bytes of its glyf table changed, the file's size and modification time kept. */
function damageInPlace(): void {
  const { mtime, atime } = fs.statSync(file());
  const data = Buffer.from(KR);
  for (let entry = 12; entry < 12 + 16 * data.readUInt16BE(4); entry += 16) {
    if (data.toString('latin1', entry, entry + 4) === 'glyf') data.fill(0x55, data.readUInt32BE(entry + 8) + 5000, data.readUInt32BE(entry + 8) + 5100);
  }
  fs.writeFileSync(file(), data);
  fs.utimesSync(file(), atime, mtime);
}

it('remembers a large font once its checksums were verified, by the identity of its file', () => {
  expect(verifiedBefore(file(), read())).toBe(false);
  new FontRegistry(path.join(dir, 'fonts.json')).font('Large', 'regular');
  expect(verifiedBefore(file(), read())).toBe(true);
  expect(cached().length).toBe(before.length + 1);
  // The same bytes written again: another file as far as the cache knows.
  fs.writeFileSync(file(), KR);
  expect(verifiedBefore(file(), read())).toBe(false);
});

it('sums a remembered font again once it changed, even with its size and modification time kept', () => {
  new FontRegistry(path.join(dir, 'fonts.json')).font('Large', 'regular');
  damageInPlace();
  const error = pamphletErrorOf(() => new FontRegistry(path.join(dir, 'fonts.json')).font('Large', 'regular'));
  expect(error.message).toContain('the checksum of its table "glyf" does not match its contents: the file is damaged');
});

it('does not sum a file remembered as verified again (which is why only this user may write the cache)', () => {
  damageInPlace();
  rememberVerified(file(), read());
  expect(new FontRegistry(path.join(dir, 'fonts.json')).font('Large', 'regular').face.unitsPerEm).toBe(1000);
});

it('remembers no small font: summing it costs less than looking it up', () => {
  fs.writeFileSync(path.join(dir, 'small.ttf'), KR.subarray(0, 512 * 1024));
  const small = readInputFile(path.join(dir, 'small.ttf'), { maxBytes: 1 << 20 });
  rememberVerified(path.join(dir, 'small.ttf'), small);
  expect(verifiedBefore(path.join(dir, 'small.ttf'), small)).toBe(false);
  expect(cached()).toEqual(before);
});
