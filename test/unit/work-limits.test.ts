import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkGlyphs } from '../../src/check/check-glyphs';
import { checkTranslation } from '../../src/check/check-translation';
import { PamphletError } from '../../src/core/errors';
import { Block, Panel } from '../../src/document/types';
import { loadData } from '../../src/facts/load-data';
import { HYPHENATION_PATTERNS, hyphenationPatterns, hyphenatorOf } from '../../src/languages/hyphenation-patterns';
import { Translation } from '../../src/languages/language';
import { metaSchema } from '../../src/languages/meta-schema';
import { flattenStrings, loadTranslation } from '../../src/languages/load-translations';
import { fitPanel, OverflowError } from '../../src/layout/fit-panel';
import { layoutPanel } from '../../src/layout/panel-flow';
import { graphemeBoundaries } from '../../src/text/break-opportunities';
import { layoutParagraph } from '../../src/text/paragraph';
import * as shaping from '../../src/text/shape';
import { MAX_MARKS_ON_ONE_LETTER, MAX_STRING_CHARACTERS, mayHoldClusterLongerThan, textLimitProblem } from '../../src/text/text-limits';
import { ParagraphStyle, TypesetLanguage } from '../../src/text/types';
import { MAX_HYPHENATED_WORD } from '../../src/text/words';
import { language, ROOT, theme } from '../support/build';

/*
 * Limits on work: no input makes a check or build do more than a few
 * seconds of work per language, and no translation names a module to load.
 * These tests assert what is done (which module is loaded, how many lines
 * are laid out, which words are hyphenated), never how long it takes.
 */

const TRANSLATIONS = path.join(ROOT, 'translations');
const CODES = fs.readdirSync(TRANSLATIONS).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const translation = (code: string): Translation => loadTranslation(TRANSLATIONS, code);

describe('hyphenation patterns come from a fixed table, never from a path in the translation', () => {
  const ro = translation('ro');

  it('lists exactly the pattern sets the installed hyphen package ships, and each loads', () => {
    const packageDir = path.join(ROOT, 'node_modules', 'hyphen');
    const shipped = fs.readdirSync(packageDir).filter((name) => fs.existsSync(path.join(packageDir, name, 'index.js'))).sort();
    // All but "cu", whose file does not parse, and "ethi", which is not written like a language tag ("mul-ethi" is).
    expect([...HYPHENATION_PATTERNS].sort()).toEqual(shipped.filter((name) => name !== 'cu' && /^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)));
    expect(() => require('hyphen/cu')).toThrow();
    for (const name of HYPHENATION_PATTERNS) expect(typeof hyphenationPatterns(name, ro)).toBe('function');
    expect(hyphenationPatterns('ru', ro)('торговлей').join('')).toBe('торговлей');
    expect(hyphenationPatterns('en-us', ro)('trafficking').length).toBeGreaterThan(1);
  });

  it('keeps a set\'s patterns as JSON between runs, which hyphenate as the package\'s own module does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-patterns-'));
    const folders = [path.join(dir, 'cache')];
    const words = ['trafficking', 'internationalization', 'exploitation', 'immigration', 'protection', 'a', ''];
    type Sync = (word: string) => string;
    try {
      const own = require('hyphen/en-us').hyphenateSync as Sync;
      const first = hyphenatorOf('en-us', 'hyphen/en-us', folders) as Sync;
      const kept = path.join(folders[0], 'hyphen-en-us.json');
      expect(JSON.parse(fs.readFileSync(kept, 'utf8')).version).toBe(require('hyphen/package.json').version);
      const again = hyphenatorOf('en-us', 'hyphen/en-us', folders) as Sync;
      expect(again).not.toBe(own);
      for (const word of words) expect([word, again(word), first(word)]).toEqual([word, own(word), own(word)]);
      // Damaged, of another version, or not patterns: the module is read again, and the JSON written anew.
      for (const damage of ['{"version":', JSON.stringify({ version: '0.0.1', patterns: [[], {}] }), JSON.stringify({ version: require('hyphen/package.json').version, patterns: 'x' })]) {
        fs.writeFileSync(kept, damage);
        const read = hyphenatorOf('en-us', 'hyphen/en-us', folders) as Sync;
        expect(read).toBe(own);
        expect(read('trafficking')).toBe(own('trafficking'));
        expect(JSON.parse(fs.readFileSync(kept, 'utf8')).patterns).toEqual(require('hyphen/en-us').patterns);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every set of the table is a name the translation schema accepts', () => {
    for (const name of HYPHENATION_PATTERNS) {
      expect(metaSchema.innerType().shape.hyphenation.safeParse(name).success).toBe(true);
    }
  });

  it('never loads a file named by a path, however it is written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-pwn-'));
    const marker = path.join(dir, 'PWNED');
    const script = path.join(dir, 'pwn.js');
    fs.writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(marker)}, '');\nmodule.exports = { hyphenateSync: (t) => t };\n`);
    // What `require(\`hyphen/${name}\`)` resolved to the script: relative to the package, and the like.
    const fromPackage = path.relative(path.join(ROOT, 'node_modules', 'hyphen'), script).replace(/\.js$/, '');
    const names = [
      fromPackage, `${fromPackage}.js`, `en-us/../${fromPackage}`, script, script.replace(/\.js$/, ''), `hyphen/../${fromPackage}`,
      '../../translations/pwn', 'patterns', 'index', 'hyphen', 'export-contract', 'package.json', '__proto__', 'constructor', 'toString', '',
    ];
    try {
      for (const name of names) {
        let error: unknown;
        try {
          hyphenationPatterns(name, ro);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(PamphletError);
        expect((error as PamphletError).place.key).toBe('meta.hyphenation');
        expect((error as PamphletError).kind).toBe('content');
      }
      expect(fs.existsSync(marker)).toBe(false);
      expect(Object.keys(require.cache).some((id) => id.startsWith(dir))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the known pattern sets when the name is unknown', () => {
    expect(() => hyphenationPatterns('tlh', ro)).toThrow(/meta.hyphenation is "tlh", which is not a hyphenation pattern set this tool ships\. Use null \(no hyphenation\) or one of: af, as, .*\bro, ru, /);
  });
});

describe('limits on a piece of text', () => {
  it('passes every string, endonym and fact that ships: the limits are generous for real text', () => {
    for (const code of CODES) {
      const t = translation(code);
      expect([code, 'meta.name', textLimitProblem(t.meta.name)]).toEqual([code, 'meta.name', null]);
      for (const [key, text] of flattenStrings(t.strings)) expect([code, key, textLimitProblem(text)]).toEqual([code, key, null]);
    }
    for (const [name, fact] of Object.entries(loadData(path.join(ROOT, 'data')).facts)) {
      expect([name, textLimitProblem(String(fact.value))]).toEqual([name, null]);
    }
  });

  it('refuses a string longer than the limit, counting characters, not UTF-16 units', () => {
    expect(textLimitProblem('a'.repeat(MAX_STRING_CHARACTERS))).toBeNull();
    expect(textLimitProblem('😀'.repeat(MAX_STRING_CHARACTERS))).toBeNull(); // 4,000 UTF-16 units
    expect(textLimitProblem('a'.repeat(MAX_STRING_CHARACTERS + 1))).toBe('the text is 2,001 characters long; a string may have at most 2,000, about what a whole panel holds. Shorten it.');
    expect(textLimitProblem('word '.repeat(200_000))).toMatch(/^the text is 1,000,000 characters long/);
  });

  it('allows the marks real scripts stack on one letter', () => {
    const real = [
      'Việt Nam'.normalize('NFD'), 'ệ'.normalize('NFD'), 'ที่', 'กู้', 'ढ़ें', 'न्ट्रै', 'क्ष्म्य', 'دَّ', 'بِّ',
      'שָׁ', 'בְּרֵאשִׁ֖ית', 'ཧཱུྃ', 'ǘ'.normalize('NFD'), 'a\u0301\u0302\u0303\u0304\u0305\u0306',
    ];
    for (const text of real) expect([text, textLimitProblem(text)]).toEqual([text, null]);
  });

  it('refuses more marks on one letter, naming the letter, its place and the number of marks', () => {
    expect(textLimitProblem('ab' + '\u0301'.repeat(MAX_MARKS_ON_ONE_LETTER + 1) + 'c')).toBe(
      'the letter "b" (U+0062) at character 2 carries 7 combining marks stacked on it; at most 6 may stack on one letter, and more would print over the line above. Remove the extra marks.');
    expect(textLimitProblem('Traffickers a' + '\u0301'.repeat(30))).toMatch(/^the letter "a" \(U\+0061\) at character 13 carries 30 combining marks/);
    // Invisible joiners between the marks do not stop them stacking.
    expect(textLimitProblem('x' + '\u0301\u200D'.repeat(10))).toMatch(/^the letter "x" \(U\+0078\) at character 1 carries 10 combining marks/);
    // Marks with no letter under them: the place of the first.
    expect(textLimitProblem('\u0308'.repeat(8))).toMatch(/^character 1 carries 8 combining marks/);
    // One stack too many among acceptable ones.
    expect(textLimitProblem('ที่ ที่ e' + '\u0300'.repeat(9))).toMatch(/^the letter "e" \(U\+0065\) at character 9 carries 9/);
  });

  it('refuses a character on paper made of too many code points', () => {
    expect(textLimitProblem('👨‍👩‍👧‍👦 🏳️‍🌈 🇨🇦 👍🏽')).toBeNull();
    const chain = '👩' + '\u200D👩'.repeat(20);
    expect(textLimitProblem(`ok ${chain}`)).toBe(
      'the character at position 4 is made of 41 code points joined together; at most 32 may make one character on paper. Remove the characters joined to it by mistake.');
  });

  it('finds such a character whatever joins it: conjuncts, jamo, a prepended mark, flags', () => {
    // Devanagari consonants joined by viramas make one character (UAX #29, GB9c): 17 consonants, 16 viramas.
    expect(textLimitProblem('क' + '्क'.repeat(16))).toMatch(/^the character at position 1 is made of 33 code points/);
    expect(textLimitProblem('क' + '्क'.repeat(15))).toBeNull();
    expect(textLimitProblem('\u1100'.repeat(20) + '\u1161'.repeat(20))).toMatch(/made of 40 code points/);
    expect(textLimitProblem('\u0600' + 'a' + '\u0301\u0300'.repeat(3) + '\u200D'.repeat(30))).toMatch(/made of 38 code points/);
  });

  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  const longestCluster = (text: string) => Math.max(0, ...[...segmenter.segment(text)].map(({ segment }) => [...segment].length));

  it('segments only text where such a character may be, and never misses one', () => {
    // Pieces of every kind UAX #29 joins: marks, virama and consonants, ZWJ and pictographs, jamo and syllables,
    // regional indicators, a prepended mark, SARA AM, CR LF, and plain letters and spaces that join nothing.
    const pieces = ['a', ' ', '\u0301', 'क', '\u094D', 'ि', '\u200D', '👩', '🏽', '\u1100', '\u1161', '\u11A8', '가', '\u{1F1E8}', '\u0600', 'ก', '\u0E33', '\r', '\n', '\uFE0F', 'ی'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), fc.integer({ min: 2, max: 5 }), (chosen, limit) => {
      const text = chosen.join('');
      if (longestCluster(text) > limit) expect(mayHoldClusterLongerThan(text, limit)).toBe(true);
    }), { numRuns: 3000 });
    // CR LF is one character of two code points, outside the set: the stretch rule holds from 2 up.
    expect(longestCluster('\r\n')).toBe(2);
    // Real text takes the fast way: no shipped string needs segmenting.
    for (const code of fs.readdirSync(TRANSLATIONS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))) {
      for (const [key, text] of flattenStrings(translation(code).strings)) expect([code, key, mayHoldClusterLongerThan(text, 32)]).toEqual([code, key, false]);
    }
  });
});

describe('the translation and glyph checks apply the limits first', () => {
  const en = translation('en');
  const withString = (t: Translation, key: string, text: string): Translation => {
    const strings = JSON.parse(JSON.stringify(t.strings));
    const [group, name] = key.split('.');
    strings[group][name] = text;
    return { ...t, strings };
  };

  it('reports a megabyte string once, by its length, and checks nothing else in it', () => {
    // Broken placeholders and markup that the other checks would report, a megabyte of them.
    const huge = withString(en, 'what.intro', '{maxFine} <i>x</i> '.repeat(60_000));
    const findings = checkTranslation(huge, en, null).filter((f) => f.key === 'what.intro');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'translation', severity: 'error', language: 'en', key: 'what.intro' });
    expect(findings[0].message).toMatch(/^the text is 1,140,000 characters long; a string may have at most 2,000/);
  });

  it('reports stacked marks in a string and in the endonym', () => {
    const marked = withString(en, 'what.intro', 'a' + '\u0301'.repeat(30));
    const withName = { ...marked, meta: { ...marked.meta, name: 'English' + '\u0301'.repeat(12) } };
    const findings = checkTranslation(withName, en, null);
    expect(findings.find((f) => f.key === 'what.intro')?.message).toMatch(/carries 30 combining marks/);
    expect(findings.find((f) => f.key === 'meta.name')?.message).toMatch(/^the letter "h" \(U\+0068\) at character 7 carries 12 combining marks/);
  });

  it('does not look for missing glyphs in a string over the length limit', () => {
    const data = loadData(path.join(ROOT, 'data'));
    // A character no font has, which the glyph check would report in a string of normal length.
    const short = withString(en, 'what.intro', 'trafficking \u{10900}');
    expect(checkGlyphs(short, language('en'), data).map((f) => f.key)).toEqual(['what.intro']);
    const long = withString(en, 'what.intro', 'trafficking \u{10900} '.repeat(1000));
    expect(checkGlyphs(long, language('en'), data)).toEqual([]);
  });

  it('reports a fact with stacked marks against the data, and fills no string with it', () => {
    const data = loadData(path.join(ROOT, 'data'));
    const facts = { ...data.facts, irpaAbbreviation: { type: 'code' as const, value: 'IRPA' + '\u0301'.repeat(20), source: 'seed', quote: 'IRPA' } };
    const findings = checkGlyphs(en, language('en'), { ...data, facts });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'data', severity: 'error', file: data.files.facts, key: 'facts.irpaAbbreviation.value' });
    expect(findings[0].message).toMatch(/^as English prints it, the letter "A" \(U\+0041\) at character 4 carries 20 combining marks/);
  });
});

describe('layout stops once a panel has overflowed', () => {
  const en = language('en');
  const box = { x: 20, y: 20, width: 200, height: 500 };
  const paragraph = (text: string): Block => ({ type: 'text', kind: 'paragraph', spans: [{ text, bold: false }] });
  const sentence = 'Traffickers lie about jobs, studies and marriage to move people across borders.';
  const many: Panel = { name: 'help', blocks: Array.from({ length: 20_000 }, () => paragraph(sentence)) };

  it('lays out a panel of 20,000 paragraphs only until it is taller than the limit', () => {
    const result = layoutPanel(many, box, en, theme(), { scale: 1 }, box.height);
    expect(result.complete).toBe(false);
    expect(result.items).toEqual([]);
    expect(result.contentHeight).toBeGreaterThan(box.height);
    // About one box of text, not twenty thousand paragraphs (each at least one line of 10 pt).
    expect(result.contentHeight).toBeLessThan(box.height + 100);
  });

  it('gives the same layout as without a limit when the panel fits under it', () => {
    const some: Panel = { name: 'help', blocks: [...many.blocks.slice(0, 5), { type: 'list', items: [[{ text: sentence, bold: false }]], icons: [null] }, { type: 'spacer' }, paragraph(sentence)] };
    const free = layoutPanel(some, box, en, theme(), { scale: 1 });
    const limited = layoutPanel(some, box, en, theme(), { scale: 1 }, box.height);
    expect(free.contentHeight).toBeLessThan(box.height);
    expect(limited).toEqual(free);
    expect(free.complete).toBe(true);
  });

  it('fails such a panel as at least so many mm too tall, and a panel a little too tall by its exact overflow', () => {
    let error: unknown;
    try {
      fitPanel(many, box, en, theme());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OverflowError);
    expect((error as OverflowError).atLeast).toBe(true);
    expect((error as OverflowError).detail).toMatch(/^the text of panel "help" is at least [\d.]+ mm too tall, even with the type at 75% of its design size and body text at its floor/);
    // Measured past the box by at least one box's height before stopping.
    expect((error as OverflowError).overflow).toBeGreaterThan(box.height);

    // Enough paragraphs to overflow at the floor by less than the box's height: measured to the end.
    const floorHeight = (n: number) => layoutPanel({ name: 'help', blocks: many.blocks.slice(0, n) }, box, en, theme(), { scale: 0.75 }).contentHeight;
    let n = 1;
    while (floorHeight(n) < box.height * 1.3) n++;
    const few: Panel = { name: 'help', blocks: many.blocks.slice(0, n) };
    const exact = (() => {
      try {
        fitPanel(few, box, en, theme());
      } catch (e) {
        return e as OverflowError;
      }
      return null;
    })();
    expect(exact).toBeInstanceOf(OverflowError);
    expect(exact!.atLeast).toBe(false);
    expect(exact!.detail).toMatch(/^the text of panel "help" is [\d.]+ mm too tall/);
    expect(exact!.overflow).toBeCloseTo(floorHeight(n) - box.height, 6);
  });
});

describe('a paragraph is broken only into the lines asked for', () => {
  const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: true };
  const ru = language('ru');

  it('gives the first lines of the whole layout, and shapes only the words they take', () => {
    const text = 'Торговцы людьми обманывают о работе и учёбе. '.repeat(2000);
    const whole = layoutParagraph([{ text, bold: false }], 150, style, ru);
    const spy = jest.spyOn(shaping, 'shapeText');
    try {
      const first = layoutParagraph([{ text, bold: false }], 150, style, ru, 5);
      expect(first).toEqual(whole.slice(0, 5));
      // 14,000 words in all; five lines take a few dozen.
      expect(spy.mock.calls.length).toBeLessThan(500);
    } finally {
      spy.mockRestore();
    }
  });

  it('does not hyphenate a word longer than any real one, and cuts it only for the lines asked for', () => {
    const seen: number[] = [];
    const hyphenate = (word: string) => {
      seen.push(word.length);
      return ru.hyphenate!(word);
    };
    const spying: TypesetLanguage = { ...ru, hyphenate };
    const word = 'торговлей'.repeat(700); // 6,300 letters
    const lines = layoutParagraph([{ text: word, bold: false }], 150, style, spying, 10);
    expect(lines).toHaveLength(10);
    expect(seen.every((length) => length <= MAX_HYPHENATED_WORD)).toBe(true);
    // A real word is still hyphenated.
    layoutParagraph([{ text: 'торговлей '.repeat(40), bold: false }], 30, style, spying);
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('grapheme boundaries, found a window at a time', () => {
  const whole = (text: string, start: number, end: number) =>
    [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text.slice(start, end))].map((s) => start + s.index).filter((i) => i > start);
  const piece = fc.constantFrom(
    'a', 'ab ', '\u0301', 'e\u0301\u0302', '👨‍👩‍👧‍👦', '🇨🇦', '🇺', '👍🏽', 'क्ष', 'न्ट्रै', 'ที่', 'ำ', '\r\n', '\r', '\n', '\u200D', '\uFE0F',
    '\u{E0100}', '\u1100', '\u1161', '\u11A8', '가', '\uD800', '\uDC00', 'a' + '\u0301'.repeat(300),
  );

  it('are those of the whole text, across window edges, long clusters and broken surrogates', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 100, maxLength: 300 }), fc.nat(4), fc.nat(4), (pieces, cutStart, cutEnd) => {
        const text = pieces.join('');
        const start = Math.min(cutStart, text.length);
        const end = Math.max(start, text.length - cutEnd);
        expect(graphemeBoundaries(text, start, end, 'en')).toEqual(whole(text, start, end));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
