import * as path from 'node:path';
import { buildPamphlet, BuiltPamphlet, ContentSources } from '../../src/build/build-pamphlet';
import { mm } from '../../src/core/units';
import { loadEdition, withEdition } from '../../src/edition/edition';
import { PaperName } from '../../src/imposition/paper';
import { PrintTarget } from '../../src/print/print-target';
import { content, ROOT } from '../support/build';
import { PdfDrawingPage } from '../support/pdf-drawing';
import { PdfBox, PrintView, readPrint } from '../support/pdf-print';
import { SharedPiece, sharedDrawing, sharedPdf, sharedPrint } from '../support/shared-pdfs';

/**
 * The two print targets, read back with MuPDF: a print shop's PDF (trim and
 * bleed boxes, marks outside the bleed, CMYK only, black text in black ink
 * alone) and an office printer's (duplex and actual size preset, marks
 * where such a printer prints); the fonts' subset tags of each PDF its own.
 */

interface Built { pdf: Buffer; print: PrintView; drawing: PdfDrawingPage[] }

const template = (name: string) => path.join(ROOT, 'templates', `${name}.hbs`);
/** The Bangkok example edition brings an SVG logo with a gradient: its colours must reach CMYK too. */
const withLogo = (name: string): ContentSources => {
  const sources = content({ templateFile: template(name) });
  return { ...sources, data: withEdition(sources.data, loadEdition(path.join(ROOT, 'editions', 'bangkok.json'))) };
};
const CASES: [string, SharedPiece['format'], string, PaperName, PrintTarget][] = [
  ['trifold/en/letter/shop', 'trifold', 'en', 'letter', 'shop'],
  ['trifold/ar/a4/shop', 'trifold', 'ar', 'a4', 'shop'],
  ['poster/th/a3/shop', 'poster', 'th', 'a3', 'shop'],
  ['wallet-card/en/piece/shop', 'wallet-card', 'en', 'piece', 'shop'],
  ['trifold/en/letter/office', 'trifold', 'en', 'letter', 'office'],
  ['poster/en/letter/office', 'poster', 'en', 'letter', 'office'],
  ['wallet-card/en/a4/office', 'wallet-card', 'en', 'a4', 'office'],
  ['wallet-card/zh/letter/office', 'wallet-card', 'zh', 'letter', 'office'],
];
const SHOP = CASES.filter((c) => c[4] === 'shop').map((c) => c[0]);
const OFFICE = CASES.filter((c) => c[4] === 'office').map((c) => c[0]);
const BLEED = mm(3);
const K: number[] = [0, 0, 0, 255];

/** A PDF box (bottom-up) as a top-down one, on a page of the given height. */
const topDown = ([x0, y0, x1, y1]: PdfBox, height: number) => ({ x: x0, y: height - y1, w: x1 - x0, h: y1 - y0 });

describe('print targets, read back with MuPDF', () => {
  const built = new Map<string, Built>();
  let again: BuiltPamphlet;

  beforeAll(async () => {
    for (const [name, format, code, paper, print] of CASES) {
      const piece: SharedPiece = { format, language: code, paper, print, edition: 'bangkok' };
      built.set(name, { pdf: await sharedPdf(piece), print: await sharedPrint(piece), drawing: await sharedDrawing(piece) });
    }
    again = await buildPamphlet(withLogo('trifold'), 'en', 'letter', undefined, 'shop');
  }, 180_000);

  it.each(SHOP)('%s: every page has its TrimBox and a BleedBox 3 mm larger all round, inside the MediaBox with a slug for the marks', (name) => {
    for (const page of built.get(name)!.print.pages) {
      expect(page.trimBox).not.toBeNull();
      expect(page.bleedBox).not.toBeNull();
      const [trim, bleed, media] = [page.trimBox!, page.bleedBox!, page.mediaBox];
      for (const i of [0, 1]) expect(trim[i] - bleed[i]).toBeCloseTo(BLEED, 1);
      for (const i of [2, 3]) expect(bleed[i] - trim[i]).toBeCloseTo(BLEED, 1);
      for (const i of [0, 1]) expect(bleed[i] - media[i]).toBeGreaterThan(mm(6));
      for (const i of [2, 3]) expect(media[i] - bleed[i]).toBeGreaterThan(mm(6));
    }
  });

  it('trims the shop\'s pieces to the paper (tri-fold, poster) or to the card (85 x 55 mm)', () => {
    const size = (name: string) => { const [x0, y0, x1, y1] = built.get(name)!.print.pages[0].trimBox!; return [x1 - x0, y1 - y0].map((v) => Math.round(v)); };
    expect(size('trifold/en/letter/shop')).toEqual([792, 612]);
    expect(size('poster/th/a3/shop')).toEqual([842, 1191]);
    expect(size('wallet-card/en/piece/shop')).toEqual([Math.round(mm(85)), Math.round(mm(55))]);
  });

  it.each(SHOP)('%s: every mark lies outside the BleedBox, and is there: four corners, and each fold', (name) => {
    const { print, drawing } = built.get(name)!;
    print.pages.forEach((page, i) => {
      const height = page.mediaBox[3];
      const trim = topDown(page.trimBox!, height);
      const bleed = topDown(page.bleedBox!, height);
      const inside = (s: { x: number; y: number; w: number; h: number }, b: typeof trim) => s.x >= b.x - 0.01 && s.y >= b.y - 0.01 && s.x + s.w <= b.x + b.w + 0.01 && s.y + s.h <= b.y + b.h + 0.01;
      const clear = (s: { x: number; y: number; w: number; h: number }) => s.x + s.w <= bleed.x || s.x >= bleed.x + bleed.w || s.y + s.h <= bleed.y || s.y >= bleed.y + bleed.h;
      const marks = drawing[i].strokes.filter((s) => !inside(s, trim));
      for (const mark of marks) expect(clear(mark)).toBe(true);
      const folds = name.startsWith('trifold') ? 2 : 0;
      expect(marks).toHaveLength(8 + 2 * folds);
      for (const mark of marks) expect(mark.colour).toEqual(K);
    });
  });

  it.each(SHOP)('%s: colours are CMYK only, no RGB or grey anywhere in the file', (name) => {
    const { print, drawing } = built.get(name)!;
    expect(print.deviceRgb).toBe(false);
    expect(print.deviceGray).toBe(false);
    for (const page of print.pages) {
      expect(page.colours.filter((c) => ['rg', 'RG', 'g', 'G'].includes(c.op))).toEqual([]);
      for (const c of page.colours.filter((c) => ['cs', 'CS'].includes(c.op))) expect(['/DeviceCMYK', '/Pattern']).toContain(c.operands);
      expect(page.colours.some((c) => c.op === 'scn' && c.operands === '0 0 0 1')).toBe(true);
    }
    for (const page of drawing) for (const paint of [...page.fills, ...page.strokes, ...page.texts]) expect(paint.colour).toHaveLength(4);
  });

  it.each(SHOP)('%s: black text in black ink alone (0 0 0 1), and the QR code too', (name) => {
    const { drawing } = built.get(name)!;
    const texts = drawing.flatMap((p) => p.texts);
    const black = texts.filter((t) => t.colour.join() === K.join());
    // Body text, labels, numbers: most of the text is black.
    expect(black.length).toBeGreaterThan(texts.length / 2);
    // No rich black: anything dark is K alone.
    for (const t of texts) if (t.colour[3] > 200) expect(t.colour).toEqual(K);
    if (!name.startsWith('wallet-card')) {
      const qr = drawing.flatMap((p) => p.fills).filter((f) => f.w > 50 && f.w < 120 && Math.abs(f.w - f.h) < 3 && f.colour.join() === K.join());
      expect(qr.length).toBeGreaterThan(0);
    }
  });

  it('converts the SVG logo\'s colours (a gradient and flat fills) to CMYK', () => {
    const { print } = built.get('trifold/en/letter/shop')!;
    // The logo's gold (#c8a13a) by the formula: 0/20/71/22.
    expect(print.pages.flatMap((p) => p.colours).some((c) => c.op === 'scn' && c.operands === '0 0.2 0.71 0.22')).toBe(true);
  });

  it.each(SHOP)('%s: a PDF/X-4 print file: FOGRA39 output intent with its CMYK profile embedded, identified in Info and XMP', (name) => {
    const { print } = built.get(name)!;
    expect(print.header).toBe('%PDF-1.6');
    expect(print.outputIntents).toEqual([{
      s: '/GTS_PDFX',
      identifier: 'FOGRA39',
      registry: 'http://www.color.org',
      info: 'Coated FOGRA39 (ISO 12647-2:2004)',
      // An output profile ('prtr') from CMYK to Lab, whole: its header's size is the stream's.
      profile: expect.objectContaining({ n: 4, deviceClass: 'prtr', colourSpace: 'CMYK', pcs: 'Lab ', signature: 'acsp' }),
    }]);
    expect(print.outputIntents[0].profile.size).toBe(print.outputIntents[0].profile.bytes);
    expect(print.info).toMatchObject({ GTS_PDFXVersion: 'PDF/X-4', Trapped: '/False' });
    expect(print.xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(print.xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
    expect(print.xmp).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<\/xmpMM:DocumentID>/);
    expect(print.xmp).toContain('<xmpMM:RenditionClass>default</xmpMM:RenditionClass>');
    // PDF/UA still: a print file is tagged as well.
    expect(print.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it.each(SHOP)('%s: no annotation on any page: PDF/X allows none on the printed area', (name) => {
    for (const page of built.get(name)!.print.pages) expect(page.annotations).toBe(0);
  });

  it.each(OFFICE)('%s: no output intent and no PDF/X claim: it is not a print shop\'s file', (name) => {
    const { print } = built.get(name)!;
    expect(print.header).toBe('%PDF-1.7');
    expect(print.outputIntents).toEqual([]);
    expect(print.info.GTS_PDFXVersion).toBeUndefined();
    expect(print.xmp).not.toContain('GTS_PDFXVersion');
  });

  it('gives each print file its own DocumentID (a second build gives the same bytes: below)', () => {
    const ids = SHOP.map((name) => /<xmpMM:DocumentID>([^<]+)</.exec(built.get(name)!.print.xmp)?.[1]);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(SHOP.length);
  });

  it.each(OFFICE)('%s: no bleed: no page boxes but the MediaBox', (name) => {
    const { print } = built.get(name)!;
    for (const page of print.pages) {
      expect(page.trimBox).toBeNull();
      expect(page.bleedBox).toBeNull();
    }
  });

  it.each(OFFICE)('%s: every fold and cut mark at least 5 mm from the paper\'s edge', (name) => {
    const { print, drawing } = built.get(name)!;
    print.pages.forEach((page, i) => {
      const [, , width, height] = page.mediaBox;
      for (const s of drawing[i].strokes) {
        expect(Math.min(s.x, s.y, width - s.x - s.w, height - s.y - s.h)).toBeGreaterThanOrEqual(mm(5) - 0.01);
      }
    });
    // The tri-fold's fold marks and the card sheets' cut marks are there.
    if (!name.startsWith('poster')) expect(drawing[0].strokes.filter((s) => s.colour.join() === '0,0,0' && (s.w < 0.01 || s.h < 0.01)).length).toBeGreaterThanOrEqual(4);
  });

  it('presets the office printer\'s dialog: actual size, and the flip the format\'s orientation and turn give', () => {
    const viewer = (name: string) => built.get(name)!.print.viewer;
    expect(viewer('trifold/en/letter/office')).toMatchObject({ Duplex: 'DuplexFlipShortEdge', PrintScaling: 'None' });
    expect(viewer('wallet-card/en/a4/office')).toMatchObject({ Duplex: 'DuplexFlipLongEdge', PrintScaling: 'None' });
    expect(viewer('wallet-card/zh/letter/office')).toMatchObject({ Duplex: 'DuplexFlipLongEdge', PrintScaling: 'None' });
    expect(viewer('poster/en/letter/office')).toMatchObject({ Duplex: 'Simplex', PrintScaling: 'None' });
    expect(viewer('trifold/en/letter/shop').Duplex).toBeUndefined();
  });

  it('gives each PDF its own subset tags, the same on every build', () => {
    const tags = new Map<string, string[]>();
    for (const [name, { print }] of built) {
      for (const font of print.fonts) expect(font).toMatch(/^[A-Z]{6}\+/);
      tags.set(name, print.fonts.map((f) => f.slice(0, 6)));
    }
    // Every font of every PDF has a tag no other PDF here has.
    const all = [...tags.values()].flat();
    expect(new Set(all).size).toBe(all.length);
    expect(readPrint(again.pdf).fonts.sort()).toEqual([...built.get('trifold/en/letter/shop')!.print.fonts].sort());
    expect(again.pdf.equals(built.get('trifold/en/letter/shop')!.pdf)).toBe(true);
  });
});
