import * as fs from 'node:fs';
import * as path from 'node:path';
import { mm } from '../../src/core/units';
import { loadFormat } from '../../src/format/load-format';
import { impose } from '../../src/imposition/impose';
import { PaperName } from '../../src/imposition/paper';
import { ROOT } from '../support/build';
import { PdfPage } from '../support/pdf';
import { sharedPages } from '../support/shared-pdfs';

/** The edition date of the data, printed on each card's back. */
const EDITION = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'facts.json'), 'utf8')).edition as string;

/** The wallet card: a piece smaller than the sheet, placed in a grid with cut marks, or alone with its bleed. */

const TEMPLATE = path.join(ROOT, 'templates', 'wallet-card.hbs');
const LOOKED_AT = ['en', 'ar', 'th'];
const PAPERS: PaperName[] = ['a4', 'letter', 'piece'];
const CARD = { width: mm(85), height: mm(55) };

describe('the wallet card, read back with MuPDF', () => {
  const pages = new Map<string, PdfPage[]>();
  const format = loadFormat(TEMPLATE, 'wallet-card');

  beforeAll(async () => {
    for (const code of LOOKED_AT) for (const paper of PAPERS) pages.set(`${code}/${paper}`, await sharedPages({ format: 'wallet-card', language: code, paper }));
  }, 120_000);

  it.each(LOOKED_AT)('%s: one card on the paper "piece", for a print shop: front and back, with 3 mm of bleed and a 9 mm slug for the crop marks', (code) => {
    const [front, back] = pages.get(`${code}/piece`)!;
    // 85 x 55 mm, plus 3 mm of bleed and 9 mm of slug all round (print-targets.test.ts reads its boxes).
    for (const page of [front, back]) expect([page.width, page.height].map((v) => Math.round(v * 10) / 10)).toEqual([mm(109), mm(79)].map((v) => Math.round(v * 10) / 10));
    const text = front.text;
    for (const number of ['911', '1-833-900-1010']) expect(text).toContain(number);
    // Nothing inked in the bleed, nor in the 3 mm inside the trim, which starts 12 mm in.
    for (const line of [...front.lines, ...back.lines]) {
      expect(line.x).toBeGreaterThanOrEqual(mm(15) - 1);
      expect(line.x + line.w).toBeLessThanOrEqual(mm(94) + 1);
    }
  });

  it.each(LOOKED_AT)('%s: 10 cards on an A4 sheet and 8 on Letter, each back behind its front when printed on both sides, flipped on the long edge', (code) => {
    for (const [paper, count] of [['a4', 10], ['letter', 8]] as const) {
      const [front, back] = pages.get(`${code}/${paper}`)!;
      // One per card: the emergency number on the front, the edition date on the back.
      const titles = front.lines.filter((l) => l.text.includes('911'));
      const headings = back.lines.filter((l) => l.text.includes(EDITION));
      expect(titles).toHaveLength(count);
      expect(headings).toHaveLength(count);
      const { placements, pageWidth } = impose(format, paper, code === 'ar' ? 'rtl' : 'ltr', '#000000');
      // Which card each line is on, by where it is.
      const cardOf = (line: { x: number; y: number }, side: number) => placements[side].findIndex((p) => line.x >= p.x - 1 && line.x < p.x + CARD.width && line.y >= p.y - 1 && line.y < p.y + CARD.height);
      expect(titles.map((l) => cardOf(l, 0)).sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
      expect(headings.map((l) => cardOf(l, 1)).sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
      // Card i's back is its front's mirror image across the sheet's long axis: the same row, the mirrored column.
      for (let i = 0; i < count; i++) {
        expect(placements[1][i].y).toBeCloseTo(placements[0][i].y);
        expect(placements[1][i].x).toBeCloseTo(pageWidth - placements[0][i].x - CARD.width);
      }
    }
  });

  it('puts the cut marks outside the cards, at every cut, at least 5 mm from the sheet\'s edge', () => {
    for (const paper of ['a4', 'letter'] as const) {
      const { marks, placements, pageWidth, pageHeight } = impose(format, paper, 'ltr', '#000000');
      const strokes = marks[0].flatMap((m) => (m.type === 'stroke' ? [m] : []));
      // Two marks per cut line at each end: 3 vertical cuts and 6 (A4) or 5 (Letter) horizontal ones.
      expect(strokes).toHaveLength(2 * 3 + 2 * (paper === 'a4' ? 6 : 5));
      for (const s of strokes) {
        for (const p of placements[0]) {
          const inside = (x: number, y: number) => x > p.x + 0.01 && x < p.x + CARD.width - 0.01 && y > p.y + 0.01 && y < p.y + CARD.height - 0.01;
          expect(inside(s.x1, s.y1) || inside(s.x2, s.y2)).toBe(false);
        }
        for (const v of [s.x1, s.x2]) expect(Math.min(v, pageWidth - v)).toBeGreaterThanOrEqual(mm(5) - 0.01);
        for (const v of [s.y1, s.y2]) expect(Math.min(v, pageHeight - v)).toBeGreaterThanOrEqual(mm(5) - 0.01);
      }
    }
  });

  it.each(LOOKED_AT)('%s: the back says, small, the language and the edition, so that a stack can be sorted', (code) => {
    const back = pages.get(`${code}/piece`)![1];
    expect(back.text).toContain(`${code} · ${EDITION}`);
  });
});
