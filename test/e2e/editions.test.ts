import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadEdition, missingLabels, withEdition } from '../../src/edition/edition';
import { contactSchema } from '../../src/facts/load-data';
import { buildPamphlet } from '../../src/build/build-pamphlet';
import { content, ROOT } from '../support/build';
import { readPdf } from '../support/pdf';
import { temporaryFolders } from '../support/temp';
import { pamphletErrorOf } from '../support/errors';

/** A mission's edition: its own contacts (with address, hours, a note, labels per language) on every piece, the shared facts unchanged. */

const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const BANGKOK = path.join(ROOT, 'editions', 'bangkok.json');
const BANGKOK_YAML = path.join(ROOT, 'editions', 'bangkok.yaml');
const FORMATS = ['trifold', 'poster', 'wallet-card'];
const tmp = temporaryFolders('pamphlet-edition-');
const squash = (s: string) => s.replace(/[\s\u2066-\u2069]+/g, '');

function editionFile(edition: object): string {
  const file = path.join(tmp(), 'edition.json');
  fs.writeFileSync(file, JSON.stringify(edition));
  return file;
}

function usageError(run: () => unknown): string {
  const error = pamphletErrorOf(run);
  expect(error.kind).toBe('usage');
  return error.message;
}

describe('the Bangkok example edition, built as a mission would', () => {
  const out = tmp();
  const yamlOut = tmp();
  let stdout = '';
  const texts = new Map<string, string>();

  beforeAll(() => {
    stdout = execFileSync(process.execPath, [CLI, 'build', '--edition', BANGKOK, '-o', out], { encoding: 'utf8' });
    execFileSync(process.execPath, [CLI, 'build', '--edition', BANGKOK_YAML, '-o', yamlOut], { encoding: 'utf8' });
    for (const format of FORMATS) {
      for (const code of ['th', 'en', 'th+en']) {
        if (format === 'trifold' && code === 'th+en') continue;
        // A bilingual poster is printed on A3 only; the rest on A4.
        const paper = format === 'poster' && code === 'th+en' ? 'a3' : 'a4';
        const { pages } = readPdf(fs.readFileSync(path.join(out, format, paper, `${code}.pdf`)));
        texts.set(`${format}/${code}`, squash(pages.map((p) => p.text).join('')));
      }
    }
  }, 120_000);

  it('builds Thai, English and Thai+English, on A4 and A3, in every format (the tri-fold in one language, the bilingual poster on A3), and nothing else', () => {
    expect(stdout).toMatch(/10 built, 0 failed.*0 errors/);
    expect(stdout).toMatch(/^trifold: printed in one language at a time; th\+en not built in it$/m);
    expect(stdout).toMatch(/^poster: th\+en not built on a4: a bilingual piece of this format is printed on a3, tabloid$/m);
    const files = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(['poster/a3/en.pdf', 'poster/a3/th+en.pdf', 'poster/a3/th.pdf', 'poster/a4/en.pdf', 'poster/a4/th.pdf', 'trifold/a4/en.pdf', 'trifold/a4/th.pdf', 'wallet-card/a4/en.pdf', 'wallet-card/a4/th+en.pdf', 'wallet-card/a4/th.pdf']);
  });

  it('prints its contacts in both languages on the bilingual poster, and its numbers on both sides of the bilingual card', () => {
    const poster = texts.get('poster/th+en')!;
    for (const text of ['สถานทูตแคนาดา กรุงเทพฯ (ตัวอย่าง)', 'Embassy of Canada, Bangkok (example)', 'จันทร์-ศุกร์ 8:00-16:30 (ตัวอย่าง)', 'Mon-Fri 8:00-16:30 (example)', 'Bangkok 10330, Thailand']) {
      expect(poster).toContain(squash(text));
    }
    expect(poster.split(squash('+66 (0) 2 000 0000'))).toHaveLength(3);
    const card = readPdf(fs.readFileSync(path.join(out, 'wallet-card', 'a4', 'th+en.pdf'))).pages.map((p) => squash(p.text));
    for (const side of card) expect(side).toContain(squash('+66 (0) 2 000 0000'));
    expect(card[0]).toContain(squash('สถานทูตแคนาดา กรุงเทพฯ (ตัวอย่าง)'));
    expect(card[1]).toContain(squash('Embassy of Canada, Bangkok (example)'));
  });

  it('prints every field of its contact on the tri-fold and the poster: label, phone, address and hours, each in the piece\'s language', () => {
    for (const format of ['trifold', 'poster']) {
      const th = texts.get(`${format}/th`)!;
      const en = texts.get(`${format}/en`)!;
      for (const text of [th, en]) {
        expect(text).toContain(squash('+66 (0) 2 000 0000'));
        expect(text).toContain(squash("EXAMPLE: the embassy's street address"));
        expect(text).toContain(squash('Bangkok 10330, Thailand'));
      }
      expect(th).toContain(squash('สถานทูตแคนาดา กรุงเทพฯ (ตัวอย่าง)'));
      expect(th).toContain(squash('จันทร์-ศุกร์ 8:00-16:30 (ตัวอย่าง)'));
      expect(en).toContain(squash('Embassy of Canada, Bangkok (example)'));
      expect(en).toContain(squash('Mon-Fri 8:00-16:30 (example)'));
    }
  });

  it('keeps the shared contacts for a reader in Canada (911, the hotline) on every piece', () => {
    for (const text of texts.values()) {
      expect(text).toMatch(/(^|[^0-9])911([^0-9]|$)/);
      expect(text).toContain('1-833-900-1010');
    }
  });

  it('puts the embassy\'s number on the wallet card, with its own label', () => {
    expect(texts.get('wallet-card/en')).toContain(squash('Embassy of Canada, Bangkok (example)'));
    expect(texts.get('wallet-card/th')).toContain(squash('+66 (0) 2 000 0000'));
  });

  it('in YAML (editions/bangkok.yaml) builds the very same PDFs, byte for byte, as its JSON twin', () => {
    const pdfs = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs(yamlOut)).toEqual(pdfs(out));
    for (const file of pdfs(out)) expect(fs.readFileSync(path.join(yamlOut, file)).equals(fs.readFileSync(path.join(out, file)))).toBe(true);
  });
});

describe('an edition file', () => {
  const data = content().data;
  const embassy = { id: 'embassy', label: { en: 'Embassy' }, phone: '+66 (0) 2 646 4300' };

  it('adds its contacts after the shared ones (before leaving, unless it says otherwise), replaces a shared one by its id in its place, and leaves out what it omits', () => {
    const edition = loadEdition(editionFile({ name: 'Test', contacts: [embassy, { id: 'hotline', phone: '1-833-900-1010', note: 'Collect calls accepted' }], omit: ['emergency'] }));
    const merged = withEdition(data, edition);
    expect(merged.contacts.map((c) => [c.id, c.group])).toEqual([['hotline', 'canada'], ['embassy', 'abroad']]);
    expect(merged.contacts[0].note).toBe('Collect calls accepted');
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
    expect(usageError(() => withEdition(data, loadEdition(editionFile({ name: 'T', omit: ['hotline'] }))))).toMatch(/key omit\.0: "omit" leaves out "hotline", the contact whose number is the key number/);
    expect(usageError(() => withEdition(data, loadEdition(editionFile({ name: 'T', contacts: [{ id: 'embassy', phone: '+66 2 646 4300' }] }))))).toMatch(/is the edition's own, so it needs its label/);
  });

  it('takes the common written forms of a phone number: brackets, dots, an extension', () => {
    for (const phone of ['+66 (0) 2 646 4300', '613-996-8885 ext. 3', '+1.613.996.8885', '1-833-900-1010']) {
      expect(contactSchema.safeParse({ id: 'x', group: 'canada', phone, sources: ['s'] }).success).toBe(true);
    }
    for (const phone of ['call us', '+', '12 (34', 'tel:+1 613']) expect(contactSchema.safeParse({ id: 'x', group: 'canada', phone, sources: ['s'] }).success).toBe(false);
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

describe('an edition file in YAML', () => {
  /** An edition file of this text, named edition.yaml; the message of its error without the folder. */
  function yamlFile(text: string, name = 'edition.yaml'): string {
    const file = path.join(tmp(), name);
    fs.writeFileSync(file, text);
    return file;
  }
  const refusal = (text: string, name?: string) => {
    const file = yamlFile(text, name);
    return usageError(() => loadEdition(file)).replace(`${path.dirname(file)}${path.sep}`, '');
  };

  it('reads as its JSON twin: the Bangkok edition, field for field', () => {
    const { _comment, file: _jsonFile, ...json } = loadEdition(BANGKOK);
    const { file, ...yaml } = loadEdition(BANGKOK_YAML);
    expect(_comment).toBeDefined();
    expect(yaml).toEqual(json);
    expect(file).toBe(BANGKOK_YAML);
  });

  it('is read as YAML 1.2: text that YAML 1.1 would read as a date or as false stays text; .yml is YAML too', () => {
    const edition = loadEdition(yamlFile('name: 2024-01-01\nlanguages: [no, en]\n', 'edition.yml'));
    expect(edition.name).toBe('2024-01-01');
    expect(edition.languages).toEqual(['no', 'en']);
    // The core schema's own tags only say what plain YAML is.
    expect(loadEdition(yamlFile('name: !!str 123\n')).name).toBe('123');
    // An anchor and an alias or two, for a text given twice, are fine.
    expect(loadEdition(yamlFile('name: &n Embassy\ncontacts:\n  - { id: embassy, label: { en: *n }, phone: "12345" }\n')).contacts[0].label).toEqual({ en: 'Embassy' });
  });

  it('refuses, in one line naming the file and the line (and column), what is not one plain YAML document', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const cases: [string, string][] = [
      ['name: T\n  languages: [th]\n',
        'edition.yaml: is not valid YAML at line 1, column 7: nested mappings are not allowed in compact mappings (is the line indented deeper than it should be, or a colon missing after a name?). Fix the syntax there.'],
      ['name: T\nlanguages: [th, en\npapers: [a4]\n',
        'edition.yaml: is not valid YAML at line 3, column 1: flow sequence in block collection must be sufficiently indented and end with a ] (check the indentation, and that each bracket is closed). Fix the syntax there.'],
      ['name: T\ncontacts:\n\t- id: x\n',
        'edition.yaml: is not valid YAML at line 3, column 1: tabs are not allowed as indentation (indent with spaces). Fix the syntax there.'],
      ['name: T\nlanguages: [th]\nname: U\n',
        'edition.yaml, key name: the key "name" appears twice (lines 1 and 3); one text would be lost. Keep one.'],
      ['name: !!binary aGVsbG8=\n',
        'edition.yaml, key name: the value at line 1 has the tag !!binary; tags are not read, only plain values (text, numbers, true or false, lists, mappings). Remove the tag; put the value in quotes to make it text.'],
      ['name: T\nomit: !!js/function "function () { return 1 }"\n',
        'edition.yaml, key omit: the value at line 2 has the tag !!js/function; tags are not read, only plain values (text, numbers, true or false, lists, mappings). Remove the tag; put the value in quotes to make it text.'],
      [`name: T\n${bomb}\n`,
        'edition.yaml, key e.0: the alias *d (line 6) makes it more than 10,000 values once expanded, which is how an "alias bomb" fills the memory. Write the values out, or use fewer aliases.'],
      ['name: T\nomit: &a [x, *a]\n',
        'edition.yaml, key omit.1: the alias *a (line 2) is inside the value its anchor &a names: it would repeat forever. Write the value out.'],
      ['name: T\n---\nname: U\n',
        'edition.yaml: holds 2 YAML documents (the second begins at line 2); it must hold one. Remove the "---" line and what follows it, or merge the two.'],
      ['# only a comment\n',
        'edition.yaml: holds no YAML (it is empty, or only comments); it must hold one mapping of fields. Restore its content.'],
      [`name: ${'['.repeat(60_000)}${']'.repeat(60_000)}\n`,
        'edition.yaml: nests mappings or lists more than 32 deep (at line 1). Flatten it.'],
      [`name: T\nomit:\n${'- '.repeat(40)}x\n`,
        'edition.yaml: nests mappings or lists more than 32 deep (at line 3). Flatten it.'],
      [`name: T\nomit: [${'x, '.repeat(40_000)}x]\n`,
        'edition.yaml: holds more than 10,000 values (the 10,001st at line 2); no file of this kind needs so many. Check that it is the right file.'],
      ['name: T\n__proto__: { name: U }\n',
        'edition.yaml, key __proto__: the key "__proto__" (line 2) is a name JavaScript reserves (__proto__, constructor, prototype). Rename or remove it.'],
    ];
    for (const [text, message] of cases) {
      const started = Date.now();
      expect(refusal(text)).toBe(message);
      // Each is refused before the parser spends time on it (40,000 values took it a second).
      expect(Date.now() - started).toBeLessThan(1_000);
    }
  });

  it('says what the schema refuses exactly as for JSON', () => {
    const edition = { name: 'T', flag: 'flag.svg', papers: ['a4'] };
    const json = usageError(() => loadEdition(editionFile(edition))).replace(/^.*?edition\.json/, 'FILE');
    expect(refusal('name: T\nflag: flag.svg\npapers: [a4]\n').replace('edition.yaml', 'FILE')).toBe(json);
    expect(json).toBe('FILE, key flag: unknown field(s) "flag". Remove them or fix their names.');
    expect(refusal('name: T\npapers: [b5]\n')).toBe(usageError(() => loadEdition(editionFile({ name: 'T', papers: ['b5'] }))).replace(/^.*?edition\.json/, 'edition.yaml'));
  });

  it('is named .json, .yaml or .yml: another name is refused, saying which', () => {
    expect(refusal('name: T\n', 'edition.txt')).toBe('edition.txt: ends in .txt; this file is read as JSON or YAML, chosen by its extension: .json, .yaml, .yml. Rename it to end in one of those.');
    expect(refusal('name: T\n', 'edition')).toBe('edition: has no extension; this file is read as JSON or YAML, chosen by its extension: .json, .yaml, .yml. Rename it to end in one of those.');
  });

  it('with an error, stops the CLI with that one line and exit code 2', () => {
    const file = yamlFile('name: T\nname: U\n');
    const result = spawnSync(process.execPath, [CLI, 'check', '--edition', file], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe(`pamphlet: ${file}, key name: the key "name" appears twice (lines 1 and 2); one text would be lost. Keep one.\n`);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });
});
