import { runReader } from './reader';

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
export function readStructure(pdf: Buffer | string): PdfAccessibility {
  return runReader('read-structure.mjs', pdf);
}

/** Every element of a tree, depth first: reading order. */
export function elementsOf(elements: StructElement[]): StructElement[] {
  return elements.flatMap((e) => [e, ...elementsOf(e.children)]);
}
