import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { temporaryFolders } from '../support/temp';

const tempDir = temporaryFolders('pamphlet-memory-');

/** Issue 12: the 14-language Letter tri-fold, as bench/run.mjs builds it, in at most this much memory. */
const BATCH_PEAK_LIMIT_MIB = 200;

describe('the batch\'s memory', () => {
  // What the process held at its peak and how large its young generation was at the end, said by a preload as it exits.
  // The peak is Linux's VmHWM, this program's own: getrusage's maxRSS (process.resourceUsage) keeps, across exec,
  // the peak of the process it was forked from, here a jest worker that may hold more than the build.
  let said: { maxRssMiB: number; newSpaceMiB: number };
  let code: number | null;

  beforeAll(() => {
    const dir = tempDir();
    const preload = path.join(dir, 'memory-at-exit.js');
    fs.writeFileSync(preload, `process.on('exit', () => {
  const young = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  let peakKiB = process.resourceUsage().maxRSS;
  try { peakKiB = Number(/^VmHWM:\\s+(\\d+) kB$/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'memory.json'))}, JSON.stringify({ maxRssMiB: peakKiB / 1024, newSpaceMiB: young.space_size / 1048576 }));
});\n`);
    // Quoted: NODE_OPTIONS splits at spaces outside double quotes, and a temporary folder's path may hold one.
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}` };
    ({ code } = runCli(['build', '--template', 'templates/trifold.hbs', '--lang', 'all', '--paper', 'letter', '--jobs', '1', '--out', path.join(dir, 'out')], undefined, env, 180_000));
    said = JSON.parse(fs.readFileSync(path.join(dir, 'memory.json'), 'utf8'));
  });

  it('builds the 14 languages', () => {
    expect(code).toBe(0);
  });

  it('keeps V8\'s young generation at its first size (1 MB a semi-space) rather than 16 MB', () => {
    expect(said.newSpaceMiB).toBeLessThanOrEqual(2);
  });

  it(`peaks under ${BATCH_PEAK_LIMIT_MIB} MiB`, () => {
    expect(said.maxRssMiB).toBeLessThan(BATCH_PEAK_LIMIT_MIB);
  });
});
