import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { creationDate } from '../../src/build/build-pamphlet';
import { PamphletError } from '../../src/core/errors';
import { calendarDate } from '../../src/facts/calendar-date';
import { formatFact } from '../../src/facts/format-facts';
import { PamphletData, readData } from '../../src/facts/load-data';
import { invisibleCharacter } from '../../src/facts/plain-text';
import QRCode from 'qrcode';
import { encodeQr, MAX_QR_VERSION } from '../../src/facts/qr-payload';
import { checkWebAddress, MAX_URL_LENGTH } from '../../src/facts/url-policy';
import { metaSchema } from '../../src/languages/meta-schema';
import { drawQr } from '../../src/render/qr-writer';
import { ROOT } from '../support/build';

/** A copy of the shipped data with one change, read as the checks read it. */
function readEdited(file: 'facts.json' | 'contacts.json', edit: (json: any) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-data-'));
  try {
    for (const name of ['facts.json', 'contacts.json']) fs.copyFileSync(path.join(ROOT, 'data', name), path.join(dir, name));
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    edit(json);
    fs.writeFileSync(path.join(dir, file), JSON.stringify(json));
    return readData(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function errorsOf(result: ReturnType<typeof readData>) {
  return result.findings.filter((f) => f.severity === 'error').map((f) => `${path.basename(f.file!)} ${f.key}: ${f.message}`);
}

describe('the shipped data', () => {
  it('passes every check of meaning, without warnings', () => {
    const { data, findings } = readEdited('facts.json', () => {});
    expect(findings).toEqual([]);
    expect(data).not.toBeNull();
  });
});

describe('dates', () => {
  it('are days of the calendar, leap years included', () => {
    expect(calendarDate('2002-06-28')?.toISOString()).toBe('2002-06-28T00:00:00.000Z');
    expect(calendarDate('2024-02-29')).not.toBeNull();
    expect(calendarDate('0099-12-31')?.getUTCFullYear()).toBe(99);
    for (const bad of ['2002-13-01', '2002-02-30', '2023-02-29', '1900-02-29', '2002-00-10', '2002-04-31', '2002-01-00', '2002-1-01', '20020101']) {
      expect(calendarDate(bad)).toBeNull();
    }
  });

  it('of facts and of the edition are refused when they are not, naming the field', () => {
    expect(errorsOf(readEdited('facts.json', (j) => { j.facts.irpaInForce.value = '2002-13-01'; }))).toEqual([
      'facts.json facts.irpaInForce.value: must be a day of the calendar written YYYY-MM-DD: "2002-13-01" has no such month.',
    ]);
    expect(errorsOf(readEdited('facts.json', (j) => { j.edition = '2002-02-30'; }))).toEqual([
      'facts.json edition: must be a day of the calendar written YYYY-MM-DD: "2002-02-30" has no such day in its month.',
    ]);
  });

  it('never reach Intl as an invalid date', () => {
    expect(() => formatFact({ type: 'date', value: '2002-02-30', source: 's', quote: 'q' }, { locale: 'en' })).toThrow(PamphletError);
  });
});

describe('numbers and currencies', () => {
  it('refuse a currency Intl cannot name', () => {
    expect(errorsOf(readEdited('facts.json', (j) => { j.facts.maxFine.currency = 'ZZZ'; }))).toEqual([
      'facts.json facts.maxFine.currency: must be an ISO 4217 currency code such as CAD or EUR; "ZZZ" is not one.',
    ]);
  });

  it('refuse counts beyond exact numbers, which would print wrong digits', () => {
    expect(errorsOf(readEdited('facts.json', (j) => { j.facts.iwgDepartments.value = 1e300; }))[0]).toMatch(/^facts\.json facts\.iwgDepartments\.value: must be at most 9007199254740991/);
  });

  it('format every known currency and the largest numbers in every shipped locale without throwing', () => {
    const locales = ['ar', 'en-CA', 'hi', 'th-TH-u-ca-buddhist', 'zh-CN', 'fil'];
    for (const locale of locales) {
      for (const currency of Intl.supportedValuesOf('currency')) {
        expect(typeof formatFact({ type: 'amount', value: 1234.5, currency, source: 's', quote: 'q' }, { locale: locale })).toBe('string');
      }
      expect(formatFact({ type: 'count', value: Number.MAX_SAFE_INTEGER, source: 's', quote: 'q' }, { locale: locale }).length).toBeGreaterThan(15);
      expect(formatFact({ type: 'date', value: '9999-12-31', source: 's', quote: 'q' }, { locale: locale }).length).toBeGreaterThan(5);
    }
  });

  it('print a zero written -0 without a sign', () => {
    expect(formatFact({ type: 'count', value: -0, source: 's', quote: 'q' }, { locale: 'en' })).toBe('0');
    expect(formatFact({ type: 'amount', value: -0, currency: 'CAD', source: 's', quote: 'q' }, { locale: 'en' })).toBe('0 Canadian dollars');
  });
});

describe('invisible characters', () => {
  it('are named by code point and by what they do; joiners that scripts need stay', () => {
    expect(invisibleCharacter('\u202E118')).toBe('U+202E (a direction control, which can print the text in reverse)');
    expect(invisibleCharacter('a\u2067b')).toMatch(/^U\+2067 \(a direction control/);
    expect(invisibleCharacter('a\u0007')).toMatch(/^U\+0007 \(a control character/);
    expect(invisibleCharacter('a\u00ADb')).toBe('U+00AD (an invisible format character)');
    expect(invisibleCharacter('\uFEFFIRPA')).toMatch(/^U\+FEFF/);
    expect(invisibleCharacter('a\u2028b')).toMatch(/^U\+2028 \(a line separator/);
    expect(invisibleCharacter('a\uD800b')).toMatch(/^U\+D800 \(half of a broken character/);
    expect(invisibleCharacter('\u0641\u0627\u0631\u0633\u06CC \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toBeNull(); // Persian, with ZWNJ
    expect(invisibleCharacter('\u0915\u094D\u200D\u0937')).toBeNull(); // Devanagari, with ZWJ
    expect(invisibleCharacter('Tiếng Việt 简体中文 العربية')).toBeNull();
  });

  it('are refused in facts, sources and contacts, at the field', () => {
    const errors = errorsOf(readEdited('facts.json', (j) => {
      j.facts.irpaSection.value = '\u202E118';
      j.facts.maxFine.quote += '\u200F';
      j.sources.seed.title += '\u0000';
    }));
    expect(errors).toEqual(expect.arrayContaining([
      'facts.json facts.irpaSection.value: must be plain text: remove the invisible character U+202E (a direction control, which can print the text in reverse).',
      expect.stringMatching(/^facts\.json facts\.maxFine\.quote: .*U\+200F/),
      expect.stringMatching(/^facts\.json sources\.seed\.title: .*U\+0000/),
    ]));
    expect(errors).toHaveLength(3);
  });
});

describe('web addresses', () => {
  it('are https, or http with a warning; no other scheme', () => {
    expect(checkWebAddress('https://www.canadianhumantraffickinghotline.ca')).toBeNull();
    expect(checkWebAddress('http://example.org')?.severity).toBe('warning');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'ftp://example.org/x', 'mailto:a@example.org']) {
      expect(checkWebAddress(bad)).toMatchObject({ severity: 'error', message: expect.stringMatching(/^a web address starting with https:\/\/, /) });
    }
  });

  it('are refused with credentials, spaces, hidden characters, no host or a short form the parser would guess', () => {
    for (const bad of ['https://user:pass@example.org', 'https://user@example.org', 'https://exa mple.org', 'https://example.org/\n', 'https://example.org/\u202Egro',
      'https:example.org', 'https://localhost/', 'example.org', '']) {
      expect(checkWebAddress(bad)?.severity).toBe('error');
    }
  });

  it('are at most MAX_URL_LENGTH characters, and any ASCII address of that length fits the QR code', () => {
    const longest = `https://example.org/${'a'.repeat(MAX_URL_LENGTH - 20)}`;
    expect(checkWebAddress(longest)).toBeNull();
    expect(encodeQr(longest)).toHaveProperty('code');
    expect(checkWebAddress(`${longest}a`)?.message).toContain(`at most ${MAX_URL_LENGTH} characters`);
  });

  it('in the contacts: an http warning does not stop the data, a javascript: link does', () => {
    const warned = readEdited('contacts.json', (j) => { j.contacts[1].url = 'http://www.canadianhumantraffickinghotline.ca'; });
    expect(warned.data).not.toBeNull();
    expect(warned.findings).toEqual([expect.objectContaining({ severity: 'warning', key: 'contacts.1.url' })]);
    const refused = readEdited('contacts.json', (j) => { j.moreInformation.url = 'javascript:alert(1)'; });
    expect(refused.data).toBeNull();
    expect(errorsOf(refused)).toEqual([expect.stringMatching(/^contacts\.json moreInformation\.url: must be a web address starting with https:\/\/, not a javascript: link/)]);
  });
});

describe('the QR code', () => {
  it('is at most the version that prints legibly at the smallest size the layout gives it', () => {
    expect(MAX_QR_VERSION).toBe(7);
    expect(encodeQr('https://www.canadianhumantraffickinghotline.ca')).toHaveProperty('code');
  });

  it('of an address short in characters but long in bytes is refused against moreInformation.url', () => {
    const url = `https://example.org/${'\u4F8B'.repeat(60)}`;
    expect(checkWebAddress(url)).toBeNull();
    expect(encodeQr(url)).toEqual({ problem: expect.stringMatching(/^too long for a QR code that scans at the size it is printed \(it needs version \d+; version 7/) });
    expect(errorsOf(readEdited('contacts.json', (j) => { j.moreInformation.url = url; }))).toEqual([
      expect.stringMatching(/^contacts\.json moreInformation\.url: must be an address that fits the QR code; it is too long for a QR code/),
    ]);
  });

  it('is encoded once per value and process, the same code as a fresh encoding, and a refusal too', () => {
    const url = 'https://www.canadianhumantraffickinghotline.ca/fr';
    const first = encodeQr(url);
    expect(encodeQr(url)).toBe(first);
    const fresh = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect('code' in first && Array.from(first.code.modules.data)).toEqual(Array.from(fresh.modules.data));
    const other = encodeQr(`${url}/x`);
    expect('code' in other && Array.from(other.code.modules.data)).not.toEqual(Array.from(fresh.modules.data));
    const tooLong = 'x'.repeat(5000);
    expect(encodeQr(tooLong)).toBe(encodeQr(tooLong));
    expect(encodeQr(tooLong)).toEqual({ problem: expect.stringMatching(/^too long for any QR code/) });
  });

  it('writer refuses a value it cannot encode with our error, naming the value', () => {
    const doc = new PDFDocument();
    expect(() => drawQr(doc, 'x'.repeat(5000), 0, 0, 68, '#000')).toThrow(PamphletError);
    expect(() => drawQr(doc, 'x'.repeat(5000), 0, 0, 68, '#000')).toThrow(/the QR code's value "x{60}…" cannot be printed: it is too long for any QR code/);
    expect(() => drawQr(doc, '', 0, 0, 68, '#000')).toThrow(/it is empty/);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  const data = { edition: '2026-11-27' } as PamphletData;
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });
  const withEpoch = (value: string | undefined) => {
    if (value === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = value;
    return creationDate(data);
  };

  it('gives the date when it is seconds between 1970 and the end of 9999; unset or empty gives the edition', () => {
    expect(withEpoch('0').toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(withEpoch('1700000000').toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(withEpoch('253402300799').toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(withEpoch(undefined).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(withEpoch('').toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('is a usage error naming the variable when beyond 9999 or not digits, never ignored', () => {
    for (const bad of ['253402300800', '999999999999', '9'.repeat(400), '-1', '1.5', '1e9', ' 1700000000', 'yesterday']) {
      let thrown: unknown;
      try {
        withEpoch(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PamphletError);
      expect((thrown as PamphletError).kind).toBe('usage');
      expect((thrown as PamphletError).message).toMatch(/^SOURCE_DATE_EPOCH is ".*": it must be whole seconds since 1970-01-01 \(digits only\), up to 253402300799/);
    }
  });
});

describe('a language\'s meta block', () => {
  const shipped = fs.readdirSync(path.join(ROOT, 'translations')).filter((f) => f.endsWith('.json'));
  const metaOf = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'translations', file), 'utf8')).meta;
  const issues = (meta: object) => {
    const parsed = metaSchema.safeParse(meta);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it.each(shipped)('of the shipped %s passes', (file) => {
    expect(issues(metaOf(file))).toEqual([]);
  });

  it('has the direction of its locale\'s script: Arabic, Hebrew, Thaana are right to left', () => {
    expect(issues({ ...metaOf('ar.json'), direction: 'ltr' })).toEqual(['direction: "rtl": ar is written in the Arab script, which runs right to left']);
    expect(issues({ ...metaOf('en.json'), direction: 'rtl' })).toEqual(['direction: "ltr": en-CA is written in the Latn script, which runs left to right']);
    expect(issues({ ...metaOf('ar.json'), locale: 'he', script: 'Hebr' })).toEqual([]);
    expect(issues({ ...metaOf('ar.json'), locale: 'dv', script: 'Thaa' })).toEqual([]);
    expect(issues({ ...metaOf('ar.json'), locale: 'pa-Arab', script: 'Arab' })).toEqual([]);
    expect(issues({ ...metaOf('en.json'), locale: 'pa', script: 'Guru' })).toEqual([]);
  });

  it('has the script of its locale, or a part of it, not a sibling', () => {
    expect(issues({ ...metaOf('zh.json'), script: 'Hant' })[0]).toMatch(/^script: "Hans", the script of the locale zh-CN/);
    expect(issues({ ...metaOf('zh.json'), script: 'Hani' })).toEqual([]);
    expect(issues({ ...metaOf('ko.json'), script: 'Hang' })).toEqual([]);
    expect(issues({ ...metaOf('ru.json'), script: 'Latn' })[0]).toBe('script: "Cyrl", the script of the locale ru; if the language is written in Latn, say so in the locale (ru-Latn)');
    expect(issues({ ...metaOf('pt.json'), script: 'Cyrl' })[0]).toMatch(/\(pt-Cyrl-BR\)$/);
    expect(issues({ ...metaOf('ru.json'), locale: 'sr-Latn', script: 'Latn' })).toEqual([]);
    // A locale Intl knows no script for: the script named decides the direction.
    expect(issues({ ...metaOf('en.json'), locale: 'qaa', script: 'Arab', direction: 'rtl' })).toEqual([]);
    expect(issues({ ...metaOf('en.json'), locale: 'qaa', script: 'Arab', direction: 'ltr' })[0]).toMatch(/^direction: "rtl"/);
  });

  it('has a plain name without invisible characters', () => {
    expect(issues({ ...metaOf('ru.json'), name: '\u202EРусский' })).toEqual(['name: plain text: remove the invisible character U+202E (a direction control, which can print the text in reverse)']);
    expect(issues({ ...metaOf('ru.json'), englishName: 'Russian\u0007' })[0]).toMatch(/^englishName: .*U\+0007/);
    expect(issues({ ...metaOf('ru.json'), name: 'x'.repeat(101) })[0]).toMatch(/^name: at most 100 characters/);
  });

  it('names hyphenation patterns by a plain name, never a path', () => {
    for (const bad of ['../../translations/pwn', 'hyphen/en', 'EN', 'en_US', '/etc/passwd', 'e']) {
      expect(issues({ ...metaOf('en.json'), hyphenation: bad })[0]).toMatch(/^hyphenation: null or the name of a set of hyphenation patterns/);
    }
    expect(issues({ ...metaOf('en.json'), hyphenation: null })).toEqual([]);
  });
});

describe('facts of law, as they stand on the edition date', () => {
  it('refuses a law repealed before the edition: the pamphlet must not state it', () => {
    const result = readEdited('facts.json', (json) => {
      json.facts.livingOnAvails = { type: 'code', value: '212', source: 'seed', quote: 'controlling or living off the avails of prostitution', repealed: '2014-12-06' };
    });
    expect(result.data).toBeNull();
    expect(errorsOf(result)).toEqual([expect.stringMatching(/^facts\.json facts\.livingOnAvails\.repealed: this law was repealed on 2014-12-06, before the edition date \d{4}-\d\d-\d\d: a pamphlet printed now must not state it/)]);
  });

  it('refuses a law not yet in force on the edition date, and a repeal before the law came into force', () => {
    const later = readEdited('facts.json', (json) => { json.facts.maxFine.inForce = '2999-01-01'; });
    expect(errorsOf(later)).toEqual([expect.stringMatching(/^facts\.json facts\.maxFine\.inForce: this law comes into force on 2999-01-01, after the edition date/)]);
    const backwards = readEdited('facts.json', (json) => { json.facts.maxFine.repealed = '2001-01-01'; });
    expect(errorsOf(backwards)).toEqual([expect.stringMatching(/^facts\.json facts\.maxFine\.repealed: is 2001-01-01, not after the day it came into force \(2002-06-28\)/)]);
  });

  it('prints a law repealed after the edition date, as it stood then', () => {
    const result = readEdited('facts.json', (json) => { json.edition = '2010-01-01'; json.facts.maxFine.repealed = '2014-12-06'; });
    expect(errorsOf(result)).toEqual([]);
  });

  it('gives every legal fact of the shipped data the day it came into force, from a cited source', () => {
    const { data } = readEdited('facts.json', () => {});
    for (const name of ['irpaInForce', 'irpaAbbreviation', 'irpaSection', 'maxFine', 'ccTraffickingInForce', 'ccTraffickingSection', 'ccTraffickingMaxYears']) {
      const fact = data!.facts[name];
      expect([name, fact.inForce]).toEqual([name, expect.stringMatching(/^\d{4}-\d\d-\d\d$/)]);
      expect(data!.sources[fact.source].location).toMatch(/^https?:\/\/|^shared\//);
    }
  });

  it('prints a law\'s own name in a language that has one (LIPR in French), and the shared one elsewhere', () => {
    const { data } = readEdited('facts.json', () => {});
    const abbreviation = data!.facts.irpaAbbreviation;
    expect(formatFact(abbreviation, { locale: 'fr-CA' })).toBe('LIPR');
    expect(formatFact(abbreviation, { locale: 'es' })).toBe('IRPA');
    const unknownSource = readEdited('facts.json', (json) => { json.facts.irpaAbbreviation.byLanguage.fr.source = 'nowhere'; });
    expect(errorsOf(unknownSource)).toEqual([expect.stringMatching(/^facts\.json facts\.irpaAbbreviation\.byLanguage\.fr\.source: cites the source "nowhere"/)]);
  });
});

describe('a language\'s own way of writing facts (meta)', () => {
  const { data } = readEdited('facts.json', () => {});
  it('writes a date in the language\'s pattern, with Intl\'s numbers for the day, month and year (Vietnamese: năm before the year)', () => {
    expect(formatFact(data!.facts.irpaInForce, { locale: 'vi', datePattern: '{day} tháng {month} năm {year}' })).toBe('28 tháng 6 năm 2002');
    expect(formatFact(data!.facts.irpaInForce, { locale: 'th-TH-u-ca-buddhist', datePattern: '{day}/{month}/{year}' })).toBe('28/6/2545');
  });

  it('names a currency as the language writes it after an amount (Portuguese lowercase), keeping Intl\'s number', () => {
    expect(formatFact(data!.facts.maxFine, { locale: 'pt-BR' })).toMatch(/^1\.000\.000 Dólares canadenses$/);
    expect(formatFact(data!.facts.maxFine, { locale: 'pt-BR', currencyNames: { CAD: 'dólares canadenses' } })).toBe('1.000.000 dólares canadenses');
  });

  it('refuses a date pattern without its day, month or year, or with another placeholder', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'translations', 'vi.json'), 'utf8')).meta;
    for (const datePattern of ['{day} tháng {month}', '{day} {day} {month} {year}', '{day} {month} {year} {era}']) {
      expect(metaSchema.safeParse({ ...meta, datePattern }).success).toBe(false);
    }
    expect(metaSchema.safeParse({ ...meta, datePattern: '{day} tháng {month} năm {year}' }).success).toBe(true);
  });
});
