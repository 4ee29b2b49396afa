#!/usr/bin/env node
// pamphlet against itself: builds given as pamphlet's own arguments (two option sets, or two clones),
// run in turn (A B, A B, …) after a warm-up round, as bench/run.mjs runs the peers; prints each one's
// median wall time, CPU time and peak memory, and its ratio to the first, run by run.
// Usage: node bench/versus.mjs [--runs N] [--warmup W] "ARGS" "ARGS" ...
//   ARGS   pamphlet's arguments after `build`, split at spaces; `DIR: ARGS` runs the clone in DIR
//          (built with npm ci), from its folder. Each build writes into a fresh folder of its own
//          (--out is added).
// Example: node bench/versus.mjs --runs 5 "--paper all --print all --jobs 1" "--paper all --print all --jobs 2"
//          node bench/versus.mjs "../old: --lang all" "--lang all"
// Needs GNU time (/usr/bin/time), as bench/run.mjs does; not the peers.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GNU_TIME, interleave, median } from './lib/compare.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const usage = (message) => {
  console.error(`${message}\nusage: node bench/versus.mjs [--runs N] [--warmup W] "ARGS" "ARGS" ...`);
  process.exit(2);
};

const args = process.argv.slice(2);
let runs = 5;
let warmup = 1;
const builds = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--warmup') warmup = Number(args[++i]);
  else builds.push(args[i]);
}
if (!Number.isInteger(runs) || runs < 1) usage('--runs takes a whole number, 1 or more');
if (!Number.isInteger(warmup) || warmup < 0) usage('--warmup takes a whole number, 0 or more');
if (builds.length < 2) usage('give two builds or more to compare');
if (!fs.existsSync(GNU_TIME)) usage(`GNU time is not installed (${GNU_TIME}). Install it: apt-get install -y time`);

const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-versus-'));
const tools = builds.map((text, i) => {
  const at = /^([^:]+):\s*(.*)$/.exec(text);
  const root = path.resolve(at ? at[1] : path.join(HERE, '..'));
  const cli = path.join(root, 'dist', 'cli', 'main.js');
  if (!fs.existsSync(cli)) usage(`no ${cli}: run npm ci in ${root} first`);
  const out = path.join(outRoot, String(i));
  return {
    name: `${i + 1}: ${text}`,
    argv: [process.execPath, cli, 'build', ...(at ? at[2] : text).split(' ').filter(Boolean), '--out', out],
    cwd: root,
    before: () => fs.rmSync(out, { recursive: true, force: true }),
    check: () => (fs.existsSync(path.join(out, 'manifest.json')) ? null : `no manifest.json in ${out}`),
  };
});

console.log(`Node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs} runs each in turn after ${warmup} warm-up round${warmup === 1 ? '' : 's'}; medians`);
try {
  const results = interleave(tools, { runs, warmup });
  const first = results[tools[0].name];
  console.log(`${'wall s'.padStart(8)}${'cpu s'.padStart(8)}${'peak MiB'.padStart(10)}${'wall/1st'.padStart(10)}   build`);
  for (const tool of tools) {
    const rs = results[tool.name];
    const ratio = median(rs.map((r, i) => r.wall / first[i].wall));
    console.log(`${median(rs.map((r) => r.wall)).toFixed(2).padStart(8)}${median(rs.map((r) => r.cpu)).toFixed(2).padStart(8)}${median(rs.map((r) => r.peak)).toFixed(0).padStart(10)}${ratio.toFixed(2).padStart(10)}   ${tool.name}`);
  }
  console.log(`load after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  fs.rmSync(outRoot, { recursive: true, force: true });
}
