import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { PaperName } from '../../src/imposition/paper';
import { ROOT } from '../support/build';
import { PdfPage } from '../support/pdf';
import { sharedPages } from '../support/shared-pdfs';

/** The poster: a second format from data, its theme designed on Letter and enlarged with the page. */

const TEMPLATE = path.join(ROOT, 'templates', 'poster.hbs');
const LOOKED_AT = ['en', 'ar', 'th', 'zh', 'hi'];
const PAPERS: PaperName[] = ['letter', 'a3'];

describe('the poster, read back with MuPDF', () => {
  const pages = new Map<string, PdfPage[]>();

  beforeAll(async () => {
    for (const code of LOOKED_AT) for (const paper of PAPERS) pages.set(`${code}/${paper}`, await sharedPages({ format: 'poster', language: code, paper }));
  }, 120_000);

  it.each(LOOKED_AT)('%s: one portrait page on Letter and on A3, with the help numbers and the QR code\'s web address', (code) => {
    for (const [paper, size] of [['letter', [612, 792]], ['a3', [842, 1191]]] as const) {
      const [page, ...rest] = pages.get(`${code}/${paper}`)!;
      expect(rest).toEqual([]);
      expect([Math.round(page.width), Math.round(page.height)]).toEqual(size);
      const text = page.text;
      for (const number of ['911', '1-833-900-1010']) expect(text).toContain(number);
      expect(text).toContain('canadianhumantraffickinghotline.ca');
    }
  });

  it.each(LOOKED_AT)('%s: on A3 every size is the Letter poster\'s enlarged with the page (842 / 612 = 1.376)', (code) => {
    const sizes = (paper: string) => pages.get(`${code}/${paper}`)![0].lines.map((l) => l.size).sort((a, b) => b - a);
    const letter = sizes('letter');
    const a3 = sizes('a3');
    // The title, the largest text, scales with the page; so do the help numbers.
    // (within 5 %: a title set smaller to keep a phrase whole finds its own size on each paper)
    expect(a3[0] / letter[0]).toBeCloseTo(841.89 / 612, 1);
    expect(Math.min(...a3)).toBeGreaterThan(Math.min(...letter) * 1.3);
  });

  it('passes check in every language on its four papers, with no panel below its design size', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), 'check', '--template', TEMPLATE, '--json'], { encoding: 'utf8' });
    const report = JSON.parse(out);
    expect(report.findings).toEqual([]);
    expect(report.summary.languages).toBe(14);
  });
});
