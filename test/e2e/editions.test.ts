import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PamphletError } from '../../src/core/errors';
import { loadEdition, missingLabels, withEdition } from '../../src/edition/edition';
import { contactSchema } from '../../src/facts/load-data';
import { buildPamphlet } from '../../src/build/build-pamphlet';
import { content, ROOT } from '../support/build';
import { readPdf } from '../support/pdf';

/** A mission's edition: its own contacts (with address, hours, a note, labels per language) on every piece, the shared facts unchanged. */

const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const BANGKOK = path.join(ROOT, 'editions', 'bangkok.json');
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-edition-'));
  made.push(dir);
  return dir;
};
const squash = (s: string) => s.replace(/[\s\u2066-\u2069]+/g, '');

function editionFile(edition: object): string {
  const file = path.join(tmp(), 'edition.json');
  fs.writeFileSync(file, JSON.stringify(edition));
  return file;
}

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PamphletError);
    expect((error as PamphletError).kind).toBe('usage');
    return (error as PamphletError).message;
  }
  throw new Error('no error');
}

describe('the Bangkok example edition, built as a mission would', () => {
  const out = tmp();
  let stdout = '';
  const texts = new Map<string, string>();

  beforeAll(() => {
    stdout = execFileSync(process.execPath, [CLI, 'build', '--edition', BANGKOK, '-o', out], { encoding: 'utf8' });
    for (const format of ['trifold', 'poster', 'wallet-card']) {
      for (const code of ['th', 'en']) {
        const { pages } = readPdf(fs.readFileSync(path.join(out, format, 'a4', `${code}.pdf`)));
        texts.set(`${format}/${code}`, squash(pages.map((p) => p.text + p.actualTexts.join('')).join('')));
      }
    }
  }, 120_000);

  it('builds Thai and English, on A4, in every format, and nothing else', () => {
    expect(stdout).toMatch(/6 built, 0 failed.*0 errors, 0 warnings\./);
    const files = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(['poster/a4/en.pdf', 'poster/a4/th.pdf', 'trifold/a4/en.pdf', 'trifold/a4/th.pdf', 'wallet-card/a4/en.pdf', 'wallet-card/a4/th.pdf']);
  });

  it('prints every field of its contacts on the tri-fold and the poster: label, phone, address, hours and note, each in the piece\'s language', () => {
    for (const format of ['trifold', 'poster']) {
      const th = texts.get(`${format}/th`)!;
      const en = texts.get(`${format}/en`)!;
      for (const text of [th, en]) {
        expect(text).toContain(squash('+66 (0) 2 000 0000'));
        expect(text).toContain(squash("EXAMPLE: the embassy's street address"));
        expect(text).toContain(squash('Bangkok 10330, Thailand'));
        expect(text).toContain(squash('+1 613 996 8885'));
      }
      expect(th).toContain(squash('สถานทูตแคนาดา กรุงเทพฯ (ตัวอย่าง)'));
      expect(th).toContain(squash('จันทร์-ศุกร์ 8:00-16:30 (ตัวอย่าง)'));
      expect(th).toContain(squash('รับสายเก็บเงินปลายทาง'));
      expect(en).toContain(squash('Embassy of Canada, Bangkok (example)'));
      expect(en).toContain(squash('Mon-Fri 8:00-16:30 (example)'));
      expect(en).toContain(squash('Collect calls accepted'));
    }
  });

  it('leaves out the contact it omits (911 works only in Canada), on every piece', () => {
    for (const text of texts.values()) expect(text).not.toMatch(/(^|[^0-9])911([^0-9]|$)/);
    // Without the edition, 911 is there.
    expect(execFileSync(process.execPath, [CLI, 'check', '-l', 'th', '-p', 'a4', '--template', path.join(ROOT, 'templates', 'trifold.hbs')], { encoding: 'utf8' })).toMatch(/1 passed/);
  });

  it('puts the embassy\'s number on the wallet card, with its own label', () => {
    expect(texts.get('wallet-card/en')).toContain(squash('Embassy of Canada, Bangkok (example)'));
    expect(texts.get('wallet-card/th')).toContain(squash('+66 (0) 2 000 0000'));
  });
});

describe('an edition file', () => {
  const data = content().data;
  const embassy = { id: 'embassy', label: { en: 'Embassy' }, phone: '+66 (0) 2 646 4300' };

  it('adds its contacts after the shared ones, replaces a shared one by its id in its place, and leaves out what it omits', () => {
    const edition = loadEdition(editionFile({ name: 'Test', contacts: [embassy, { id: 'mission', phone: '+1 613 996 8885', note: 'Collect calls accepted', sources: ['ewrc-phone'] }], omit: ['emergency'] }));
    const merged = withEdition(data, edition);
    expect(merged.contacts.map((c) => c.id)).toEqual(['hotline', 'mission', 'embassy']);
    expect(merged.contacts[1].note).toBe('Collect calls accepted');
    // The facts are the shared ones.
    expect(merged.facts).toBe(data.facts);
  });

  it('warns where a language lacks a contact\'s label, hours or note: the English one prints', () => {
    const edition = loadEdition(editionFile({ name: 'Test', contacts: [{ ...embassy, hours: { en: 'Mon-Fri', th: 'จันทร์-ศุกร์' } }] }));
    const findings = missingLabels(edition, 'th', 'th.json');
    expect(findings.map((f) => [f.severity, f.key])).toEqual([['warning', 'contacts.0.label.th']]);
    expect(findings[0].message).toMatch(/has no label in this language; the English one prints/);
  });

  it('refuses, in one line naming the file and the field, what would print wrong', () => {
    const cases: [object, RegExp][] = [
      [{ name: 'T', contacts: [{ id: 'embassy', label: { en: 'Embassy' } }] }, /key contacts\.0: the contact "embassy" has no phone, email, url or address/],
      [{ name: 'T', contacts: [{ id: 'embassy', label: { th: 'สถานทูต' }, phone: '12345' }] }, /key contacts\.0\.label: the contact "embassy" has its label by language but none in English/],
      [{ name: 'T', contacts: [embassy, embassy] }, /key contacts\.1\.id: the id "embassy" is used twice/],
      [{ name: 'T', contacts: [{ ...embassy, phone: 'call us' }] }, /key contacts\.0\.phone: must be a phone number/],
      [{ name: 'T', logo: { file: 'logo.svg', caption: 'x' } }, /key logo\.caption: unknown field\(s\) "caption"/],
      [{ name: 'T', logo: 'logo.gif' }, /key logo\.file: the logo "logo\.gif" is neither \.svg nor \.png/],
      [{ name: 'T', papers: ['b5'] }, /key papers\.0: must be a paper/],
    ];
    for (const [edition, message] of cases) expect(usageError(() => loadEdition(editionFile(edition)))).toMatch(message);
    expect(usageError(() => withEdition(data, loadEdition(editionFile({ name: 'T', omit: ['police'] }))))).toMatch(/"omit" names the contact "police", which the shared data does not have/);
    expect(usageError(() => withEdition(data, loadEdition(editionFile({ name: 'T', contacts: [{ id: 'embassy', phone: '+66 2 646 4300' }] }))))).toMatch(/is the edition's own, so it needs its label/);
  });

  it('takes the common written forms of a phone number: brackets, dots, an extension', () => {
    for (const phone of ['+66 (0) 2 646 4300', '613-996-8885 ext. 3', '+1.613.996.8885', '1-833-900-1010']) {
      expect(contactSchema.safeParse({ id: 'x', phone, sources: ['s'] }).success).toBe(true);
    }
    for (const phone of ['call us', '+', '12 (34', 'tel:+1 613']) expect(contactSchema.safeParse({ id: 'x', phone, sources: ['s'] }).success).toBe(false);
  });

  it('prints a contact with only a web address: its label and the address', async () => {
    const edition = loadEdition(editionFile({ name: 'T', contacts: [{ id: 'web', label: { en: 'Our website' }, url: 'https://www.international.gc.ca' }] }));
    const sources = { ...content(), data: withEdition(data, edition) };
    const { pages } = readPdf((await buildPamphlet(sources, 'en', 'letter')).pdf);
    const text = squash(pages.map((p) => p.text).join(''));
    expect(text).toContain(squash('Our website'));
    expect(text).toContain('www.international.gc.ca');
  });
});
