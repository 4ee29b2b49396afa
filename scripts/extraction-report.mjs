#!/usr/bin/env node
// How well real PDF readers give back the text of each language's tri-fold:
// for pdf.js, pdftotext and MuPDF, the share of the logical text's words
// each extracts in order (test/support/word-order.cjs). Builds with dist/
// (run `npm run build` first) into a temporary folder.
// Usage: node scripts/extraction-report.mjs [lang ...]
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
const { wordsInOrder } = require(path.join(root, 'test/support/word-order.cjs'));

const translationsDir = path.join(root, 'translations');
const sources = { translationsDir, templateFile: path.join(root, 'templates/trifold.hbs'), data: loadData(path.join(root, 'data')), fonts: FontRegistry.default() };
const languages = process.argv.slice(2).length ? process.argv.slice(2) : listLanguages(translationsDir);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extraction-'));
const rows = [];
for (const code of languages) {
  const prepared = prepareLanguage(sources, loadTranslation(translationsDir, code));
  const laidOut = layOutPamphlet(prepared, 'letter', sources.templateFile);
  const reference = laidOut.pages.map((items) => items.filter((i) => i.type === 'line').map((i) => i.line.text).join('\n')).join('\n');
  const built = await buildPiece(sources, [prepared], 'letter');
  const file = path.join(dir, `${code}.pdf`);
  fs.writeFileSync(file, built.pdf);
  const extracted = JSON.parse(execFileSync(process.execPath, [path.join(root, 'test/support/extract-text.mjs'), file], { maxBuffer: 1 << 26 }).toString());
  const row = { code };
  for (const [reader, pages] of Object.entries(extracted)) row[reader] = wordsInOrder(reference, pages.join('\n'), code);
  rows.push(row);
  const cell = (r) => `${(100 * r.share).toFixed(1).padStart(5)} %`;
  console.log(`${code.padEnd(3)} ${String(row.pdfjs.words).padStart(4)} words   pdf.js ${cell(row.pdfjs)}   pdftotext ${cell(row.pdftotext)}   MuPDF ${cell(row.mupdf)}`);
}
fs.rmSync(dir, { recursive: true, force: true });
