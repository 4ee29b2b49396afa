import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface PdfLine { text: string; x: number; y: number; w: number; h: number; font: string; size: number }
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  fonts: { name: string; embedded: boolean }[];
  glyphIds: number[];
  text: string;
}

/** Opens a PDF with a real reader (MuPDF) and returns its pages. */
export function readPdf(pdf: Buffer | string): { pages: PdfPage[] } {
  let file = pdf as string;
  if (Buffer.isBuffer(pdf)) {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-test-')), 'doc.pdf');
    fs.writeFileSync(file, pdf);
  }
  const out = execFileSync(process.execPath, [path.join(__dirname, 'read-pdf.mjs'), file], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8'));
}
