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

export interface PdfSpec {
  width: Points;
  height: Points;
  pages: DrawItem[][];
  /** Each panel's section of the structure tree, in reading order. */
  sections: StructNode[];
  /** Title, language, author, edition…; its creation date is fixed, so that the same inputs give byte-identical files. */
  metadata: DocumentMetadata;
}

type Doc = InstanceType<typeof PDFDocument> & { _addInfo(): void; appendXML(xml: string): void };

/** Writes the pages' draw items to a tagged PDF (PDF/UA-1), in memory. */
export function writePdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [spec.width, spec.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: spec.metadata.lang,
    displayTitle: true,
    tagged: true,
    subset: 'PDF/UA' as never,
    compress: true,
    info: infoEntries(spec.metadata) as never,
  }) as Doc;
  // PDFKit's own XMP puts the Info strings into XML unescaped; ours escapes them and says more.
  doc._addInfo = () => doc.appendXML(xmpDescriptions(spec.metadata));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const structure = new StructureWriter(doc, spec.sections);
  const registered = new Set<string>();
  const images: OpenedImages = new Map();
  for (const items of spec.pages) {
    doc.addPage({ size: [spec.width, spec.height], margin: 0 });
    for (const item of items) {
      structure.mark('node' in item ? item.node : undefined, () => drawItem(doc, item, registered, images));
      if (item.type === 'line' && item.node?.href) structure.link(item.node, itemExtent(item), item.line.text);
    }
  }
  doc.end();
  return done;
}

function drawItem(doc: Doc, item: DrawItem, registered: Set<string>, images: OpenedImages): void {
  switch (item.type) {
    case 'line': drawLine(doc, item.line, item.x, item.baseline, item.colour, registered); break;
    case 'rect': doc.rect(item.x, item.y, item.width, item.height).fillColor(item.colour).fill(); break;
    case 'circle': doc.circle(item.x, item.y, item.radius).fillColor(item.colour).fill(); break;
    case 'qr': drawQr(doc, item.value, item.x, item.y, item.size, item.colour); break;
    case 'logo': drawLogo(doc, item.image, item.x, item.y, item.width, item.height, images); break;
    case 'icon': drawIcon(doc, item.paths, item.x, item.y, item.size, item.colour); break;
    case 'frame': doc.rect(item.x, item.y, item.width, item.height).lineWidth(item.lineWidth).strokeColor(item.colour).stroke(); break;
    case 'stroke': doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).strokeColor(item.colour).stroke(); break;
  }
}
