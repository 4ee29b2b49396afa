import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listLanguages, loadTranslation } from '../../src/languages/load-translations';
import { build, content, ROOT, trifold } from '../support/build';
import { readPdf, PdfPage } from '../support/pdf';
import { sharedPages, sharedPdf } from '../support/shared-pdfs';

const LANGUAGES = listLanguages(path.join(ROOT, 'translations'));
const squash = (s: string) => s.replace(/[\s\u00a0\ufffd]+/g, '');

describe('the built pamphlet, read back with MuPDF', () => {
  const pdfs = new Map<string, { pages: PdfPage[] }>();

  beforeAll(async () => {
    for (const code of LANGUAGES) pdfs.set(code, { pages: await sharedPages({ format: 'trifold', language: code, paper: 'letter' }) });
  });

  it('ships the 14 languages of the design', () => {
    expect(LANGUAGES).toEqual(['ar', 'en', 'es', 'fr', 'hi', 'ko', 'pt', 'ro', 'ru', 'th', 'tl', 'uk', 'vi', 'zh']);
  });

  it.each(LANGUAGES)('%s: two landscape Letter pages with only embedded font subsets, and no .notdef glyph', (code) => {
    const { pages } = pdfs.get(code)!;
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([792, 612]);
      expect(page.fonts.length).toBeGreaterThan(0);
      for (const font of page.fonts) {
        expect(font.embedded).toBe(true);
        expect(font.name).toMatch(/^[A-Z]{6}\+/);
      }
      expect(page.glyphIds).not.toContain(0);
    }
  });

  it.each(LANGUAGES)('%s: the endonym, the hotline number and the cover title are on the page', (code) => {
    const { pages } = pdfs.get(code)!;
    const meta = loadTranslation(path.join(ROOT, 'translations'), code).meta;
    const all = pages.map((p) => squash(p.text)).join('');
    expect(all).toContain(squash(meta.name));
    expect(all).toContain('1-833-900-1010');
    expect(all).toContain('911');
  });

  it.each(LANGUAGES)('%s: the cover title is the largest text on the page', (code) => {
    const [outside] = pdfs.get(code)!.pages;
    const sizes = outside.lines.map((l) => l.size);
    const title = Math.max(...sizes);
    const secondPage = pdfs.get(code)!.pages[1].lines.map((l) => l.size);
    expect(title).toBeGreaterThan(Math.max(...secondPage));
    // The title sits on the cover panel.
    const slot = trifold('letter', code === 'ar' ? 'rtl' : 'ltr').slots[0].panel;
    const titleLines = outside.lines.filter((l) => l.size === title);
    for (const line of titleLines) {
      expect(line.x).toBeGreaterThanOrEqual(slot.x);
      expect(line.x + line.w).toBeLessThanOrEqual(slot.x + slot.width);
    }
  });

  it('English: the facts arrive formatted, with their values from the data', () => {
    const text = pdfs.get('en')!.pages.map((p) => p.text.replace(/\s+/g, ' ')).join(' ');
    expect(text).toContain('June 28, 2002');
    expect(text).toContain('1,000,000 Canadian dollars');
    expect(text).toContain('section 118');
    expect(text).toContain('(IRPA)');
  });

  it('French: the amount is formatted for the locale', () => {
    const text = pdfs.get('fr')!.pages.map((p) => p.text.replace(/[\s\u00a0\u202f]+/g, ' ')).join(' ');
    expect(text).toContain('1 000 000 dollars canadiens');
    expect(text).toContain('28 juin 2002');
  });

  it('Thai: the year is in the Buddhist era', () => {
    const text = pdfs.get('th')!.pages.map((p) => p.text).join('');
    expect(text).toContain('2545');
  });

  it('Arabic: the layout is mirrored, the cover is on the outside left', () => {
    const ar = pdfs.get('ar')!.pages[0];
    const en = pdfs.get('en')!.pages[0];
    const titleX = (p: PdfPage) => {
      const size = Math.max(...p.lines.map((l) => l.size));
      return p.lines.filter((l) => l.size === size)[0].x;
    };
    expect(titleX(en)).toBeGreaterThan(792 * 2 / 3);
    expect(titleX(ar)).toBeLessThan(792 / 3);
  });

  it.each([['ar', 'rtl'], ['en', 'ltr']] as const)('%s: every line is set from the %s start side of its panel', (code, direction) => {
    const slots = trifold('letter', direction).slots;
    const startGaps: number[] = [];
    pdfs.get(code)!.pages.forEach((page, pageIndex) => {
      for (const slot of slots.filter((s) => s.page === pageIndex)) {
        const { x, width } = slot.content;
        // MuPDF may cut one visual line into pieces: join the pieces that share a baseline.
        const rows = new Map<number, { left: number; right: number }>();
        for (const l of page.lines.filter((l) => l.x >= slot.panel.x && l.x < slot.panel.x + slot.panel.width)) {
          const key = Math.round(l.y);
          const row = rows.get(key) ?? { left: Infinity, right: -Infinity };
          rows.set(key, { left: Math.min(row.left, l.x), right: Math.max(row.right, l.x + l.w) });
        }
        for (const row of rows.values()) startGaps.push(direction === 'rtl' ? x + width - row.right : row.left - x);
      }
    });
    // Text starts at the start edge, or one list indent, callout padding or checklist pictogram (26 + 8 pt) in from it;
    // only the QR code's caption stands further in.
    const nearStart = startGaps.filter((gap) => gap > -1 && gap < 36).length;
    expect(startGaps.length).toBeGreaterThan(50);
    expect(nearStart / startGaps.length).toBeGreaterThan(0.9);
  });

  it('Arabic: text copies out in logical order, numbers and Latin words in place', () => {
    // What MuPDF reads from the glyphs' codes (a right-to-left stretch's /ActualText is the same text, stretch-span.ts): the title, a number after its words,
    // a Latin acronym inside an Arabic line, without the isolate marks that kept it in place.
    const text = pdfs.get('ar')!.pages.map((p) => p.text).join('\n');
    expect(text).toContain('الاتجار بالبشر');
    expect(text).toContain('المعني بالاتجار بالبشر، بمشاركة');
    expect(text).toMatch(/IRPA/);
    expect(text).not.toMatch(/[\u2066-\u2069]/);
  });

  // MuPDF reverses each right-to-left stretch of a line in place, in stream order: the stretches go out in logical
  // order, the bracket and the space before the acronym in a text object of their own (ltr-seam.ts).
  it('Arabic: a bracketed Latin acronym copies out after its Arabic words', () => {
    const text = pdfs.get('ar')!.pages.map((p) => p.text).join('\n');
    expect(text).toContain('اللاجئين (IRPA)');
    expect(text).toContain('منذ 28 يونيو 2002، يُجرِّمه قانون');
  });

  it('A4: two landscape A4 pages', async () => {
    const pages = await sharedPages({ format: 'trifold', language: 'th', paper: 'a4' });
    expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([[842, 595], [842, 595]]);
  });

  it('the same inputs give byte-identical PDFs', async () => {
    // The run's shared build (in another test file, perhaps another process) and one of this test's own.
    const a = { pdf: await sharedPdf({ format: 'trifold', language: 'hi', paper: 'letter' }) };
    const b = await build('hi');
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it('dates the PDF from SOURCE_DATE_EPOCH, else from the data edition, and derives the document ID from it', async () => {
    const trailerId = (pdf: Buffer) => /\/ID \[(<[0-9a-f]+>)/.exec(pdf.toString('latin1'))![1];
    const edition = { pdf: await sharedPdf({ format: 'trifold', language: 'en', paper: 'letter' }) };
    expect(edition.pdf.toString('latin1')).toContain(`(D:${content().data.edition.replace(/-/g, '')}000000Z)`);
    process.env.SOURCE_DATE_EPOCH = '86400';
    try {
      const epoch = await build('en');
      expect(epoch.pdf.toString('latin1')).toContain('(D:19700102000000Z)');
      expect(trailerId(epoch.pdf)).not.toBe(trailerId(edition.pdf));
      expect(trailerId((await build('en')).pdf)).toBe(trailerId(epoch.pdf));
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

describe('the CLI', () => {
  const cli = path.join(ROOT, 'dist', 'cli', 'main.js');
  const run = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it('lists the 14 languages, each complete', () => {
    const { code, out } = run('languages');
    expect(code).toBe(0);
    expect(out.match(/ complete$/gm)).toHaveLength(14);
    expect(out).toContain('ภาษาไทย');
    expect(out).toMatch(/ar\s+العربية\s+Arabic\s+Arab\s+rtl/);
  });

  it('stops on a character no font has, naming the file, language, key and code point, and writes no PDF', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-glyph-'));
    fs.cpSync(path.join(ROOT, 'translations'), path.join(dir, 'translations'), { recursive: true });
    const file = path.join(dir, 'translations', 'th.json');
    const th = JSON.parse(fs.readFileSync(file, 'utf8'));
    th.strings.what.intro += ' \u{10900}';
    fs.writeFileSync(file, JSON.stringify(th));
    const out = path.join(dir, 'out');
    const result = run('build', '--lang', 'th,en', '--translations', path.join(dir, 'translations'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^th +ภาษาไทย: 1 error$/m);
    expect(result.out).toMatch(/th\.json:\d+:\d+, key what\.intro: .*U\+10900/);
    // Every format leaves the failing language out, and the batch goes on past it.
    for (const format of ['trifold', 'poster', 'wallet-card']) {
      expect(fs.existsSync(path.join(out, format, 'letter', 'th.pdf'))).toBe(false);
      expect(fs.existsSync(path.join(out, format, 'letter', 'en.pdf'))).toBe(true);
    }
    expect(result.out).toMatch(/3 built, 3 failed \(poster th on letter, trifold th on letter, wallet-card th on letter\)/);
    // The translation's finding is reported once, not once per template.
    expect(result.out.match(/U\+10900/g)).toHaveLength(1);
  });

  it('passes `check` on the shipped content, every language on both papers, in words and in JSON', () => {
    const human = run('check');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^14 languages checked: 14 passed, 0 failed; 0 errors, 0 warnings\.$/m);
    expect(human.out.match(/: ok$/gm)).toHaveLength(14);
    const json = run('check', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ ok: true, summary: { languages: 14, failedLanguages: [], errors: 0, warnings: 0 }, findings: [] });
  });

  it('never replaces a good PDF with a failed build, and leaves no temporary file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-atomic-'));
    fs.cpSync(path.join(ROOT, 'translations'), path.join(dir, 'translations'), { recursive: true });
    const out = path.join(dir, 'out');
    const args = ['build', '--lang', 'en', '--template', path.join(ROOT, 'templates', 'trifold.hbs'), '--translations', path.join(dir, 'translations'), '--out', out];
    expect(run(...args).code).toBe(0);
    const pdf = path.join(out, 'trifold', 'letter', 'en.pdf');
    const good = fs.readFileSync(pdf);
    // Now the English law panel is far too long (each string within the length limit): the build must fail and keep the good file.
    const file = path.join(dir, 'translations', 'en.json');
    const en = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const key of ['consent', 'penalty']) en.strings.law[key] = Array(12).fill(en.strings.law[key]).join(' ');
    fs.writeFileSync(file, JSON.stringify(en));
    const failed = run(...args);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/en\.json:\d+:\d+, key law: on Letter paper, the text of panel "law" is (at least )?[\d.]+ mm too tall/);
    expect(failed.out).toMatch(/0 built, 1 failed \(en on letter\)/);
    expect(fs.readFileSync(pdf).equals(good)).toBe(true);
    expect(fs.readdirSync(path.dirname(pdf))).toEqual(['en.pdf']);
  });

  it('build --json lists the files built, the failures and the findings', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-json-'));
    const { code, out: stdout } = run('build', '--lang', 'th,ar', '--paper', 'a4', '--out', out, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(true);
    // Every shipped format, in template order (poster, trifold, wallet-card), each language on A4.
    expect(report.built.map((b: { format: string; language: string; paper: string }) => `${b.format}/${b.language}/${b.paper}`))
      .toEqual(['poster/th/a4', 'poster/ar/a4', 'trifold/th/a4', 'trifold/ar/a4', 'wallet-card/th/a4', 'wallet-card/ar/a4']);
    for (const built of report.built) expect(fs.statSync(built.file).size).toBe(built.bytes);
    expect(report.findings).toEqual([]);
  });
});
