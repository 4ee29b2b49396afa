import * as fs from 'node:fs';
import * as path from 'node:path';
import { PaperName } from '../../src/imposition/paper';
import { ROOT } from '../support/build';
import { runCli } from '../support/cli';
import { temporaryFolders } from '../support/temp';
import { PdfPage } from '../support/pdf';
import { PdfDrawingPage } from '../support/pdf-drawing';
import { SharedPiece, sharedDrawing, sharedPages } from '../support/shared-pdfs';

/**
 * The pamphlet's content for its reader (issue 10), read back from the PDFs:
 * help numbers as the largest text after the title, contacts in the order a
 * reader abroad needs them, the edition's embassy on every format (or a box
 * to write one in), nothing but pure black under 14 pt, pictograms drawn as
 * vector line art, and no law stated past its repeal.
 */

const TRANSLATIONS = path.join(ROOT, 'translations');
const template = (name: string) => path.join(ROOT, 'templates', `${name}.hbs`);
const strings = (code: string) => JSON.parse(fs.readFileSync(path.join(TRANSLATIONS, `${code}.json`), 'utf8')).strings;
const tempFolder = temporaryFolders('pamphlet-content-');

interface Built { pages: PdfPage[]; drawing: PdfDrawingPage[] }

/** A shipped piece, with or without the Bangkok example edition, as built and read once per run (shared-pdfs.ts). */
async function build(format: SharedPiece['format'], code: string, paper: PaperName, edition = false): Promise<Built> {
  const piece: SharedPiece = { format, language: code, paper, edition: edition ? 'bangkok' : undefined };
  return { pages: await sharedPages(piece), drawing: await sharedDrawing(piece) };
}

const LOOKED_AT = ['en', 'ar', 'th', 'zh', 'hi'];
const built = new Map<string, Built>();
beforeAll(async () => {
  for (const code of LOOKED_AT) built.set(`trifold/${code}`, await build('trifold', code, 'letter'));
  for (const format of ['trifold', 'poster', 'wallet-card'] as const) {
    const paper = format === 'trifold' ? 'letter' : 'a4';
    built.set(`${format}/en/shared`, format === 'trifold' ? built.get('trifold/en')! : await build(format, 'en', paper));
    built.set(`${format}/en/bangkok`, await build(format, 'en', paper, true));
  }
}, 180_000);

const squash = (text: string) => text.replace(/\s+/g, '');
const textOf = (piece: Built) => squash(piece.pages.map((p) => p.text).join(''));

describe('the help numbers are what a reader sees first after the title', () => {
  it.each(LOOKED_AT)('%s: the key number and 911 are set larger than any text but the cover title', (code) => {
    const runs = built.get(`trifold/${code}`)!.drawing.flatMap((page) => page.texts);
    const numbers = runs.filter((run) => /1-833-900-1010|^911$/.test(run.text.trim()));
    expect(numbers.length).toBeGreaterThanOrEqual(5);
    const title = Math.max(...runs.map((run) => run.size));
    const smallestNumber = Math.min(...numbers.map((run) => run.size));
    const others = runs.filter((run) => run.size < title && !numbers.includes(run));
    expect(Math.max(...others.map((run) => run.size))).toBeLessThan(smallestNumber);
  });
});

describe('black and white: nothing under 14 pt in any colour but pure black', () => {
  it.each([...LOOKED_AT.map((code) => `trifold/${code}`), 'poster/en/shared', 'wallet-card/en/shared'])('%s', (key) => {
    const small = built.get(key)!.drawing.flatMap((page) => page.texts).filter((run) => run.size < 14);
    expect(small.length).toBeGreaterThan(10);
    expect(small.filter((run) => run.colour.some((c) => c !== 0))).toEqual([]);
  });

  it('keeps each callout\'s edge with a keyline, so it survives when a photocopier drops its light fill', () => {
    const [outside, inside] = built.get('trifold/en')!.drawing;
    // Four help strips and the flap's and travel panel's callouts, and the write-in box: each framed.
    const frames = [...outside.strokes, ...inside.strokes].filter((s) => s.w > 100 && s.h > 20);
    expect(frames.length).toBeGreaterThanOrEqual(7);
  });
});

describe('the contacts, in the order a reader abroad needs them', () => {
  /** The y of the first line holding `text` on the page, in reading order. */
  const at = (page: PdfPage, text: string) => {
    const line = page.lines.find((l) => squash(l.text).includes(squash(text)));
    if (!line) throw new Error(`"${text}" is not on the page`);
    return line.y;
  };
  const en = strings('en');
  /** A text's first two words: a line of its own even where the text wraps. */
  const firstWords = (text: string) => text.split(' ').slice(0, 2).join(' ');

  it('the shared edition: "Before you leave" with a box to write the embassy in, then "In Canada": 911, the hotline', () => {
    const page = built.get('trifold/en')!.pages[0];
    const order = [en.help.group.abroad, firstWords(en.help.writeIn.heading), en.help.writeIn.phone, en.help.group.canada, '911', '1-833-900-1010'].map((t) => at(page, t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('a mission\'s edition: its embassy before leaving, then 911 and the hotline in Canada; no box to write in', () => {
    const page = built.get('trifold/en/bangkok')!.pages[0];
    const order = [en.help.group.abroad, 'Embassy of Canada, Bangkok (example)', '+66 (0) 2 000 0000', 'Bangkok 10330, Thailand', en.help.group.canada, '911', '1-833-900-1010'].map((t) => at(page, t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(textOf(built.get('trifold/en/bangkok')!)).not.toContain(squash(en.help.writeIn.heading));
  });

  it('offers no contact meant for Canadians abroad as the foreign reader\'s help (the Emergency Watch and Response Centre)', () => {
    for (const piece of built.values()) expect(textOf(piece)).not.toContain(squash('+1 613 996 8885'));
  });

  it.each(['trifold', 'poster', 'wallet-card'])('%s: prints the edition\'s embassy where the edition gives one, and a box to write it in where not', (format) => {
    const writeIn = format === 'wallet-card' ? en.card.writeIn : en.help.writeIn.heading;
    expect(textOf(built.get(`${format}/en/bangkok`)!)).toContain(squash('+66 (0) 2 000 0000'));
    expect(textOf(built.get(`${format}/en/bangkok`)!)).not.toContain(squash(writeIn));
    expect(textOf(built.get(`${format}/en/shared`)!)).toContain(squash(writeIn));
  });
});

describe('the cover and the flap, for a reader in a rack and a reader deciding', () => {
  it.each(LOOKED_AT)('%s: the title sits in the top third of the cover, on a solid band, and the key number is on the cover', (code) => {
    const piece = built.get(`trifold/${code}`)!;
    const [outside] = piece.pages;
    const cover = code === 'ar' ? (x: number) => x < outside.width / 3 : (x: number) => x > (2 * outside.width) / 3;
    // The band: a rectangle filled with the theme's band colour on the cover, starting in its top third, as wide as its text column.
    const band = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'themes', 'default.json'), 'utf8')).colours.band as string;
    const rgb = [1, 3, 5].map((i) => parseInt(band.slice(i, i + 2), 16));
    const bands = piece.drawing[0].fills.filter((f) => cover(f.x + f.w / 2) && f.w > 150 && f.h > 60 && f.colour.join() === rgb.join());
    expect(bands).toHaveLength(1);
    expect(bands[0].y).toBeLessThan(outside.height / 3);
    const whiteTitle = piece.drawing[0].texts.filter((run) => run.colour.every((c) => c === 255));
    expect(whiteTitle.length).toBeGreaterThan(0);
    expect(outside.lines.filter((l) => cover(l.x + l.w / 2) && l.text.includes('1-833-900-1010'))).toHaveLength(1);
  });

  it('draws the cover\'s and the checklist\'s pictograms as stroked vector paths, not images', () => {
    const [outside] = built.get('trifold/en')!.drawing;
    expect(outside.images).toEqual([]);
    // Each pictogram is several strokes inside one square; count the squares on the flap (the outside's first column).
    const flap = outside.strokes.filter((s) => s.x < 260 && s.w < 30 && s.h < 30);
    const squares = new Set(flap.map((s) => Math.round(s.y / 30)));
    expect(squares.size).toBeGreaterThanOrEqual(5);
  });
});

describe('the law as it stands on the edition date', () => {
  it('check fails when the data states a law repealed before the edition date, naming the fact', () => {
    const data = tempFolder();
    for (const name of ['facts.json', 'contacts.json']) fs.copyFileSync(path.join(ROOT, 'data', name), path.join(data, name));
    const facts = JSON.parse(fs.readFileSync(path.join(data, 'facts.json'), 'utf8'));
    facts.facts.livingOnAvails = { type: 'code', value: '212', source: 'seed', quote: 'controlling or living off the avails of prostitution', repealed: '2014-12-06' };
    fs.writeFileSync(path.join(data, 'facts.json'), JSON.stringify(facts));
    const run = runCli(['check', '-l', 'en', '-p', 'letter', '--template', template('trifold'), '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/error +\S*facts\.json:\d+:\d+, key facts\.livingOnAvails\.repealed: this law was repealed on 2014-12-06, before the edition date/);
  });

  it('prints no repealed offence and names the Criminal Code trafficking offence with its section', () => {
    const text = textOf(built.get('trifold/en')!);
    expect(text).not.toMatch(/prostitution/i);
    expect(text).toContain(squash('(section 279.01)'));
    expect(text).toContain(squash('up to life in prison'));
  });
});
