// Baselines written a hair higher (src/render/baseline-y.ts): a Hindi
// paragraph set at exactly 1.5 times its size, as the tri-fold sets its body
// text, comes out of pdftotext as one block, where with the baselines
// written as rounded it falls apart; and MuPDF draws the two files pixel for
// pixel the same. Checked on real output: lines drawn by drawLine.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { baselineOperand, HAIR } from '../../src/render/baseline-y';
import { drawLine } from '../../src/render/glyph-run-writer';
import { layoutParagraph } from '../../src/text/paragraph';
import { ParagraphStyle } from '../../src/text/types';
import { language } from '../support/build';
import { runReader } from '../support/reader';
import { temporaryFolders } from '../support/temp';

const PAGE_HEIGHT = 612;
// The tri-fold's Hindi body text: 12 pt of the type scale, set at Devanagari's size factor (1.15), lines 1.5 times that apart.
const LINE_SIZE = 12 * language('hi').typography.sizeFactor;
const style: ParagraphStyle = { size: 12, lineHeight: LINE_SIZE * language('hi').typography.lineSpacing, align: 'start', bold: false, hyphenate: false };
// A baseline where the Hindi tri-fold's second list item fell apart before.
const FIRST_BASELINE = 323.308;
const TEXT = 'अगर कोई आपसे कहता है कि यह बात किसी को न बताएँ, तो रुक जाएँ और जाने से पहले मदद माँगें। आप अकेले नहीं हैं।';

/** The blocks pdftotext finds on the first page, each as its lines' text. */
function pdftotextBlocks(file: string): string[][] {
  const html = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox-layout', '-enc', 'UTF-8', file, '-']).toString('utf8');
  return [...html.matchAll(/<block[^>]*>([\s\S]*?)<\/block>/g)].map(([, block]) =>
    [...block.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map(([, line]) => [...line.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ')));
}

describe('baseline operand', () => {
  it('raises a baseline by a billionth of its distance from the top, from where it was rounded to', () => {
    const y = Number(baselineOperand(PAGE_HEIGHT, FIRST_BASELINE));
    expect(Math.abs(y - (PAGE_HEIGHT - FIRST_BASELINE) - HAIR * FIRST_BASELINE)).toBeLessThan(1e-9);
    expect(baselineOperand(PAGE_HEIGHT, 12)).toBe('600.000000012');
    expect(baselineOperand(PAGE_HEIGHT, 0)).toBe('612');
    // Rounded to 1/1000 pt first, as every other coordinate.
    expect(baselineOperand(PAGE_HEIGHT, 100.0004)).toBe('512.0000001');
  });

  it('brings lines 1.5 times their size apart closer than that, by far more than rounding noise', () => {
    let baseline = FIRST_BASELINE;
    for (let i = 0; i < 20; i++) {
      const next = baseline + style.lineHeight;
      const gap = (PAGE_HEIGHT - Number(baselineOperand(PAGE_HEIGHT, next))) - (PAGE_HEIGHT - Number(baselineOperand(PAGE_HEIGHT, baseline)));
      expect(1.5 * LINE_SIZE - gap).toBeGreaterThan(1e-9);
      baseline = next;
    }
  });

  describe('a Hindi paragraph set 1.5 times its size apart', () => {
    const tempDir = temporaryFolders('baseline-y-');
    let lines: string[];
    let raised: string;
    let rounded: string;
    beforeAll(async () => {
      expect(style.lineHeight / LINE_SIZE).toBeCloseTo(1.5, 12);
      const typeset = layoutParagraph([{ text: TEXT, bold: false }], 170, style, language('hi'));
      expect(typeset.length).toBeGreaterThanOrEqual(4);
      expect(typeset[0].runs[0].size).toBeCloseTo(LINE_SIZE, 9);
      lines = typeset.map((l) => l.text);
      const doc = new PDFDocument({ size: [400, PAGE_HEIGHT], margin: 0, autoFirstPage: true, font: null as never, compress: false });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((resolve) => doc.on('end', resolve));
      // Baselines add up line by line, as the layout adds them.
      let baseline = FIRST_BASELINE;
      for (const line of typeset) {
        drawLine(doc, line, 40, baseline, '#000000' as never);
        baseline += style.lineHeight;
      }
      doc.end();
      await done;
      const pdf = Buffer.concat(chunks).toString('latin1');
      raised = path.join(tempDir(), 'raised.pdf');
      fs.writeFileSync(raised, pdf, 'latin1');
      // The same file with each baseline as it was written before: rounded to 1/1000 pt, padded to its length so that the offsets hold.
      rounded = path.join(tempDir(), 'rounded.pdf');
      const unraised = pdf.replace(/(\d+\.\d+) Tm/g, (all, y: string) => {
        const plain = (Math.round(Number(y) * 1000) / 1000).toString();
        return `${plain}${' '.repeat(y.length - plain.length)} Tm`;
      });
      expect(unraised).not.toBe(pdf);
      fs.writeFileSync(rounded, unraised, 'latin1');
    }, 60_000);

    it('comes out of pdftotext as one block, its lines in order', () => {
      expect(pdftotextBlocks(raised)).toEqual([lines]);
    });

    it('falls apart in pdftotext with its baselines written as rounded (what the hair is for)', () => {
      expect(pdftotextBlocks(rounded).length).toBeGreaterThan(1);
    });

    it('draws the same pixels as with its baselines written as rounded', () => {
      expect(runReader<string[]>('pixel-digests.mjs', raised)).toEqual(runReader<string[]>('pixel-digests.mjs', rounded));
    });
  });
});
