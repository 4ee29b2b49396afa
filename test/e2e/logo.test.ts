import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { layOutPamphlet, prepareLanguage } from '../../src/build/build-pamphlet';
import { loadEdition, withEdition } from '../../src/edition/edition';
import { PaperName } from '../../src/imposition/paper';
import { loadTranslation } from '../../src/languages/load-translations';
import { DrawItem } from '../../src/layout/draw-items';
import { content, ROOT } from '../support/build';
import { PdfLine, readPdf } from '../support/pdf';
import { Box, readDrawing } from '../support/pdf-drawing';
import { temporaryFolders } from '../support/temp';

/**
 * A mission's logo on every piece, built through the CLI as a mission would:
 * the Bangkok example's SVG drawn as vector paths in the box the layout gave
 * it (at the start side, mirrored for Arabic); a PNG embedded once, at its
 * pixel size. And what a logo may not be, refused in one line, exit code 2.
 */

const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
/**
 * The Bangkok example with its logo, its embassy given by phone alone: Arabic
 * (the right-to-left case) is not one of its languages, and with the English
 * address and hours it would not fit the help panel.
 */
const BANGKOK = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-logo-edition-'));
  const edition = JSON.parse(fs.readFileSync(path.join(ROOT, 'editions', 'bangkok.json'), 'utf8'));
  edition.contacts = edition.contacts.map(({ id, label, phone }: { id: string; label: unknown; phone: string }) => ({ id, label, phone }));
  fs.writeFileSync(path.join(dir, 'edition.json'), JSON.stringify(edition));
  fs.copyFileSync(path.join(ROOT, 'editions', edition.logo.file), path.join(dir, edition.logo.file));
  return path.join(dir, 'edition.json');
})();
afterAll(() => fs.rmSync(path.dirname(BANGKOK), { recursive: true, force: true }));
const PNG_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'logo', 'placeholder-logo.png');
const FORMATS = ['trifold', 'poster', 'wallet-card'] as const;
const TEMPLATES = { trifold: 'trifold.hbs', poster: 'poster.hbs', 'wallet-card': 'wallet-card.hbs' };
/** The page each format prints the logo on: the tri-fold's cover side, the poster, the card's back. */
const LOGO_PAGE = { trifold: 0, poster: 0, 'wallet-card': 1 };
/** The gold of the placeholder's diamond (#c8a13a), which nothing else on the pieces has, and where it sits in the logo's 120 × 100 viewBox. */
const GOLD = [200, 161, 58];
const DIAMOND = { x: 36 / 120, y: 26 / 100, w: 48 / 120, h: 48 / 100 };

const tmp = temporaryFolders('pamphlet-logo-');

const laidOut = new Map<string, Box[]>();
/** The logo boxes the layout gives a piece (each card of a sheet once), laid out once per piece. */
function logoBoxes(editionFile: string, format: keyof typeof TEMPLATES, code: string, paper: PaperName): Box[] {
  const key = [editionFile, format, code, paper].join();
  if (!laidOut.has(key)) laidOut.set(key, layOutLogos(editionFile, format, code, paper));
  return laidOut.get(key)!;
}

function layOutLogos(editionFile: string, format: keyof typeof TEMPLATES, code: string, paper: PaperName): Box[] {
  const templateFile = path.join(ROOT, 'templates', TEMPLATES[format]);
  const base = content({ templateFile });
  const sources = { ...base, data: withEdition(base.data, loadEdition(editionFile)) };
  const laidOut = layOutPamphlet(prepareLanguage(sources, loadTranslation(sources.translationsDir, code)), paper, templateFile);
  return laidOut.pages[LOGO_PAGE[format]].filter((item): item is Extract<DrawItem, { type: 'logo' }> => item.type === 'logo')
    .map(({ x, y, width, height }) => ({ x, y, w: width, h: height }));
}

const near = (a: number, b: number, tolerance = 0.05) => Math.abs(a - b) <= tolerance;
/** The first line of text below a box, in its column. */
const lineBelow = (lines: PdfLine[], box: Box) => lines
  .filter((l) => l.y >= box.y + box.h - 0.5 && l.x < box.x + box.w && l.x + l.w > box.x)
  .sort((a, b) => a.y - b.y)[0];

describe('the Bangkok example\'s SVG logo', () => {
  const out = tmp();
  beforeAll(() => {
    execFileSync(process.execPath, [CLI, 'build', '--edition', BANGKOK, '-l', 'en,ar', '-o', out], { encoding: 'utf8' });
  }, 120_000);
  const pdf = (format: string, code: string) => fs.readFileSync(path.join(out, format, 'a4', `${code}.pdf`));

  it.each(FORMATS.flatMap((format) => ['en', 'ar'].map((code) => [format, code] as const)))('is drawn as vector paths in the box the layout gives it: %s, %s', (format, code) => {
    const drawing = readDrawing(pdf(format, code));
    // Vector: no image anywhere in the document.
    for (const page of drawing.pages) {
      expect(page.xobjects).toEqual([]);
      expect(page.images).toEqual([]);
    }
    const expected = logoBoxes(BANGKOK, format, code, 'a4');
    expect(expected.length).toBe(format === 'wallet-card' ? 10 : 1);
    const diamonds = drawing.pages[LOGO_PAGE[format]].fills.filter((f) => f.colour.join() === GOLD.join());
    expect(diamonds.length).toBe(expected.length);
    for (const box of expected) {
      // The diamond where it is in the viewBox, scaled into the box: the logo fills its box, at its own proportions.
      const at = { x: box.x + DIAMOND.x * box.w, y: box.y + DIAMOND.y * box.h, w: DIAMOND.w * box.w, h: DIAMOND.h * box.h };
      expect(diamonds.some((d) => near(d.x, at.x) && near(d.y, at.y) && near(d.w, at.w) && near(d.h, at.h))).toBe(true);
      expect(near(box.w / box.h, 1.2, 1e-6)).toBe(true);
    }
  });

  it('sits at the start side of its panel, above the issuer: at its left edge in English, its right edge in Arabic; the card\'s line beside it', () => {
    for (const format of ['trifold', 'poster'] as const) {
      for (const code of ['en', 'ar']) {
        const [logo] = logoBoxes(BANGKOK, format, code, 'a4');
        const issuer = lineBelow(readPdf(pdf(format, code)).pages[0].lines, logo);
        if (code === 'en') expect(issuer.text.trim()).toBe('Government of Canada');
        expect(issuer.y - (logo.y + logo.h)).toBeLessThan(20);
        if (code === 'en') expect(Math.abs(logo.x - issuer.x)).toBeLessThan(2);
        else expect(Math.abs(logo.x + logo.w - (issuer.x + issuer.w))).toBeLessThan(2);
      }
    }
    const [en] = logoBoxes(BANGKOK, 'wallet-card', 'en', 'a4');
    const [ar] = logoBoxes(BANGKOK, 'wallet-card', 'ar', 'a4');
    const enLine = readPdf(pdf('wallet-card', 'en')).pages[1].lines.filter((l) => l.text.includes('English'));
    const arLine = readPdf(pdf('wallet-card', 'ar')).pages[1].lines.filter((l) => l.text.includes('العربية'));
    expect(enLine.some((l) => l.x > en.x + en.w && near(l.y, en.y, 8))).toBe(true);
    expect(arLine.some((l) => l.x + l.w < ar.x && near(l.y, ar.y, 8))).toBe(true);
  });
});

describe('a PNG logo', () => {
  const dir = tmp();
  const out = tmp();
  const edition = path.join(dir, 'edition.json');
  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'art'));
    fs.copyFileSync(PNG_FIXTURE, path.join(dir, 'art', 'logo.png'));
    fs.writeFileSync(edition, JSON.stringify({ name: 'Test mission', languages: ['en'], papers: ['a4'], logo: { file: 'art/logo.png', alt: 'A placeholder diamond' } }));
    execFileSync(process.execPath, [CLI, 'build', '--edition', edition, '-o', out], { encoding: 'utf8' });
  }, 120_000);

  it.each(FORMATS)('is one image XObject of its pixel size (90 × 60), drawn at its proportions in the layout\'s box: %s', (format) => {
    const drawing = readDrawing(fs.readFileSync(path.join(out, format, 'a4', 'en.pdf')));
    const page = drawing.pages[LOGO_PAGE[format]];
    expect(page.xobjects).toEqual([{ name: expect.any(String), subtype: 'Image', width: 90, height: 60 }]);
    const expected = logoBoxes(edition, format, 'en', 'a4');
    // Every card of the sheet draws the one image.
    expect(page.images.length).toBe(format === 'wallet-card' ? 10 : 1);
    for (const box of expected) {
      expect(page.images.some((image) => image.width === 90 && image.height === 60 && near(image.x, box.x) && near(image.y, box.y) && near(image.w, box.w) && near(image.h, box.h))).toBe(true);
      expect(near(box.w / box.h, 1.5, 1e-6)).toBe(true);
    }
    drawing.pages.forEach((other, i) => { if (i !== LOGO_PAGE[format]) expect(other.xobjects).toEqual([]); });
  });
});

describe('a logo that is refused, through the CLI: one line naming the file, exit code 2', () => {
  const dir = tmp();
  const svg = (body: string, head = '') => `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n${body}\n</svg>`;
  const png = fs.readFileSync(PNG_FIXTURE);
  const huge = Buffer.from(png);
  huge.writeUInt32BE(5000, 16);
  huge.writeUInt32BE(5000, 20);
  const files: Record<string, string | Buffer> = {
    'script.svg': svg('<script>alert(1)</script>'),
    'external.svg': svg('<use xlink:href="https://example.org/logo.svg#a"/>'),
    'data-uri.svg': svg('<image href="data:image/png;base64,iVBORw0KGgo="/>'),
    'entity.svg': svg('<path d="M0 0H10V10Z"/>', '<!DOCTYPE svg [<!ENTITY big "lol">]>\n'),
    'text.svg': svg('<text x="0" y="8">Embassy</text>'),
    'huge.png': huge,
    'cut.png': png.subarray(0, png.length - 30),
  };
  beforeAll(() => {
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  });

  const cases: [string, RegExp][] = [
    ['script.svg', /script\.svg: the logo has <script> \(line 2\): a logo is drawn, never run/],
    ['external.svg', /external\.svg: the logo has <use> \(line 2\): xlink:href="https:\/\/example\.org\/logo\.svg#a" points outside the logo/],
    ['data-uri.svg', /data-uri\.svg: the logo has <image> \(line 2\): a vector logo may not embed a bitmap/],
    ['entity.svg', /entity\.svg: the logo has <!DOCTYPE> \(line 1\)/],
    ['text.svg', /text\.svg: the logo has <text> \(line 2\): .*Convert the text to outlines/],
    ['huge.png', /huge\.png: the logo is 5000 × 5000 pixels, more than the limit of 4000 × 4000/],
    ['cut.png', /cut\.png: the logo is not a readable PNG .*cut short or damaged/],
    ['../pamphlet-outside-logo.svg', /edition\.json, key logo\.file: the logo "\.\.\/pamphlet-outside-logo\.svg" leaves the edition's folder/],
    ['missing.svg', /missing\.svg, key logo\.file: does not exist/],
  ];
  it.each(cases)('%s', (name, message) => {
    const edition = path.join(dir, 'edition.json');
    fs.writeFileSync(edition, JSON.stringify({ name: 'T', languages: ['en'], logo: { file: name } }));
    const run = spawnSync(process.execPath, [CLI, 'check', '--edition', edition, '--template', path.join(ROOT, 'templates', 'trifold.hbs')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
