import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { Points } from '../core/units';
import { Box } from '../layout/draw-items';
import { OutputCondition } from '../print/output-intent';
import { Duplex } from '../print/print-target';
import { writeOutputIntent } from './output-intent-writer';

/**
 * What the print target asks of the PDF besides its drawing: the boxes of
 * each page (a print shop's trim and bleed), the viewer preferences an
 * office printer's dialog reads, and the seed of the fonts' subset tags.
 */
export interface PageSetup {
  /** A print shop's trimmed piece and its bleed, in top-down page coordinates; the MediaBox is the page. */
  boxes?: { trim: Box; bleed: Box };
  /** For an office printer: which edge to flip on, and print at actual size. */
  duplex?: Duplex;
  /** For a print shop: an SVG logo's colours go to CMYK too. */
  cmyk?: boolean;
  /** For a print shop: the printing condition, which makes the file PDF/X-4. */
  outputIntent?: OutputCondition;
  /** What makes this PDF's subset tags its own: its language, format, paper and target. */
  tagSeed: string;
}

type Doc = InstanceType<typeof PDFDocument> & {
  _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } };
  page: { height: number; dictionary: { data: Record<string, unknown> } };
  _fontFamilies: Record<string, { id: string; embed?: () => void }>;
};

const round = (n: Points) => Math.round(n * 1000) / 1000;

/** A print shop's output intent; an office printer's /Duplex and /PrintScaling /None. */
export function setUpDocument(pdf: InstanceType<typeof PDFDocument>, setup: PageSetup): void {
  if (setup.outputIntent) writeOutputIntent(pdf, setup.outputIntent);
  if (setup.duplex) setDuplex(pdf as Doc, setup.duplex);
}

/** /Duplex and /PrintScaling /None in the viewer preferences PDFKit writes (it makes them for DisplayDocTitle). */
function setDuplex(doc: Doc, duplex: Duplex): void {
  const preferences = doc._root.data.ViewerPreferences;
  if (!preferences) throw new Error('PDFKit wrote no /ViewerPreferences to add /Duplex to (displayTitle off?)');
  // PDFKit writes a JS string as a PDF name.
  Object.assign(preferences.data, { Duplex: duplex, PrintScaling: 'None' });
}

/** The page just added: its /BleedBox and /TrimBox, in PDF's bottom-up coordinates. */
export function setUpPage(pdf: InstanceType<typeof PDFDocument>, setup: PageSetup): void {
  const doc = pdf as Doc;
  if (!setup.boxes) return;
  const height = doc.page.height;
  const rect = (b: Box) => [b.x, height - b.y - b.height, b.x + b.width, height - b.y].map(round);
  Object.assign(doc.page.dictionary.data, { BleedBox: rect(setup.boxes.bleed), TrimBox: rect(setup.boxes.trim) });
}

/**
 * A subset font's name starts with a tag of six capitals (ABCDEF+NotoSans).
 * PDFKit derives it from the font's resource id (F1 -> BZZZZZ), so every PDF
 * would carry the same tags and a print shop's RIP, which takes two fonts of
 * one tag and name to be one, could mix the subsets of two files. The tag
 * here is a hash of the PDF's seed and the font, the same on every run.
 * PDFKit computes it in embed() from the id's characters 1 to 6, each plus
 * 17; so for that call alone the id is set to the characters that give our
 * tag. Call before doc.end(), which embeds the fonts.
 */
export function tagSubsetFonts(pdf: InstanceType<typeof PDFDocument>, seed: string): void {
  const doc = pdf as Doc;
  const seen = new Set<unknown>();
  const taken = new Set<string>();
  for (const [key, font] of Object.entries(doc._fontFamilies)) {
    // A font is listed under our key and again under its PostScript name.
    if (seen.has(font) || typeof font.embed !== 'function') continue;
    seen.add(font);
    let tag = subsetTag(`${seed}\u0000${key}`);
    for (let n = 1; taken.has(tag); n++) tag = subsetTag(`${seed}\u0000${key}\u0000${n}`);
    taken.add(tag);
    const embed = font.embed;
    const carrier = `F${[...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
    font.embed = function (this: typeof font) {
      const id = this.id;
      this.id = carrier;
      try {
        return embed.call(this);
      } finally {
        this.id = id;
      }
    };
  }
}

/** Six capitals from a SHA-256 of the text. */
export function subsetTag(text: string): string {
  const digest = createHash('sha256').update(text).digest();
  return [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
}
