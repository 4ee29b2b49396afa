import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTranslation } from '../../src/check/check-translation';
import { withKeyLocations } from '../../src/check/key-locations';
import { staleStrings } from '../../src/check/stale-strings';
import { sourceHash } from '../../src/i18n/source-hash';
import { flattenStrings, loadTranslation } from '../../src/languages/load-translations';
import { accentedAndLonger, pseudoTranslation } from '../../src/languages/pseudo-locales';
import { markReviewed, sourceOrder } from '../../src/translators/record-sources';
import { editTranslationText } from '../../src/translators/write-translation';
import { readXliff } from '../../src/translators/xliff-read';
import { locateStrings } from '../../src/proof/locate-strings';
import { ROOT } from '../support/build';
import { temporaryFolders } from '../support/temp';
import { pamphletErrorOf as thrownBy } from '../support/errors';

const TRANSLATIONS = path.join(ROOT, 'translations');
const source = loadTranslation(TRANSLATIONS, 'en');
const vi = loadTranslation(TRANSLATIONS, 'vi');
const tempFolder = temporaryFolders('pamphlet-translators-');

describe('source hashes and stale strings', () => {
  it('is eight hex digits, the same for the same text in either Unicode normal form, different for another text', () => {
    expect(sourceHash('Before you go')).toMatch(/^[0-9a-f]{8}$/);
    expect(sourceHash('Caf\u00e9')).toBe(sourceHash('Cafe\u0301'));
    expect(sourceHash('Before you go')).not.toBe(sourceHash('Before you leave'));
  });

  it('finds nothing stale in the shipped translations: each carries the hashes of the English now', () => {
    for (const file of fs.readdirSync(TRANSLATIONS).filter((f) => f.endsWith('.json') && f !== 'en.json')) {
      const translation = loadTranslation(TRANSLATIONS, file.slice(0, -5));
      expect(translation.sources).toBeDefined();
      expect(staleStrings(translation, source)).toEqual([]);
    }
  });

  it('marks exactly the string whose English changed, and says so in a warning with the English now', () => {
    const changed = JSON.parse(JSON.stringify(source));
    changed.strings.check.fee = 'You must pay a large fee before you leave.';
    expect(staleStrings(vi, changed).map((s) => s.key)).toEqual(['check.fee']);
    const warnings = checkTranslation(vi, changed, null).filter((f) => f.message.startsWith('needs review'));
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', key: 'check.fee' })]);
    expect(warnings[0].message).toContain('You must pay a large fee');
  });

  it('marks every form of a plural string when one English form changes', () => {
    const ar = loadTranslation(TRANSLATIONS, 'ar');
    const changed = JSON.parse(JSON.stringify(source));
    changed.strings.help.iwg_one = changed.strings.help.iwg_one.replace('agency', 'office');
    expect(staleStrings(ar, changed).map((s) => s.key).sort()).toEqual(['help.iwg_few', 'help.iwg_many', 'help.iwg_one', 'help.iwg_other', 'help.iwg_two', 'help.iwg_zero']);
  });

  it('records the English now for the keys reviewed, and keeps the others\' hashes', () => {
    const changed = JSON.parse(JSON.stringify(source));
    changed.strings.check.fee = 'Changed.';
    changed.strings.check.pay = 'Changed too.';
    const sources = markReviewed(vi, changed, ['check.fee']);
    expect(staleStrings({ ...vi, sources }, changed).map((s) => s.key)).toEqual(['check.pay']);
  });
});

describe('writing a translation back', () => {
  it('changes only the strings edited and the sources map: meta and every other line stay byte for byte', () => {
    const before = fs.readFileSync(vi.file, 'utf8');
    const after = editTranslationText(before, { strings: new Map([['check.fee', 'Mới.']]), sources: { 'check.fee': '00000000' } }, sourceOrder(source));
    const removed = before.split('\n').filter((line) => !after.split('\n').includes(line));
    expect(removed.filter((l) => !/^\s+"[\w.]+": "[0-9a-f]{8}",?$/.test(l) && !/^\s+"sources": \{$/.test(l))).toEqual(['      "fee": "Bạn phải trả phí trước khi đi.",']);
    expect(after).toContain('"fee": "Mới."');
    expect(after.slice(0, after.indexOf('"strings"'))).toBe(before.slice(0, before.indexOf('"strings"')));
  });

  it('puts a new key where the source has it', () => {
    const text = JSON.stringify({ meta: {}, strings: { check: { heading: 'a', pay: 'c' } } }, null, 2);
    const after = JSON.parse(editTranslationText(text, { strings: new Map([['check.intro', 'b']]), sources: {} }, ['check.heading', 'check.intro', 'check.pay']));
    expect(Object.keys(after.strings.check)).toEqual(['heading', 'intro', 'pay']);
  });
});

describe('pseudo-locales', () => {
  it('en-XA: accents letters, keeps placeholders and markup, brackets the string and makes it about 40 % longer', () => {
    const text = 'Up to <b>{{maxFine}}</b> in fines.';
    const pseudo = accentedAndLonger(text);
    expect(pseudo.startsWith('[Ûþ ţö <b>{{maxFine}}</b> îñ ƒîñéš.')).toBe(true);
    expect(pseudo.endsWith(']')).toBe(true);
    const visible = (s: string) => s.replace(/<[^>]+>|\{\{[^}]+\}\}/g, '').length;
    expect(visible(pseudo) / visible(text)).toBeGreaterThanOrEqual(1.4);
    expect(visible(pseudo) / visible(text)).toBeLessThan(1.9);
  });

  it('en-XA and ar-XB are made from en.json with every key, never from a file, and pass the translation checks', () => {
    for (const code of ['en-XA', 'ar-XB']) {
      const pseudo = loadTranslation(TRANSLATIONS, code);
      expect(fs.existsSync(path.join(TRANSLATIONS, `${code}.json`))).toBe(false);
      expect(pseudo.pseudo).toBe(true);
      expect(checkTranslation(pseudo, source, null).filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('ar-XB: right to left in the Arabic script data, each string forced RTL, with Arabic\'s six plural forms', () => {
    const ar = pseudoTranslation(source, 'ar-XB');
    expect(ar.meta).toEqual(expect.objectContaining({ direction: 'rtl', script: 'Arab', locale: 'ar-XB' }));
    const strings = flattenStrings(ar.strings);
    expect(strings.get('cover.issuer')).toBe(`\u202E${flattenStrings(source.strings).get('cover.issuer')}\u202C`);
    expect([...strings.keys()].filter((k) => k.startsWith('help.iwg_'))).toHaveLength(6);
  });
});

describe('findings a translator can act on', () => {
  it('gives the line and column of the key, or of its group when the key is missing', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'vi.json');
    fs.writeFileSync(file, '{\n  "meta": {},\n  "strings": {\n    "check": {\n      "fee": "x"\n    }\n  }\n}\n');
    const [found, missing] = withKeyLocations([
      { check: 'translation', severity: 'error', file, key: 'check.fee', message: 'm' },
      { check: 'translation', severity: 'error', file, key: 'check.pay', message: 'm' },
    ]);
    expect([found.line, found.column]).toEqual([5, 7]);
    expect([missing.line, missing.column]).toEqual([4, 5]);
  });

  it('says that placeholder names stay in English when one was translated', () => {
    const translated = JSON.parse(JSON.stringify(vi));
    translated.strings.law.penalty = translated.strings.law.penalty.replace('{{maxFine}}', '{{tiềnPhạtTốiĐa}}');
    const messages = checkTranslation(translated, source, null).filter((f) => f.key === 'law.penalty').map((f) => f.message);
    expect(messages).toEqual(['{{tiềnPhạtTốiĐa}}: placeholder names stay as in English: {{maxFine}}. Only the words around a placeholder are translated.']);
  });
});

describe('the XLIFF reader, on untrusted files', () => {
  const write = (text: string) => {
    const file = path.join(tempFolder(), 'vi.xlf');
    fs.writeFileSync(file, text);
    return file;
  };
  const head = '<?xml version="1.0"?>';

  it('refuses a DOCTYPE with entities (billion laughs) before any parser sees it', () => {
    const file = write(`${head}<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xliff version="1.2"><file target-language="vi"><body/></file></xliff>`);
    expect(thrownBy(() => readXliff(file)).message).toMatch(/line 1: a <!DOCTYPE> declaration/);
  });

  it('refuses nesting deeper than 32 levels, by a flat scan', () => {
    const file = write(`${head}<xliff version="1.2">${'<g>'.repeat(5000)}${'</g>'.repeat(5000)}</xliff>`);
    expect(thrownBy(() => readXliff(file)).message).toMatch(/nested more than 32 deep/);
  });

  it('refuses XML that is not well formed, and a file that is not XLIFF, in one line', () => {
    expect(thrownBy(() => readXliff(write(`${head}<xliff version="1.2"><file>`))).message).toMatch(/not well-formed XML/);
    expect(thrownBy(() => readXliff(write(`${head}<html/>`))).message).toMatch(/not an XLIFF file/);
  });
});

describe('finding a string\'s key on a proof page', () => {
  it('lists every key whose string reads the same at the line where that text starts', () => {
    const translation = { ...vi, strings: { travel: { heading: 'Trước khi đi' }, help: { group: { abroad: 'Trước khi đi' } }, law: { heading: 'Luật ở Canada' } } };
    const use = [{ template: 'trifold.hbs', panel: 'travel', element: 'h' }];
    const uses = new Map([['travel.heading', use], ['help.group.', use], ['law.heading', use]]);
    const lines = [
      { page: 1, text: 'Trước khi đi', x: 300, y: 40, w: 80, h: 12 },
      { page: 1, text: 'Luật ở Canada', x: 560, y: 40, w: 90, h: 12 },
    ];
    const { located, missing } = locateStrings(lines, translation, uses, {});
    expect(missing).toEqual([]);
    expect(located.filter((l) => l.y === 40 && l.x === 300).map((l) => l.key).sort()).toEqual(['help.group.abroad', 'travel.heading']);
    expect(located.find((l) => l.key === 'law.heading')!.x).toBe(560);
  });
});
