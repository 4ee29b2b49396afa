import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { buildPiece, prepareLanguage } from '../../src/build/build-pamphlet';
import { loadTranslation } from '../../src/languages/load-translations';
import { content, ROOT } from '../support/build';
import { elementsOf, PdfAccessibility, readStructure, StructElement } from '../support/structure';
import { sharedPdf, sharedStructure } from '../support/shared-pdfs';
import { temporaryFolders } from '../support/temp';

/**
 * Tagged PDF (PDF/UA-1): the structure tree a screen reader follows, in
 * reading order panel by panel, with headings, lists, a figure with its
 * alternative text and links; decoration as artifacts; the document's
 * language, title and metadata. Read back with MuPDF and poppler.
 */

const TRANSLATIONS = path.join(ROOT, 'translations');
const template = (name: string) => path.join(ROOT, 'templates', `${name}.hbs`);
const en = JSON.parse(fs.readFileSync(path.join(TRANSLATIONS, 'en.json'), 'utf8')).strings;
const plain = (markup: string) => markup.replace(/<[^>]+>/g, '');
const tempFolder = temporaryFolders('pamphlet-a11y-');

/** A piece built from translations of the test's own (the shared ones come from shared-pdfs.ts). */
async function build(format: string, codes: string[], paper: 'letter' | 'a3', translationsDir: string) {
  const sources = content({ templateFile: template(format), translationsDir });
  const piece = codes.map((code) => prepareLanguage(sources, loadTranslation(translationsDir, code)));
  return (await buildPiece(sources, piece, paper)).pdf;
}

/** poppler's reading of the tree with each element's text: `H2 (block)` lines followed by their quoted text lines. */
function headingsByPoppler(pdf: Buffer): { role: string; text: string }[] {
  const file = path.join(tempFolder(), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const lines = execFileSync('pdfinfo', ['-struct-text', file]).toString('utf8').split('\n');
  const headings: { role: string; text: string }[] = [];
  let current: { role: string; text: string } | null = null;
  for (const line of lines) {
    const role = line.trim().match(/^(H\d)\b/);
    const quoted = line.trim().match(/^"(.*)"$/);
    if (role) headings.push((current = { role: role[1], text: '' }));
    else if (quoted && current) current.text = `${current.text} ${quoted[1]}`.trim();
    else if (line.trim()) current = null;
  }
  return headings;
}

const find = (tree: StructElement[], role: string) => elementsOf(tree).filter((e) => e.role === role);

describe('the English tri-fold, tagged', () => {
  let pdf: Buffer;
  let read: PdfAccessibility;
  beforeAll(async () => {
    pdf = await sharedPdf({ format: 'trifold', language: 'en', paper: 'letter' });
    read = await sharedStructure({ format: 'trifold', language: 'en', paper: 'letter' });
  });

  it('is marked as tagged, in its language, its title shown in the window', () => {
    expect(read.marked).toBe(true);
    expect(read.lang).toBe('en-CA');
    expect(read.displayDocTitle).toBe(true);
    expect(execFileSync('pdfinfo', ['-'], { input: pdf }).toString()).toMatch(/Tagged:\s+yes/);
  });

  it('holds one section per panel, in reading order, the cover title as H1 and each panel heading as H2', () => {
    const [document] = read.structure!;
    expect(document.role).toBe('Document');
    expect(document.children.map((e) => e.role)).toEqual(['Sect', 'Sect', 'Sect', 'Sect', 'Sect', 'Sect']);
    const headings = headingsByPoppler(pdf);
    expect(headings.filter((h) => h.role === 'H1').map((h) => h.text)).toEqual([plain(en.cover.title)]);
    expect(headings.filter((h) => h.role === 'H2').map((h) => h.text)).toEqual(
      [en.check.heading, en.what.heading, en.travel.heading, en.law.heading, en.help.heading].map(plain));
  });

  it('tags the checklist as a list of five items, each with a body', () => {
    const checklist = read.structure![0].children[1].children.find((e) => e.role === 'L')!;
    expect(checklist.children.map((e) => e.role)).toEqual(['LI', 'LI', 'LI', 'LI', 'LI']);
    for (const item of checklist.children) expect(item.children.map((e) => e.role)).toEqual(['LBody']);
  });

  it('gives the QR code its alternative text in the language, with the address it holds', () => {
    const figures = find(read.structure!, 'Figure');
    expect(figures).toHaveLength(1);
    expect(figures[0].alt).toContain(plain(en.help.qr));
    expect(figures[0].alt).toContain('www.canadianhumantraffickinghotline.ca');
    expect(figures[0].mcids).toBe(1);
  });

  it('makes phone numbers and the address clickable: link annotations tied to Link elements', () => {
    const links = find(read.structure!, 'Link');
    const targets = links.flatMap((l) => l.links.map((a) => a.uri));
    expect(targets).toEqual(expect.arrayContaining(['tel:1-833-900-1010', 'tel:911', 'https://www.canadianhumantraffickinghotline.ca']));
    for (const link of links) {
      expect(link.mcids).toBeGreaterThan(0);
      expect(link.links.every((a) => a.structParent !== null)).toBe(true);
    }
    const annotations = read.pages.flatMap((p) => p.annotations);
    expect(annotations.map((a) => a.uri).sort()).toEqual(targets.sort());
    expect(annotations.every((a) => a.subtype === 'Link' && a.rect[2] > a.rect[0] && a.rect[3] > a.rect[1])).toBe(true);
    // A page with annotations is gone through in structure order.
    for (const page of read.pages) if (page.annotations.length) expect(page.tabs).toBe('S');
    // The web address is English words inside whatever the page's language.
    expect(links.find((l) => l.links[0].uri.startsWith('https:'))!.lang).toBe('en');
  });

  it('marks every mark on the page: content of an element, or an artifact', () => {
    for (const page of read.pages) {
      expect(page.structParents).toBe(true);
      expect(page.unmarked).toEqual([]);
    }
  });

  it('says its title, author, subject, keywords, language and edition in the Info dictionary and in XMP', () => {
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString();
    expect(info).toContain(`Title:           ${plain(en.cover.title)}`);
    expect(info).toContain(`Author:          ${plain(en.cover.issuer)}`);
    expect(info).toContain(`Subject:         ${plain(en.cover.warning)}`);
    expect(info).toMatch(/Keywords:\s+English, trifold, /);
    const xmp = new DOMParser().parseFromString(read.xmp!, 'text/xml');
    const text = (ns: string, tag: string) => Array.from(xmp.getElementsByTagNameNS(ns, tag)).map((e) => e.textContent!.trim());
    expect(text('http://purl.org/dc/elements/1.1/', 'title')[0]).toContain(plain(en.cover.title));
    expect(text('http://purl.org/dc/elements/1.1/', 'language')).toEqual(['en-CA']);
    expect(text('http://purl.org/dc/elements/1.1/', 'creator')).toEqual([plain(en.cover.issuer)]);
    expect(text('http://www.aiim.org/pdfua/ns/id/', 'part')).toEqual(['1']);
    expect(text('http://ns.adobe.com/pdfx/1.3/', 'Edition')[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('the print shop\'s tri-fold: tagged too, without annotations', () => {
  it('keeps the structure, with each link\'s text in a Span and no annotation (PDF/X allows none on the printed area)', async () => {
    const read = await sharedStructure({ format: 'trifold', language: 'en', paper: 'letter', print: 'shop', edition: 'bangkok' });
    const roles = elementsOf(read.structure!).map((e) => e.role);
    expect(roles).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'L', 'LI', 'Figure', 'Span']));
    expect(roles).not.toContain('Link');
    expect(read.pages.flatMap((p) => p.annotations)).toEqual([]);
    for (const page of read.pages) expect(page.unmarked).toEqual([]);
    const xmp = new DOMParser().parseFromString(read.xmp!, 'text/xml');
    expect(Array.from(xmp.getElementsByTagNameNS('http://www.aiim.org/pdfua/ns/id/', 'part')).map((e) => e.textContent!.trim())).toEqual(['1']);
  });
});

describe('metadata from a translation is written escaped', () => {
  it('keeps the XMP well-formed when the title holds & and <', async () => {
    const dir = tempFolder();
    const translation = JSON.parse(fs.readFileSync(path.join(TRANSLATIONS, 'en.json'), 'utf8'));
    translation.strings.cover.title = 'Traffickers &amp; “agents”: 1 &lt; 2';
    fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify(translation));
    const read = readStructure(await build('trifold', ['en'], 'letter', dir));
    const errors: string[] = [];
    const xmp = new DOMParser({ onError: (level: string, message: string) => { if (level !== 'warning') errors.push(message); } }).parseFromString(read.xmp!, 'text/xml');
    expect(errors).toEqual([]);
    expect(xmp.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0].textContent).toContain('Traffickers & “agents”: 1 < 2');
  });
});

describe('a bilingual poster: each half in its language', () => {
  it('tags each section with its language, the document with the first', async () => {
    const read = await sharedStructure({ format: 'poster', language: 'ar+en', paper: 'a3' });
    expect(read.lang).toBe('ar');
    expect(read.structure![0].children.map((s) => [s.role, s.lang?.split('-')[0]])).toEqual([['Sect', 'ar'], ['Sect', 'en']]);
    expect(find(read.structure!, 'H1')).toHaveLength(2);
  });
});

describe('a sheet of wallet cards', () => {
  it('tags the first card only: a screen reader reads the card once, not eight times', async () => {
    const read = await sharedStructure({ format: 'wallet-card', language: 'en', paper: 'letter' });
    expect(read.structure![0].children).toHaveLength(2);
    const titles = find(read.structure!, 'H1');
    expect(titles).toHaveLength(1);
    expect(titles[0].mcids).toBeGreaterThan(0);
    // The front's numbers: one link annotation per number on the sheet, not one per copy.
    const front = read.pages[0].annotations;
    expect(front.length).toBe(find(read.structure!, 'Link').length);
    for (const page of read.pages) expect(page.unmarked).toEqual([]);
  });
});
