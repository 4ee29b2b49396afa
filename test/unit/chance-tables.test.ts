// pdftotext's chance tables (src/layout/pdftotext-tables.ts, keep-out-of-tables.ts):
// the model of poppler's blocks against pdftotext's own on a real tri-fold,
// and the rule that moves a block of a table that puts a panel out of order.
import { execFileSync } from 'node:child_process';
import { layOutPamphlet, prepareLanguage } from '../../src/build/build-pamphlet';
import { loadTranslation } from '../../src/languages/load-translations';
import { DrawItem } from '../../src/layout/draw-items';
import { keepOutOfTables, LaidPanel, misreadTables, smallestMove } from '../../src/layout/keep-out-of-tables';
import { readsOutOfOrder, Table, textBlocks, textLines, TextBlockBox } from '../../src/layout/pdftotext-tables';
import { content } from '../support/build';
import { sharedPdfFile } from '../support/shared-pdfs';

/** A line of one run, `width` wide, size 10, its box 8 above and 2 below its baseline. */
const line = (x: number, baseline: number, width = 80): DrawItem => ({
  type: 'line', x, baseline, colour: '#000000',
  line: { runs: [{ font: { ascent: 0.8, descent: -0.2 }, size: 10, x: 0, glyphs: [{ xAdvance: width }], rtl: false }], width, text: 'x' },
} as unknown as DrawItem);

/**
 * Two panels, each a heading and blocks at baselines given per block (a
 * block of several lines 12 apart, closer than poppler's 1.5 em, is one
 * block), laid out again by moving every block from the spaced one down.
 */
function side(columns: number[][][]) {
  const lay = (panel: number, space: ReadonlyMap<number, number>): LaidPanel => {
    const items: DrawItem[] = [];
    const origins: number[] = [];
    let shift = 0;
    columns[panel].forEach((bases, origin) => {
      shift += space.get(origin) ?? 0;
      for (const base of bases) {
        items.push(line(panel * 150, base + shift));
        origins.push(origin);
      }
    });
    return { items, origins };
  };
  return { panels: columns.map((_, p) => lay(p, new Map())), relayout: lay };
}

describe('chance tables', () => {
  // Panel 0: heading, a paragraph, then two labels; panel 1: heading, a tall paragraph, a short one.
  // The labels' bottoms are 2 and 3 pt from the paragraphs' beside them: a table whose box starts at
  // the top of the tall paragraph, above panel 0's paragraph, which is then read after the labels.
  const ruLike = [
    [[10], [44], [70], [100]],
    [[10], [36, 48, 60, 72], [103]],
  ];

  test('a table that puts a block out of its panel\'s order is found, and broken by the smallest move', () => {
    const { panels, relayout } = side(ruLike);
    expect(misreadTables(panels)).toHaveLength(1);
    const kept = keepOutOfTables(panels, relayout);
    expect(misreadTables(kept)).toHaveLength(0);
    // The short paragraph goes down 2.05 pt: its edges 5.05 pt from the label's, past half the type size (5).
    expect(kept[0]).toBe(panels[0]);
    const baselines = (panel: LaidPanel) => panel.items.map((item) => (item.type === 'line' ? item.baseline : NaN));
    const moved = baselines(kept[1]).map((b, i) => b - baselines(panels[1])[i]);
    expect(moved.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(moved[5]).toBeCloseTo(2.05, 6);
  });

  test('a side without such a table is given back as it was', () => {
    // The labels well apart from the paragraphs beside them.
    const { panels, relayout } = side([[[10], [44], [70], [100]], [[10], [36, 48], [88]]]);
    expect(misreadTables(panels)).toHaveLength(0);
    expect(keepOutOfTables(panels, relayout)).toBe(panels);
  });

  test('no move is made that would take a block out of level with one of the panel beside it', () => {
    // A last block in each panel, their tops level: every move that breaks the table moves one of them.
    const { panels, relayout } = side([[...ruLike[0], [130]], [...ruLike[1], [130]]]);
    expect(misreadTables(panels)).toHaveLength(1);
    expect(keepOutOfTables(panels, relayout)).toBe(panels);
  });

  test('no move is made that the panel has no room for', () => {
    const { panels } = side(ruLike);
    expect(keepOutOfTables(panels, () => null)).toBe(panels);
  });

  test('the smallest move takes top, bottom and centre past the tolerance', () => {
    const box = (yMin: number, yMax: number) => ({ yMin, yMax } as TextBlockBox);
    // Tops 1 apart: moving down, all three edges must be more than 5 (and the margin) apart.
    expect(smallestMove(box(100, 110), box(101, 111), 5, 1)).toBeCloseTo(6.05, 9);
    expect(smallestMove(box(100, 110), box(101, 111), 5, -1)).toBeCloseTo(-4.05, 9);
    // A taller partner: the centres line up once the bottoms are apart; step past both.
    expect(smallestMove(box(100, 110), box(90, 116), 5, 1)).toBeCloseTo(11.05, 9);
  });

  test('a line between two members of a table is read out of order even where their boxes overlap by a hair', () => {
    // Arabic Naskh's box is 1.703 em, its lines were 1.7 em apart: each line overlaps the next by 0.003 em, so the
    // block "under" a line (tableQuads' fblk3) is the line after next, and the line between is no member.
    const block = (panel: number, yMin: number): TextBlockBox => ({ lines: [{ panel, item: 0, xMin: panel * 150, xMax: panel * 150 + 80, yMin, yMax: yMin + 25.545, base: yMin + 16.035, size: 15 }], xMin: panel * 150, xMax: panel * 150 + 80, yMin, yMax: yMin + 25.545, size: 15 });
    const [first, between, third] = [67.784, 93.284, 118.784].map((y) => block(0, y));
    const beside = [block(1, 67.784), block(1, 121.909)];
    const table: Table = { quads: [[first, beside[0], third, beside[1]]], members: new Set([first, beside[0], third, beside[1]]), yMin: 67.784 };
    expect(readsOutOfOrder(table, [first, between, third, ...beside])).toBe(true);
    // The same lines a hair further apart than their boxes are tall: the line between is still misread (it is no member).
    const apart = [67.784, 93.334, 118.884].map((y) => block(0, y));
    const table2: Table = { ...table, members: new Set([apart[0], beside[0], apart[2], beside[1]]) };
    expect(readsOutOfOrder(table2, [...apart, ...beside])).toBe(true);
    // With the middle line a member, nothing is.
    const table3: Table = { ...table, members: new Set([first, between, third, ...beside]) };
    expect(readsOutOfOrder(table3, [first, between, third, ...beside])).toBe(false);
  });

  // Arabic: every line a block of its own (1.7 em apart, more than poppler's 1.5), with words of two sizes.
  test.each([['ru', 'Russian'], ['ar', 'Arabic']])('the model\'s blocks are pdftotext\'s on the %s (%s) tri-fold', async (code) => {
    const sources = content();
    const laidOut = layOutPamphlet(prepareLanguage(sources, loadTranslation(sources.translationsDir, code)), 'letter', sources.templateFile);
    const file = await sharedPdfFile({ format: 'trifold', language: code, paper: 'letter' });
    const html = execFileSync('pdftotext', ['-bbox-layout', file, '-']).toString();
    const pages = html.split('<page ').slice(1);
    expect(pages).toHaveLength(laidOut.pages.length);
    laidOut.pages.forEach((items, p) => {
      const real = [...pages[p].matchAll(/<block xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => m.slice(1).map(Number));
      const model = textBlocks(textLines(items, 0)).map((b) => [b.xMin, b.yMin, b.xMax, b.yMax]);
      const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) < 0.01);
      expect(real.length).toBeGreaterThan(10);
      expect(model).toHaveLength(real.length);
      for (const block of real) expect(model.some((m) => near(m, block))).toBe(true);
    });
  }, 60_000);
});
