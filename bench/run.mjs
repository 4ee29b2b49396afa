#!/usr/bin/env node
// pamphlet against its peers on the same content, run by run (issue 12): for each scenario, the
// median wall time, CPU time and peak memory of pamphlet, of Typst and (where installed) of Chromium,
// and the ratio pamphlet/peer, taken pair by pair from runs made in turn (A B C, A B C, …).
// Usage: node bench/run.mjs [batch|en|ar|all ...] [--runs N] [--warmup W] [--out DIR] [--json FILE]
//   batch    the 14-language Letter tri-fold, one process per tool
//   en, ar   one language alone, from a cold process
//   all      the three (the default)
//   --runs   counted runs per tool (default 5); --warmup  rounds not counted (default 1)
//   --out    where the tools write their PDFs (default bench/out; its pamphlet/, typst/ and
//            chromium-cli/ are emptied before each run)
//   --json   every run's figures, for a note
// PAMPHLET names the project to time (default: the folder above bench/), built with `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GNU_TIME, interleave, median } from './lib/compare.mjs';
import { LANGS, PAMPHLET } from './lib/content.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCENARIOS = {
  batch: { lang: 'all', title: '14 languages, Letter tri-fold, one process' },
  en: { lang: 'en', title: 'en alone, Letter tri-fold, cold process' },
  ar: { lang: 'ar', title: 'ar alone, Letter tri-fold, cold process' },
};

function usage(message) {
  console.error(`${message}\nusage: node bench/run.mjs [batch|en|ar|all ...] [--runs N] [--warmup W] [--out DIR] [--json FILE]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let runs = 5;
let warmup = 1;
let outRoot = path.join(HERE, 'out');
let jsonFile = null;
const wanted = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--runs' || a === '-n') runs = Number(args[++i]);
  else if (a === '--warmup') warmup = Number(args[++i]);
  else if (a === '--out') outRoot = path.resolve(args[++i]);
  else if (a === '--json') jsonFile = path.resolve(args[++i]);
  else if (a === 'all') wanted.push('batch', 'en', 'ar');
  else if (SCENARIOS[a]) wanted.push(a);
  else usage(`unknown argument "${a}"`);
}
if (!Number.isInteger(runs) || runs < 1) usage('--runs takes a whole number, 1 or more');
if (!Number.isInteger(warmup) || warmup < 0) usage('--warmup takes a whole number, 0 or more');
const scenarios = [...new Set(wanted.length ? wanted : ['batch', 'en', 'ar'])];

const cli = path.join(PAMPHLET, 'dist', 'cli', 'main.js');
if (!fs.existsSync(cli)) usage(`no ${cli}: run \`npm ci\` in the project first (PAMPHLET=${PAMPHLET})`);
if (!fs.existsSync(GNU_TIME)) usage(`GNU time is not installed (${GNU_TIME}): it measures CPU and peak memory. Install it: apt-get install -y time`);
if (!fs.existsSync(path.join(HERE, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) usage('the peers are not installed: npm ci --prefix bench');

const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || null;
const chromium = process.env.CHROMIUM ?? which('chromium');
const version = (argv, opts = {}) => {
  try { return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], ...opts }).trim(); } catch { return 'unknown'; }
};
const typstVersion = JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler', 'package.json'), 'utf8')).version;

/** A PDF per language in `dir`, written by this run (the folder is emptied before each run). */
const pdfCheck = (dir, langs) => () => {
  const missing = langs.filter((code) => !fs.existsSync(path.join(dir, `${code}.pdf`)));
  return missing.length ? `no PDF for ${missing.join(', ')} in ${dir}` : null;
};
const fresh = (dir) => () => fs.rmSync(dir, { recursive: true, force: true });

function tools(lang) {
  const langs = lang === 'all' ? LANGS : [lang];
  const pam = path.join(outRoot, 'pamphlet');
  const typst = path.join(outRoot, 'typst');
  const list = [
    {
      name: 'pamphlet',
      // As a user runs it, from the project's folder.
      argv: [process.execPath, cli, 'build', '--template', 'templates/trifold.hbs', '--lang', lang, '--paper', 'letter', '--out', pam],
      cwd: PAMPHLET,
      before: fresh(pam),
      check: pdfCheck(path.join(pam, 'trifold', 'letter'), langs),
    },
    {
      name: 'typst',
      argv: [process.execPath, path.join(HERE, 'typst-build.mjs'), '--lang', lang, '--out', typst],
      env: { PAMPHLET },
      before: fresh(typst),
      check: pdfCheck(typst, langs),
    },
  ];
  if (chromium) {
    const dir = path.join(outRoot, 'chromium-cli');
    list.push({
      name: 'chromium-cli',
      argv: [process.execPath, path.join(HERE, 'chromium-cli.mjs'), '--lang', lang, '--out', dir],
      env: { PAMPHLET, CHROMIUM: chromium },
      before: fresh(dir),
      check: pdfCheck(dir, langs),
    });
  }
  return list;
}

const f = (n, digits) => n.toFixed(digits).padStart(9);
// The commit that last changed what is timed (code, content, dependencies), not bench/ or the README.
const commit = version(['git', '-C', PAMPHLET, 'log', '-1', '--format=%h %s', '--', 'src', 'templates', 'translations', 'data', 'fonts', 'package-lock.json']).replace(/^(.{72}).+$/, '$1…');
const dirty = version(['git', '-C', PAMPHLET, 'status', '--porcelain', '--', 'src', 'templates', 'translations', 'data', 'fonts']);
const head = version(['git', '-C', PAMPHLET, 'rev-parse', '--short', 'HEAD']);
console.log(`pamphlet: ${PAMPHLET} at ${head}; code and content as of ${commit}${dirty && dirty !== 'unknown' ? ' (with uncommitted changes)' : ''}`);
console.log(`Node ${process.version}, ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`peers: Typst via @myriaddreamin/typst-ts-node-compiler ${typstVersion}; ${chromium ? `${version([chromium, '--version'])} (${chromium}), one --print-to-pdf per language` : 'Chromium: not installed (command -v chromium finds nothing), skipped; apt-get install -y chromium to include it'}`);
console.log(`${runs} counted runs per tool, in turn, after ${warmup} warm-up round${warmup === 1 ? '' : 's'}; medians; ratios taken run by run\n`);

let failed = false;
const report = { pamphlet: { root: PAMPHLET, head, commit }, node: process.version, cores: os.availableParallelism(), runs, warmup, scenarios: {} };
for (const name of scenarios) {
  const { lang, title } = SCENARIOS[name];
  const list = tools(lang);
  console.log(`== ${name}: ${title}`);
  let results;
  try {
    results = interleave(list, { runs, warmup, onRun: process.stderr.isTTY ? (tool, round) => process.stderr.write(`   ${name} ${round < 0 ? 'warm-up' : `run ${round + 1}/${runs}`}: ${tool}\r\x1b[K`) : undefined });
  } catch (error) {
    console.log(`   failed: ${error.message}\n`);
    failed = true;
    continue;
  }
  const pam = results.pamphlet;
  console.log(`${'tool'.padEnd(14)}${'wall s'.padStart(9)}${'cpu s'.padStart(9)}${'peak MiB'.padStart(9)}   ${'pamphlet/tool: wall'.padStart(19)}${'cpu'.padStart(7)}${'peak'.padStart(7)}`);
  for (const tool of list) {
    const rs = results[tool.name];
    const ratio = (k) => median(pam.map((r, i) => r[k] / rs[i][k]));
    const ratios = tool.name === 'pamphlet' ? '' : `   ${ratio('wall').toFixed(2).padStart(19)}${ratio('cpu').toFixed(2).padStart(7)}${ratio('peak').toFixed(2).padStart(7)}`;
    console.log(`${tool.name.padEnd(14)}${f(median(rs.map((r) => r.wall)), 2)}${f(median(rs.map((r) => r.cpu)), 2)}${f(median(rs.map((r) => r.peak)), 0)}${ratios}`);
  }
  console.log(`   load after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  report.scenarios[name] = { loadAfter: os.loadavg(), runs: Object.fromEntries(Object.entries(results).map(([tool, rs]) => [tool, rs.map(({ wall, cpu, peak }) => ({ wall, cpu, peak }))])) };
}
if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 1)}\n`);
process.exitCode = failed ? 1 : 0;
