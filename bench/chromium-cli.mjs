#!/usr/bin/env node
// Peer 2: Chromium's own command line. Writes one HTML file per language, then prints each to PDF
// with one `chromium --headless --print-to-pdf` per language, one after another (as a shell loop would).
// Usage: node chromium-cli.mjs [--lang all|en|en,ar] [--out DIR]   (CHROMIUM names the binary; default chromium)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { argValue, loadData, loadFonts, pamphletTree, selectLangs } from './lib/content.mjs';
import { htmlPage } from './lib/html.mjs';

const langs = selectLangs(argValue('lang', 'all'));
const out = path.resolve(argValue('out', 'out/chromium-cli'));
const chromium = process.env.CHROMIUM ?? 'chromium';
fs.mkdirSync(out, { recursive: true });
const fonts = loadFonts();
const data = loadData();
let failed = 0;
for (const code of langs) {
  const html = path.join(out, `${code}.html`);
  fs.writeFileSync(html, await htmlPage(pamphletTree(code, data, fonts), fonts, data.theme));
  const r = spawnSync(chromium, ['--headless', '--no-sandbox', '--no-pdf-header-footer', `--print-to-pdf=${path.join(out, `${code}.pdf`)}`, `file://${html}`], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) { failed++; console.error(`${code}: ${chromium} exited ${r.status ?? r.error?.message}\n${r.stderr ?? ''}`); }
}
process.exitCode = failed ? 1 : 0;
