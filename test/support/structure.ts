import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** An element of a PDF's structure tree, as read-structure.mjs reads it with MuPDF. */
export interface StructElement {
  role: string;
  lang: string | null;
  alt: string | null;
  /** How many pieces of marked content it holds directly. */
  mcids: number;
  /** Its link annotations: target and the key that ties each back to it. */
  links: { uri: string; structParent: number | null }[];
  children: StructElement[];
}

export interface PdfAccessibility {
  lang: string | null;
  marked: boolean;
  displayDocTitle: boolean;
  structure: StructElement[] | null;
  xmp: string | null;
  pages: { tabs: string | null; structParents: boolean; annotations: { subtype: string; uri: string; rect: number[]; contents: string }[]; unmarked: string[] }[];
}

/** What a screen reader and a PDF/UA checker read of a PDF (MuPDF, in its own process). */
export function readStructure(pdf: Buffer): PdfAccessibility {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-structure-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'read-structure.mjs'), file], { maxBuffer: 1 << 26 }).toString('utf8'));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** Every element of a tree, depth first: reading order. */
export function elementsOf(elements: StructElement[]): StructElement[] {
  return elements.flatMap((e) => [e, ...elementsOf(e.children)]);
}
