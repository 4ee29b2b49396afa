#!/usr/bin/env node
// How well real PDF readers give back the text of each language's tri-fold,
// panel by panel: for pdf.js, pdftotext and MuPDF, the share of each panel's
// words found in order in the reader's text of its page, summed over panels
// (test/support/word-order.cjs), and how many panels come out in one piece
// (not interleaved with another). Builds with dist/ (run `npm run build`
// first) into a temporary folder.
// Usage: node scripts/extraction-report.mjs [--paper letter|a4] [lang ...]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const { prepareLanguage, layOutPamphlet, buildPiece } = require(path.join(root, 'dist/build/build-pamphlet.js'));
const { loadData } = require(path.join(root, 'dist/facts/load-data.js'));
const { FontRegistry } = require(path.join(root, 'dist/fonts/font-registry.js'));
const { loadTranslation, listLanguages } = require(path.join(root, 'dist/languages/load-translations.js'));
const { panelsInOrder } = require(path.join(root, 'test/support/word-order.cjs'));
const { panelTexts } = require(path.join(root, 'test/support/panel-texts.cjs'));

const translationsDir = path.join(root, 'translations');
const sources = { translationsDir, templateFile: path.join(root, 'templates/trifold.hbs'), data: loadData(path.join(root, 'data')), fonts: FontRegistry.default() };
const args = process.argv.slice(2);
const paperAt = args.indexOf('--paper');
const paper = paperAt >= 0 ? args.splice(paperAt, 2)[1] : 'letter';
const languages = args.length ? args : listLanguages(translationsDir);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extraction-'));
console.log('words in order per panel (%), panels in one piece (of 6)');
for (const code of languages) {
  const prepared = prepareLanguage(sources, loadTranslation(translationsDir, code));
  const panels = panelTexts(layOutPamphlet(prepared, paper, sources.templateFile));
  const built = await buildPiece(sources, [prepared], paper);
  const file = path.join(dir, `${code}.pdf`);
  fs.writeFileSync(file, built.pdf);
  const extracted = JSON.parse(execFileSync(process.execPath, [path.join(root, 'test/support/extract-text.mjs'), file], { maxBuffer: 1 << 26 }).toString());
  const cells = [];
  let words = 0;
  for (const [reader, pages] of Object.entries(extracted)) {
    const scores = panels.map((texts, p) => panelsInOrder(texts, pages[p] ?? '', code));
    words = scores.reduce((n, s) => n + s.words, 0);
    const share = scores.reduce((n, s) => n + s.matched, 0) / words;
    const whole = scores.reduce((n, s) => n + s.contiguous.filter(Boolean).length, 0);
    const total = scores.reduce((n, s) => n + s.contiguous.length, 0);
    cells.push(`${({ pdfjs: 'pdf.js', pdftotext: 'pdftotext', mupdf: 'MuPDF' })[reader]} ${(100 * share).toFixed(1).padStart(5)} % ${whole}/${total}`);
  }
  console.log(`${code.padEnd(3)} ${String(words).padStart(4)} words   ${cells.join('   ')}`);
}
fs.rmSync(dir, { recursive: true, force: true });
