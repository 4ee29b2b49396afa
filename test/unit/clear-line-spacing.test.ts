// Lines that pdftotext takes each for a block of its own must lie one wholly
// under the other (src/layout/clear-line-spacing.ts): a spacing under the
// primary font's box is widened to it, and the Arabic tri-fold's lines, read
// back with pdftotext, no longer overlap.
import { execFileSync } from 'node:child_process';
import { clearLineSpacing } from '../../src/layout/clear-line-spacing';
import { fonts, language } from '../support/build';
import { sharedPdfFile } from '../support/shared-pdfs';

const stack = (code: string) => language(code).fonts;
const box = (code: string) => Math.max(...[stack(code).regular[0], stack(code).bold[0]].map((f) => f.ascent - f.descent));

describe('line spacing clear of the font\'s box', () => {
  test('Arabic body text, 1.7 em apart in a 1.703 em box, is set just past the box', () => {
    expect(box('ar')).toBeCloseTo(1.703, 3);
    const spacing = clearLineSpacing(fonts.typography('Arab').lineSpacing, stack('ar'));
    expect(spacing).toBeGreaterThan(box('ar'));
    expect(spacing).toBeLessThan(box('ar') * 1.002);
  });

  test('a spacing clear of the box, or one at which poppler joins the lines into one block, is as given', () => {
    // Thai: 1.65 em in a 1.511 em box; Latin: 1.35 em in a 1.362 em box, but lines 1.35 em apart are one block.
    for (const [code, script] of [['th', 'Thai'], ['en', 'Latn'], ['hi', 'Deva'], ['zh', 'Hans']] as const) {
      const given = fonts.typography(script).lineSpacing;
      expect(clearLineSpacing(given, stack(code))).toBe(given);
    }
    expect(clearLineSpacing(1.5, stack('ar'))).toBe(1.5);
  });

  test('the lines of the Arabic tri-fold\'s panels lie wholly one under the other for pdftotext', async () => {
    const file = await sharedPdfFile({ format: 'trifold', language: 'ar', paper: 'letter' });
    const html = execFileSync('pdftotext', ['-bbox-layout', file, '-']).toString();
    const gaps: number[] = [];
    for (const page of html.split('<page ').slice(1)) {
      // Lines of body text: 15 pt Naskh, whose box is 25.545 pt tall (the cover's title, set tighter, overlaps by design).
      const lines = [...page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => m.slice(1).map(Number))
        .filter(([yMin, , yMax]) => Math.abs(yMax - yMin - 15 * box('ar')) < 0.01);
      // Each line and the next one down that starts at the same right edge (right-to-left text starts there).
      for (const [yMin, xMax, yMax] of lines) {
        const next = lines.filter((l) => Math.abs(l[1] - xMax) < 0.01 && l[0] > yMin).sort((a, b) => a[0] - b[0])[0];
        if (next && next[0] - yMax < 5) gaps.push(next[0] - yMax);
      }
    }
    // The paragraphs' lines, one after the other: none overlaps the next (they did by 0.045 pt).
    expect(gaps.length).toBeGreaterThan(20);
    expect(gaps.filter((gap) => !(gap > 0))).toEqual([]);
  }, 60_000);
});
