import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Runs one of the .mjs readers beside this file (MuPDF, pdf.js: ES modules
 * with top-level await, so each runs in a process of its own) on a PDF and
 * returns the JSON it prints. A PDF given as bytes is written to a temporary
 * file first, removed after.
 */
export function runReader<T>(script: string, pdf: Buffer | string): T {
  if (!Buffer.isBuffer(pdf)) return run<T>(script, pdf);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-read-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return run<T>(script, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run<T>(script: string, file: string): T {
  const out = execFileSync(process.execPath, [path.join(__dirname, script), file], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as T;
}
