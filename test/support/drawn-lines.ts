import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { drawLine } from '../../src/render/glyph-run-writer';
import { TypesetLine } from '../../src/text/types';

/**
 * `lines` drawn by the PDF writer's drawLine, 20 pt apart on one page, into
 * `file`, uncompressed: the content stream as written, and what pdf.js,
 * pdftotext and MuPDF read of the page (extract-text.mjs).
 */
export async function drawAndRead(lines: TypesetLine[], file: string): Promise<{ content: string; read: Record<string, string[]> }> {
  const doc = new PDFDocument({ size: [600, 40 + 20 * lines.length], margin: 0, autoFirstPage: true, font: null as never, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  lines.forEach((line, i) => drawLine(doc, line, 20, 30 + 20 * i, '#000000' as never));
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks);
  fs.writeFileSync(file, pdf);
  const read = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'extract-text.mjs'), file], { maxBuffer: 1 << 24 }).toString());
  return { content: pdf.toString('latin1'), read };
}
