// Extracts the text of a PDF with the three readers people use, as each one
// gives it to a user who copies or searches: pdf.js (what browsers show),
// poppler's pdftotext and MuPDF. Prints JSON: { reader: [page text, ...] }.
// Runs in its own process: pdf.js and MuPDF are ES modules with top-level await.
// Usage: node extract-text.mjs file.pdf
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as mupdf from 'mupdf';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const file = process.argv[2];
const bytes = fs.readFileSync(file);

async function pdfjsPages() {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

function mupdfPages() {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const pages = [];
  for (let i = 0; i < doc.countPages(); i++) pages.push(doc.loadPage(i).toStructuredText('preserve-whitespace').asText());
  return pages;
}

function pdftotextPages() {
  // pdftotext separates pages with a form feed.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return text.split('\f').slice(0, -1);
}

process.stdout.write(JSON.stringify({ pdfjs: await pdfjsPages(), pdftotext: pdftotextPages(), mupdf: mupdfPages() }));
