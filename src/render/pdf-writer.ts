import PDFDocument from 'pdfkit';
import { Points } from '../core/units';
import { DrawItem, itemExtent } from '../layout/draw-items';
import { StructNode } from '../layout/structure';
import { drawLine } from './glyph-run-writer';
import { drawIcon } from './icon-writer';
import { drawQr } from './qr-writer';
import { drawLogo, OpenedImages } from './logo-writer';
import { DocumentMetadata, infoEntries, xmpDescriptions } from './document-metadata';
import { StructureWriter } from './structure-writer';
import { PageSetup, setUpDocument, setUpPage, tagSubsetFonts } from './page-setup';
import { PDFX4_VERSION } from './output-intent-writer';
import { collectPageContent } from './page-content';
import { recordColours } from './colour-operators';

export interface PdfSpec {
  width: Points;
  height: Points;
  pages: DrawItem[][];
  /** Each panel's section of the structure tree, in reading order. */
  sections: StructNode[];
  /** Title, language, author, edition…; its creation date is fixed, so that the same inputs give byte-identical files. */
  metadata: DocumentMetadata;
  /** What the print target asks of the file: page boxes, viewer preferences, subset tags (render/page-setup.ts). */
  setup?: PageSetup;
}

type Doc = InstanceType<typeof PDFDocument> & { _addInfo(): void; appendXML(xml: string): void };

/** Writes the pages' draw items to a tagged PDF (PDF/UA-1), in memory. */
export function writePdf(spec: PdfSpec): Promise<Buffer> {
  const pdfx = spec.setup?.outputIntent !== undefined;
  const doc = new PDFDocument({
    size: [spec.width, spec.height],
    margin: 0,
    autoFirstPage: false,
    // No default font: PDFKit would parse Helvetica's metrics for every document, and nothing here sets text in it.
    font: null as never,
    pdfVersion: pdfx ? PDFX4_VERSION : '1.7',
    lang: spec.metadata.lang,
    displayTitle: true,
    tagged: true,
    subset: 'PDF/UA' as never,
    compress: true,
    info: infoEntries(spec.metadata) as never,
  }) as Doc;
  // PDFKit's own XMP puts the Info strings into XML unescaped; ours escapes them and says more.
  doc._addInfo = () => doc.appendXML(xmpDescriptions(spec.metadata, pdfx ? spec.setup!.tagSeed : undefined));
  if (spec.setup) setUpDocument(doc, spec.setup);
  recordColours(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // PDF/X allows no annotation on the printed area: a print file has no link annotations.
  const structure = new StructureWriter(doc, spec.sections, !pdfx);
  const images: OpenedImages = new Map();
  for (const items of spec.pages) {
    doc.addPage({ size: [spec.width, spec.height], margin: 0 });
    collectPageContent(doc.page);
    if (spec.setup) setUpPage(doc, spec.setup);
    for (const item of items) {
      structure.mark('node' in item ? item.node : undefined, () => drawItem(doc, item, images, spec.setup?.cmyk));
      if (item.type === 'line' && item.node?.href) structure.link(item.node, itemExtent(item), item.line.text);
    }
  }
  if (spec.setup) tagSubsetFonts(doc, spec.setup.tagSeed);
  doc.end();
  return done;
}

/** One item's marks on the page; `cmyk` converts an SVG logo's colours for a print shop. */
function drawItem(doc: Doc, item: DrawItem, images: OpenedImages, cmyk?: boolean): void {
  switch (item.type) {
    case 'line': drawLine(doc, item.line, item.x, item.baseline, item.colour); break;
    case 'rect': doc.rect(item.x, item.y, item.width, item.height).fillColor(item.colour).fill(); break;
    case 'circle': doc.circle(item.x, item.y, item.radius).fillColor(item.colour).fill(); break;
    case 'qr': drawQr(doc, item.value, item.x, item.y, item.size, item.colour); break;
    case 'logo': drawLogo(doc, item.image, item.x, item.y, item.width, item.height, images, cmyk); break;
    case 'icon': drawIcon(doc, item.paths, item.x, item.y, item.size, item.colour); break;
    case 'frame': doc.rect(item.x, item.y, item.width, item.height).lineWidth(item.lineWidth).strokeColor(item.colour).stroke(); break;
    case 'stroke': doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).strokeColor(item.colour).stroke(); break;
  }
}
