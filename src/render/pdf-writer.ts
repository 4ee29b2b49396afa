import PDFDocument from 'pdfkit';
import { Points } from '../core/units';
import { DrawItem } from '../layout/draw-items';
import { drawLine } from './glyph-run-writer';
import { drawIcon } from './icon-writer';
import { drawQr } from './qr-writer';
import { drawLogo, OpenedImages } from './logo-writer';
import { PageSetup, setUpDocument, setUpPage, tagSubsetFonts } from './page-setup';

export interface PdfSpec {
  width: Points;
  height: Points;
  pages: DrawItem[][];
  title: string;
  /** BCP 47 language of the document, for screen readers. */
  lang: string;
  /** Fixed, so that the same inputs give byte-identical files. */
  creationDate: Date;
  /** What the print target asks of the file: page boxes, viewer preferences, subset tags (render/page-setup.ts). */
  setup?: PageSetup;
}

/** Writes the pages' draw items to a PDF, in memory. */
export function writePdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [spec.width, spec.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: spec.lang,
    displayTitle: true,
    compress: true,
    info: { Title: spec.title, Creator: 'pamphlet', Producer: 'pamphlet (PDFKit)', CreationDate: spec.creationDate, ModDate: spec.creationDate },
  });
  if (spec.setup) setUpDocument(doc, spec.setup);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const registered = new Set<string>();
  const images: OpenedImages = new Map();
  for (const items of spec.pages) {
    doc.addPage({ size: [spec.width, spec.height], margin: 0 });
    if (spec.setup) setUpPage(doc, spec.setup);
    for (const item of items) {
      switch (item.type) {
        case 'line': drawLine(doc, item.line, item.x, item.baseline, item.colour, registered); break;
        case 'rect': doc.rect(item.x, item.y, item.width, item.height).fillColor(item.colour).fill(); break;
        case 'circle': doc.circle(item.x, item.y, item.radius).fillColor(item.colour).fill(); break;
        case 'qr': drawQr(doc, item.value, item.x, item.y, item.size, item.colour); break;
        case 'logo': drawLogo(doc, item.image, item.x, item.y, item.width, item.height, images, spec.setup?.cmyk); break;
        case 'icon': drawIcon(doc, item.paths, item.x, item.y, item.size, item.colour); break;
        case 'frame': doc.rect(item.x, item.y, item.width, item.height).lineWidth(item.lineWidth).strokeColor(item.colour).stroke(); break;
        case 'stroke': doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).strokeColor(item.colour).stroke(); break;
      }
    }
  }
  if (spec.setup) tagSubsetFonts(doc, spec.setup.tagSeed);
  doc.end();
  return done;
}
