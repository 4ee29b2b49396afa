import PDFDocument from 'pdfkit';
import { recordColours } from '../../src/render/colour-operators';
import { drawIcon } from '../../src/render/icon-writer';
import { RecordedOperators } from '../../src/render/recorded-operators';
import { pictogram } from '../../src/icons/pictogram';

/**
 * Colours and icon paths are written as PDFKit wrote them the first time
 * (src/render/recorded-operators.ts): a page drawn so must be, to the byte,
 * the page PDFKit draws itself, on first and later use, for every kind of
 * colour PDFKit reads, and for one it cannot read (written as nothing).
 */
type Doc = InstanceType<typeof PDFDocument>;

/** The uncompressed PDF `draw` makes on one page. */
async function pdfOf(draw: (doc: Doc) => void, recorded: boolean): Promise<string> {
  const doc = new PDFDocument({ size: [200, 200], margin: 0, font: null as never, compress: false, info: { CreationDate: new Date(0) } });
  if (recorded) recordColours(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks).toString('latin1');
}

const COLOURS: unknown[] = ['#1a5fb4', '#fff', 'red', [12, 200, 7], [0, 100, 50, 10], 'brand', 'no-such-colour', '#1a5fb4', [12, 200, 7]];

describe('operators recorded once and written again', () => {
  it('colours: fill and stroke, hex, named, RGB, CMYK, spot and unreadable, twice over', async () => {
    // A spot colour is the document's own: 'brand' is /CS0 in one document, /CS1 in another.
    const drawWith = (spots: string[]) => (doc: Doc) => {
      for (const spot of spots) (doc as unknown as { addSpotColor(name: string, c: number, m: number, y: number, k: number): void }).addSpotColor(spot, 10, 20, 30, 40);
      for (let round = 0; round < 2; round++) {
        COLOURS.forEach((colour, i) => {
          doc.rect(10 + i * 10, 10 + round * 50, 8, 8).fillColor(colour as string).fill();
          doc.rect(10 + i * 10, 30 + round * 50, 8, 8).strokeColor(colour as string).stroke();
        });
      }
    };
    const draw = drawWith(['brand']);
    const pdfkit = await pdfOf(draw, false);
    // The colours are there to compare: 26/255, 95/255, 180/255 as PDFKit formats them, and the spot colour.
    expect(pdfkit).toContain('/DeviceRGB cs\n0.10196078431372549 0.37254901960784315 0.7058823529411765 scn');
    expect(pdfkit).toContain('/CS0 CS\n1 SCN');
    expect(await pdfOf(draw, true)).toBe(pdfkit);
    // Again, from what the first document recorded.
    expect(await pdfOf(draw, true)).toBe(pdfkit);
    const other = drawWith(['other', 'brand']);
    expect(await pdfOf(other, true)).toBe(await pdfOf(other, false));
  });

  it('icon paths', async () => {
    const icons = ['phone', 'alert-triangle', 'phone'].map((name) => pictogram(name).paths);
    const draw = (doc: Doc) => icons.forEach((paths, i) => drawIcon(doc, paths, 10 + i * 40, 10, 30, '#000000' as never));
    const recorded = await pdfOf(draw, false);
    const plain = await pdfOf((doc) => icons.forEach((paths, i) => {
      // drawIcon as it was, with PDFKit parsing each path.
      doc.save();
      doc.translate(10 + i * 40, 10).scale(30 / 24);
      doc.lineWidth(2).lineCap('round').lineJoin('round').strokeColor('#000000');
      for (const d of paths) doc.path(d).stroke();
      doc.restore();
    }), false);
    expect(plain).toMatch(/ c\n/);
    expect(recorded).toBe(plain);
  });

  it('starts its record again past its limit, and writes the same', () => {
    const record = new RecordedOperators(2);
    const written: string[] = [];
    const doc = { addContent: (op: string) => written.push(op) };
    let asked = 0;
    const write = (key: string) => record.write(doc, key, (d) => (asked++, d.addContent(`op ${key}`), true));
    ['a', 'b', 'a', 'c', 'a'].forEach(write);
    expect(written).toEqual(['op a', 'op b', 'op a', 'op c', 'op a']);
    // a, b recorded; a from the record; c clears it; a recorded again.
    expect(asked).toBe(4);
  });
});
