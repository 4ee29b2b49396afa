import PDFDocument from 'pdfkit';
import { collectPageContent } from '../../src/render/page-content';

/**
 * A page's operators kept as strings and turned into one Buffer when the
 * page ends (src/render/page-content.ts) must give PDFKit's own bytes:
 * pages of many operators, a Buffer written between them, compressed or not.
 */
type Doc = InstanceType<typeof PDFDocument> & { addContent(op: string): Doc; page: { write(chunk: unknown): void } };

async function pdfOf(collected: boolean, compress: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ margin: 0, font: null as never, compress, autoFirstPage: false, info: { CreationDate: new Date(0) } }) as Doc;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  for (let page = 0; page < 3; page++) {
    doc.addPage({ size: [300, 300], margin: 0 });
    if (collected) collectPageContent(doc.page);
    for (let i = 0; i < 200; i++) doc.rect(i, page * 7 + i / 3, 5, 5).fillColor([i, 255 - i, page * 40]).fill();
    doc.page.write(Buffer.from('% a Buffer, written between the operators\n'));
    doc.addContent('0 0 m 10 10 l S');
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('page content collected as strings', () => {
  it.each([false, true])('is PDFKit\'s own, byte for byte (compressed: %s)', async (compress) => {
    const own = await pdfOf(false, compress);
    if (!compress) expect(own.toString('latin1')).toMatch(/% a Buffer, written between the operators\n0 0 m 10 10 l S\n/);
    expect((await pdfOf(true, compress)).equals(own)).toBe(true);
  });
});
