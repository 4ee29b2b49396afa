#!/usr/bin/env node
// Peer 1: Typst, in-process (typst-ts-node-compiler). One Node process builds every language asked
// for with one compiler that knows the project's 12 Noto font files, as a user scripting Typst would.
// Usage: node typst-build.mjs [--lang all|en|en,ar] [--out DIR] [--keep-source] [--verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { argValue, loadData, loadFonts, pamphletTree, selectLangs } from './lib/content.mjs';
import { typstSource } from './lib/typst.mjs';

const langs = selectLangs(argValue('lang', 'all'));
const out = argValue('out', 'out/typst');
const verbose = process.argv.includes('--verbose');
fs.mkdirSync(out, { recursive: true });
const fonts = loadFonts();
const fontPaths = Object.values(fonts.families).flatMap((f) => [f.regular, f.bold]);
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths }] });
const data = loadData();
let failed = 0;
for (const code of langs) {
  const source = await typstSource(pamphletTree(code, data, fonts), fonts, data.theme);
  if (process.argv.includes('--keep-source')) fs.writeFileSync(path.join(out, `${code}.typ`), source);
  const result = compiler.compile({ mainFileContent: source });
  const doc = result.result;
  const diagnostics = doc ? result.takeWarnings() : result.takeError();
  if (diagnostics && (verbose || !doc)) console.error(code, JSON.stringify(compiler.fetchDiagnostics(diagnostics), null, 1));
  if (!doc) { failed++; continue; }
  const pdf = compiler.pdf(doc);
  fs.writeFileSync(path.join(out, `${code}.pdf`), pdf);
  if (verbose) console.log(`${code}: ${pdf.length} bytes`);
}
process.exitCode = failed ? 1 : 0;
