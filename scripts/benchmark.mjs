#!/usr/bin/env node
// Measures the full build (every format, language and paper) as a user runs it:
// wall time of the whole process, its peak memory (with /usr/bin/time), and
// the PDF sizes, over a few runs; then `pamphlet check` (every gate, every
// language and paper, no PDF written) the same way.
// Usage, after `npm ci`: node scripts/benchmark.mjs [runs] [options for build and check]
// (`node scripts/benchmark.mjs 3 --template templates/trifold.hbs` measures the tri-fold alone).
// Against Typst and Chromium on the same content: node bench/run.mjs (README, "Against Typst and Chromium").
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const extra = process.argv.slice(3);
const cli = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist', 'cli', 'main.js');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-bench-'));
const haveTime = fs.existsSync('/usr/bin/time');
/** Runs the CLI `runs` times; returns the sorted wall times in seconds and the peak memories in MB. */
function measure(args) {
  const times = [];
  const peaks = [];
  for (let i = 0; i < runs; i++) {
    const command = haveTime ? ['/usr/bin/time', '-f', '%M', process.execPath] : [process.execPath];
    const started = process.hrtime.bigint();
    const result = spawnSync(command[0], [...command.slice(1), cli, ...args], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0) {
      process.stderr.write(result.stderr);
      process.exit(result.status ?? 1);
    }
    if (haveTime) peaks.push(Number(result.stderr.trim().split('\n').pop()) / 1024);
  }
  return { times: times.sort((a, b) => a - b), peaks };
}

const { times, peaks } = measure(['build', '--paper', 'all', '--out', out, ...extra]);
const check = measure(['check', ...extra]);
const sizes = [];
// The PDFs are in OUT/format/paper/; manifest.json beside them is not one.
for (const format of fs.readdirSync(out)) {
  if (!fs.statSync(path.join(out, format)).isDirectory()) continue;
  for (const paper of fs.readdirSync(path.join(out, format))) {
    for (const file of fs.readdirSync(path.join(out, format, paper))) sizes.push(fs.statSync(path.join(out, format, paper, file)).size / 1024);
  }
}
console.log(`full build of ${sizes.length} PDFs, ${runs} runs: median ${times[Math.floor(runs / 2)].toFixed(2)} s, fastest ${times[0].toFixed(2)} s`);
if (peaks.length) console.log(`peak memory of the build process: ${Math.round(Math.max(...peaks))} MB`);
console.log(`check of every language and paper: median ${check.times[Math.floor(runs / 2)].toFixed(2)} s, peak memory ${Math.round(Math.max(...check.peaks, 0))} MB`);
console.log(`PDF sizes: ${Math.round(Math.min(...sizes))}-${Math.round(Math.max(...sizes))} KB, ${Math.round(sizes.reduce((a, b) => a + b, 0))} KB in all`);
fs.rmSync(out, { recursive: true, force: true });
