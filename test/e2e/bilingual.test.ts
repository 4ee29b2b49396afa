import * as fs from 'node:fs';
import * as path from 'node:path';
import { layOutPamphlet, prepareLanguage } from '../../src/build/build-pamphlet';
import { loadFormat } from '../../src/format/load-format';
import { loadTranslation } from '../../src/languages/load-translations';
import { content, ROOT } from '../support/build';
import { runCli } from '../support/cli';
import { temporaryFolders } from '../support/temp';
import { PdfLine, PdfPage } from '../support/pdf';
import { sharedPages } from '../support/shared-pdfs';
import { pamphletErrorOf } from '../support/errors';

/**
 * Bilingual pieces (`--lang th+en`): each language typeset in its own
 * direction and fonts, side by side on the poster and one on each side of
 * the wallet card, as the formats' `bilingual` arrangements say.
 */

const TRANSLATIONS = path.join(ROOT, 'translations');
const template = (name: string) => path.join(ROOT, 'templates', `${name}.hbs`);
const tempFolder = temporaryFolders('pamphlet-bilingual-');

const THAI = /[\u0E00-\u0E7F]/;
const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]{3}/;
const strings = (code: string) => JSON.parse(fs.readFileSync(path.join(TRANSLATIONS, `${code}.json`), 'utf8')).strings;
/** Lines in a script; for Thai and Arabic, MuPDF's text may be out of order, but its letters are the script's. */
const linesIn = (page: PdfPage, script: RegExp) => page.lines.filter((line) => script.test(line.text) && !(script !== LATIN && LATIN.test(line.text)));
const leftOf = (mid: number) => (line: PdfLine) => line.x + line.w <= mid + 0.5;
const rightOf = (mid: number) => (line: PdfLine) => line.x >= mid - 0.5;

describe('a bilingual poster: each language in its own column, the first language on its reader\'s side', () => {
  const pages = new Map<string, PdfPage[]>();
  beforeAll(async () => {
    pages.set('th+en', await sharedPages({ format: 'poster', language: 'th+en', paper: 'a3' }));
    pages.set('ar+en', await sharedPages({ format: 'poster', language: 'ar+en', paper: 'a3' }));
  }, 120_000);

  it('th+en: one A3 page; the Thai poster fills the left half, the English one the right, each with the help numbers', () => {
    const [page, ...rest] = pages.get('th+en')!;
    expect(rest).toEqual([]);
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 1191]);
    const mid = page.width / 2;
    const thai = linesIn(page, THAI);
    const english = linesIn(page, LATIN).filter((line) => !line.text.includes('.ca'));
    expect(thai.length).toBeGreaterThan(10);
    expect(english.length).toBeGreaterThan(10);
    expect(thai.filter((line) => !leftOf(mid)(line))).toEqual([]);
    expect(english.filter((line) => !rightOf(mid)(line))).toEqual([]);
    expect(english.map((line) => line.text).join(' ')).toContain('Human trafficking');
    // The help numbers print in both columns.
    for (const number of ['1-833-900-1010', '911']) {
      const at = page.lines.filter((line) => line.text.trim() === number);
      expect(at.filter(leftOf(mid))).toHaveLength(1);
      expect(at.filter(rightOf(mid))).toHaveLength(1);
    }
  });

  it('ar+en: the Arabic poster, first, is on the right, where an Arabic reader starts; the English on the left', () => {
    const [page] = pages.get('ar+en')!;
    const mid = page.width / 2;
    const arabic = linesIn(page, ARABIC);
    const english = linesIn(page, LATIN).filter((line) => !line.text.includes('.ca'));
    expect(arabic.length).toBeGreaterThan(10);
    expect(arabic.filter((line) => !rightOf(mid)(line))).toEqual([]);
    expect(english.filter((line) => !leftOf(mid)(line))).toEqual([]);
    // Each column keeps its own alignment: Arabic lines end at the right margin, English ones start at the left.
    const arabicEnds = arabic.map((line) => Math.round(line.x + line.w));
    const englishStarts = english.map((line) => Math.round(line.x));
    expect(Math.max(...arabicEnds) - Math.min(...englishStarts)).toBeGreaterThan(page.width * 0.8);
  });
});

describe('a bilingual wallet card: the front in each language, one on each side', () => {
  let pages: PdfPage[];
  beforeAll(async () => {
    pages = await sharedPages({ format: 'wallet-card', language: 'th+en', paper: 'a4' });
  }, 120_000);

  it('th+en on A4: ten Thai fronts on the first side, ten English fronts behind them, and no warning signs', () => {
    expect(pages).toHaveLength(2);
    const [front, back] = pages;
    const count = (page: PdfPage, text: string) => page.lines.filter((line) => line.text.includes(text)).length;
    expect(count(back, strings('en').card.title)).toBe(10);
    expect(count(front, 'Need help')).toBe(0);
    expect(linesIn(front, THAI).length).toBeGreaterThanOrEqual(10 * 3);
    expect(linesIn(back, THAI)).toEqual([]);
    for (const page of pages) expect(count(page, '1-833-900-1010')).toBe(10);
    expect(count(back, strings('en').card.signsHeading)).toBe(0);
  });
});

describe('bilingual pieces from the command line', () => {
  it('build -l th+en: the card in Thai and English; the poster, printed bilingual on A3 and Tabloid only, and the tri-fold, printed in one language, say they are not built', () => {
    const out = tempFolder();
    const run = runCli(['build', '-l', 'th+en', '-p', 'a4,a3', '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^trifold: printed in one language at a time; th\+en not built in it$/m);
    expect(run.stdout).toMatch(/^poster: th\+en not built on a4: a bilingual piece of this format is printed on a3, tabloid$/m);
    expect(fs.existsSync(path.join(out, 'poster', 'a3', 'th+en.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'poster', 'a4', 'th+en.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'wallet-card', 'a4', 'th+en.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'trifold'))).toBe(false);
  });

  it.each([
    [['build', '-l', 'th+en', '--template', template('trifold')], /the format "trifold" of this template is printed in one language at a time, not th\+en/],
    [['check', '-l', 'th+en+fr'], /"th\+en\+fr" names 3 languages; a bilingual piece has two/],
    [['check', '-l', 'th+th'], /"th\+th" names the same language twice/],
    [['check', '-l', 'th+xx'], /there is no translation for "xx"/],
    [['check', '-l', 'th+../en'], /"\.\.\/en" is not a language code/],
  ])('%j is a usage error in one line', (args, message) => {
    const run = runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('a bilingual piece that does not fit is its language\'s error, naming the piece (Arabic and a long English on a Letter poster)', () => {
    const sources = content({ templateFile: template('poster') });
    // English with warning signs six times as long: its half cannot hold them, even at the floor.
    const en = loadTranslation(TRANSLATIONS, 'en');
    const long = { ...en, strings: { ...en.strings, deceive: { ...(en.strings.deceive as object), signs: Array(6).fill(strings('en').deceive.signs).join(' ') } } };
    const piece = [prepareLanguage(sources, loadTranslation(TRANSLATIONS, 'ar')), prepareLanguage(sources, long)];
    let message = '';
    try {
      layOutPamphlet(piece, 'letter', template('poster'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/translations\/en\.json, language en, key poster: on Letter paper, in the bilingual piece ar\+en \(or print it on a larger paper\), the text of panel "poster" is [\d.]+ mm too tall/);
  });

  it('checks a bilingual poster on the papers it is printed on: Arabic and English on A3 pass', () => {
    const run = runCli(['check', '-l', 'ar,en,ar+en', '-p', 'a3', '--template', template('poster'), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });
});

describe('a format\'s bilingual arrangement is checked', () => {
  const poster = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'formats', 'poster.json'), 'utf8'));
  /** A copy of the poster template with `format` as its format. */
  function withFormat(format: object): string {
    const dir = tempFolder();
    fs.mkdirSync(path.join(dir, 'formats'));
    fs.mkdirSync(path.join(dir, 'themes'));
    fs.copyFileSync(path.join(ROOT, 'templates', 'themes', 'poster.json'), path.join(dir, 'themes', 'poster.json'));
    fs.writeFileSync(path.join(dir, 'formats', 'poster.json'), JSON.stringify(format));
    fs.copyFileSync(template('poster'), path.join(dir, 'poster.hbs'));
    return path.join(dir, 'poster.hbs');
  }
  const messageOf = (run: () => unknown) => pamphletErrorOf(run).message;

  it('refuses an arrangement in one language only, and a place its sides do not have', () => {
    const one = { ...poster, bilingual: { ...poster.bilingual, panels: poster.bilingual.panels.map((p: object) => ({ ...p, language: 0 })) } };
    expect(messageOf(() => loadFormat(withFormat(one), 'poster'))).toMatch(/poster\.json, key bilingual\.panels: must be panels in both languages/);
    const off = { ...poster, bilingual: { ...poster.bilingual, panels: [poster.bilingual.panels[0], { ...poster.bilingual.panels[1], column: 2 }] } };
    expect(messageOf(() => loadFormat(withFormat(off), 'poster'))).toMatch(/key bilingual\.panels\.1\.column: must be a column of side "front" \(0 to 1\)/);
  });

  it('names the format file when its arrangement names a panel the template does not have', () => {
    const file = withFormat({ ...poster, bilingual: { ...poster.bilingual, panels: [poster.bilingual.panels[0], { ...poster.bilingual.panels[1], panel: 'cover' }] } });
    const sources = content({ templateFile: file });
    const piece = ['th', 'en'].map((code) => prepareLanguage(sources, loadTranslation(TRANSLATIONS, code)));
    expect(messageOf(() => layOutPamphlet(piece, 'a3', file))).toMatch(/poster\.json, key bilingual\.panels: its bilingual arrangement names the panel "cover", which the template poster\.hbs does not have \(it has poster\)/);
  });
});
