import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PamphletError } from '../../src/core/errors';
import { readInputFile } from '../../src/core/read-input';
import { FontRegistry } from '../../src/fonts/font-registry';
import { ROOT } from '../support/build';
import { pamphletErrorOf } from '../support/errors';

/**
 * A batch reads the next language's font files in libuv's threads
 * (FontRegistry.readAhead, issue 12). What it read is used only for the same
 * file, and changes nothing a font's checks find.
 */

// The careful reader, watched: a font read ahead must not be read again.
jest.mock('../../src/core/read-input', () => {
  const actual = jest.requireActual('../../src/core/read-input');
  return { ...actual, readInputFile: jest.fn(actual.readInputFile) };
});
const readAgain = readInputFile as jest.MockedFunction<typeof readInputFile>;

const NOTO_SANS = fs.readFileSync(path.join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans', '400Regular', 'NotoSans_400Regular.ttf'));
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-read-ahead-'));
  fs.writeFileSync(path.join(dir, 'fonts.json'), JSON.stringify({ families: { Sound: { regular: 'sound.ttf', bold: 'bold.ttf' } }, scripts: { Latn: ['Sound'] } }));
  fs.writeFileSync(path.join(dir, 'sound.ttf'), NOTO_SANS);
  fs.writeFileSync(path.join(dir, 'bold.ttf'), NOTO_SANS);
  readAgain.mockClear();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const usageError = (run: () => unknown): PamphletError => {
  const error = pamphletErrorOf(run);
  expect(error.kind).toBe('usage');
  return error;
};

it('takes the bytes read ahead for the file they were read from', async () => {
  const fonts = new FontRegistry(path.join(dir, 'fonts.json'));
  await fonts.readAhead('Latn');
  expect(fonts.font('Sound', 'regular').data.equals(NOTO_SANS)).toBe(true);
  expect(fonts.font('Sound', 'bold').face.familyName).toBe('Noto Sans');
  expect(readAgain).not.toHaveBeenCalled();
});

it('reads a file again that changed since it was read ahead, and checks it as ever', async () => {
  const fonts = new FontRegistry(path.join(dir, 'fonts.json'));
  await fonts.readAhead('Latn');
  // Cut short after it was read ahead: the font loaded is the file as it is now, and it is refused.
  fs.writeFileSync(path.join(dir, 'sound.ttf'), NOTO_SANS.subarray(0, 1000));
  expect(usageError(() => fonts.font('Sound', 'regular')).message).toMatch(/the font file \S*sound\.ttf cannot be read as a font: its table "\S+" \(bytes \d+ to \d+\) runs past the end of the file \(1000 bytes\)/);
  expect(readAgain).toHaveBeenCalledTimes(1);
});

it('says what is wrong with a file that could not be read ahead, as without reading ahead', async () => {
  fs.rmSync(path.join(dir, 'sound.ttf'));
  const fonts = new FontRegistry(path.join(dir, 'fonts.json'));
  await fonts.readAhead('Latn');
  expect(usageError(() => fonts.font('Sound', 'regular')).message).toMatch(/key families\.Sound\.regular: the font file \S*sound\.ttf does not exist/);
});

it('forgets what was read ahead for a family it lets go of', async () => {
  const fonts = new FontRegistry(path.join(dir, 'fonts.json'));
  await fonts.readAhead('Latn');
  fonts.release('Sound');
  fonts.font('Sound', 'regular');
  expect(readAgain).toHaveBeenCalledTimes(1);
});
