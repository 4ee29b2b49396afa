import fc from 'fast-check';
import { PamphletError } from '../../src/core/errors';
import { Block, InlineSpan, Panel, TextBlockKind } from '../../src/document/types';
import { uncoveredCharacters } from '../../src/fonts/coverage';
import { fitPanel } from '../../src/layout/fit-panel';
import { MissingGlyphError } from '../../src/text/itemize';
import { layoutParagraph } from '../../src/text/paragraph';
import { ParagraphStyle, TypesetLanguage, TypesetLine } from '../../src/text/types';
import { language, theme } from '../support/build';

/*
 * Translated text is untrusted input: whatever it holds, laying it out must
 * give lines or one of our own errors (PamphletError), never another
 * exception, and must not hang (each test's timeout is the guard).
 */

/** Fixed, so that a run is repeatable; FUZZ_SEED=<n> explores other inputs. */
const SEED = Number(process.env.FUZZ_SEED) || 20240601;
const CODES = ['ar', 'en', 'es', 'fr', 'hi', 'ko', 'pt', 'ro', 'ru', 'th', 'tl', 'uk', 'vi', 'zh'];
const languages = new Map(CODES.map((code) => [code, language(code)]));
const lang = (code: string): TypesetLanguage => languages.get(code)!;

// ---------------------------------------------------------------- generators

const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));
const chars = (s: string) => fc.constantFrom(...s.split(''));

/** Letters and marks of the scripts the shipped languages write, with some real words. */
const SCRIPTS = {
  latin: fc.oneof(range(0x61, 0x7a), range(0x41, 0x5a), range(0xc0, 0xff), chars('ăâđêôơưệữ')),
  cyrillic: range(0x430, 0x44f),
  arabic: fc.oneof(range(0x621, 0x64a), range(0x660, 0x669)),
  thai: fc.oneof(range(0xe01, 0xe30), range(0xe40, 0xe46)),
  cjk: fc.oneof(range(0x4e00, 0x9fff), chars('，。《》（）、：')),
  devanagari: fc.oneof(range(0x915, 0x939), range(0x93e, 0x94d)),
  hangul: range(0xac00, 0xd7a3),
};
const MARKS = fc.oneof(range(0x300, 0x36f), range(0x64b, 0x652), chars('\u0E31\u0E34\u0E35\u0E38\u0E47\u0E48\u0E49\u0E4C'), range(0x93c, 0x94d));
const WORDS = fc.constantFrom(
  'trafficking', 'Supercalifragilisticexpialidocious', 'well-known', 'IRPA', '+1 613 996 8885', 'www.example.ca',
  'торговлей', 'القانون', 'بالأشخاص', 'การค้ามนุษย์เป็นอาชญากรรม', '《联合国打击跨国有组织犯罪公约》', 'किताब', 'क्ष', '인신매매범은', 'ệ'.normalize('NFD'),
);

const BIDI_CONTROLS = chars('\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C');
const EMOJI = fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇦', '🇺', '❤️', '☺︎', 'a\u{E0100}', '\u{1F3FB}', '\u{E0100}');
/** Characters that break lines, space text or join it without being letters. */
const SPACING = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u00A0', '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u3000', '\uFE0F', '\uFE0E');
const BROKEN = fc.oneof(chars('\uD800\uDBFF\uDC00\uDFFF\uFFFD\u0000\u007F\u0085'), range(0x01, 0x1f), range(0x80, 0x9f));
/** Scripts no shipped font has. */
const UNSUPPORTED = fc.oneof(range(0x10d0, 0x10fa), range(0x1200, 0x1248), range(0x0f40, 0x0f6c));

const many = (unit: fc.Arbitrary<string>, max: number) => fc.string({ unit, minLength: 1, maxLength: max });

/** Pieces of hostile text; `letters` are the letters the text is mostly made of. */
function fragment(letters: fc.Arbitrary<string>, extra: fc.Arbitrary<string>[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: many(letters, 12), weight: 6 },
    { arbitrary: WORDS, weight: 2 },
    { arbitrary: fc.constantFrom(' ', ' ', '  '), weight: 5 },
    { arbitrary: SPACING, weight: 2 },
    // Combining marks: on a base, in long runs on one base, and with no base at all.
    { arbitrary: fc.tuple(fc.option(letters), many(MARKS, 300)).map(([base, marks]) => (base ?? '') + marks), weight: 1 },
    { arbitrary: many(BIDI_CONTROLS, 8), weight: 1 },
    // Deep, unpaired nesting of embeddings, overrides and isolates.
    { arbitrary: fc.tuple(BIDI_CONTROLS, fc.integer({ min: 1, max: 200 })).map(([c, n]) => c.repeat(n)), weight: 1 },
    ...extra.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
}

const text = (letters: fc.Arbitrary<string>, extra: fc.Arbitrary<string>[] = [], max = 40) =>
  fc.array(fragment(letters, extra), { maxLength: max, size: 'medium' }).map((parts) => parts.join(''));

/** Splits a text into spans, some bold, at arbitrary UTF-16 indices (surrogate pairs included). */
const spans = (textArb: fc.Arbitrary<string>): fc.Arbitrary<InlineSpan[]> =>
  fc.tuple(textArb, fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 })).map(([t, cuts, bold]) => {
    const at = [0, ...cuts.map((c) => (t.length ? c % (t.length + 1) : 0)).sort((a, b) => a - b), t.length];
    return at.slice(1).map((end, i) => ({ text: t.slice(at[i], end), bold: bold[i] }));
  });

const WIDTH = fc.oneof(fc.constantFrom(1, 5), fc.double({ min: 50, max: 300, noNaN: true }));
const STYLE: fc.Arbitrary<ParagraphStyle> = fc.record({
  size: fc.constantFrom(8, 10, 10, 30),
  lineHeight: fc.constant(14),
  align: fc.constantFrom('start' as const, 'center' as const),
  bold: fc.boolean(),
  hyphenate: fc.boolean(),
});

/** Each language with the letters it writes: its own script and Latin (every stack has a Latin font). */
const PROFILES: { code: string; letters: fc.Arbitrary<string> }[] = [
  { code: 'en', letters: SCRIPTS.latin },
  { code: 'fr', letters: SCRIPTS.latin },
  { code: 'vi', letters: SCRIPTS.latin },
  { code: 'ru', letters: fc.oneof(SCRIPTS.cyrillic, SCRIPTS.latin) },
  { code: 'ar', letters: fc.oneof(SCRIPTS.arabic, SCRIPTS.arabic, SCRIPTS.latin) },
  { code: 'th', letters: fc.oneof(SCRIPTS.thai, SCRIPTS.thai, SCRIPTS.latin) },
  { code: 'zh', letters: fc.oneof(SCRIPTS.cjk, SCRIPTS.cjk, SCRIPTS.latin) },
  { code: 'ko', letters: fc.oneof(SCRIPTS.hangul, SCRIPTS.hangul, SCRIPTS.latin) },
  { code: 'hi', letters: fc.oneof(SCRIPTS.devanagari, SCRIPTS.devanagari, SCRIPTS.latin) },
];

/** Keeps only the characters every font stack of the language has (or that need no glyph). */
function covered(code: string, s: string): string {
  const { regular, bold } = lang(code).fonts;
  return [...s].filter((c) => uncoveredCharacters(c, regular).length === 0 && uncoveredCharacters(c, bold).length === 0).join('');
}

// ---------------------------------------------------------------- invariants

const FORCED_BREAK = /\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]/g;
/** What is dropped at line ends (spaces, invisible characters) or added at a break (hyphens): removed before comparing texts. */
const comparable = (s: string) => s.replace(/[\s\p{Default_Ignorable_Code_Point}-]/gu, '');
/** What a reader sees: no spaces, no invisible characters. */
const visible = (s: string) => s.replace(/[\s\p{Default_Ignorable_Code_Point}]/gu, '');
const graphemes = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].length;

function runWidth(run: TypesetLine['runs'][number]): number {
  return run.glyphs.reduce((w, g) => w + g.xAdvance, 0);
}

/**
 * What is wrong with `lines` as a layout of `input` into `width`: what any
 * correct layout must satisfy. Collected rather than asserted one by one, as
 * a long word gives thousands of lines and glyphs.
 */
function problems(lines: TypesetLine[], input: string, width: number): string[] {
  const found: string[] = [];
  if ((lines.length === 0) !== (input.length === 0)) found.push(`${lines.length} lines for ${input.length} UTF-16 units`);
  lines.forEach((line, i) => {
    const where = `line ${i} ${JSON.stringify(line.text)}`;
    if (!Number.isFinite(line.width)) found.push(`${where}: width ${line.width}`);
    // Wider than the column only where one grapheme cluster alone is.
    if (line.width > width + 0.01 && graphemes(visible(line.text)) > 1) found.push(`${where}: ${line.width} pt wide in ${width} pt`);
    for (const run of line.runs) {
      if (!(run.x >= -0.01 && run.x + runWidth(run) <= Math.max(width, line.width) + 0.01)) found.push(`${where}: a run at ${run.x} pt sticks out`);
      if (!run.glyphs.every((g) => [g.xAdvance, g.xOffset, g.yOffset].every(Number.isFinite))) found.push(`${where}: a glyph position is not a number`);
      if (run.glyphs.some((g) => g.id === 0)) found.push(`${where}: .notdef, an empty box on paper`);
    }
  });
  // Blank lines only where the text forces a break, or when there is nothing to see at all.
  const blank = lines.filter((l) => visible(l.text) === '').length;
  const allowed = (input.match(FORCED_BREAK) ?? []).length + (visible(input) === '' ? 1 : 0);
  if (blank > allowed) found.push(`${blank} blank lines, ${allowed} allowed`);
  // Nothing lost, nothing doubled: the lines spell the input.
  const spelt = comparable(lines.map((l) => l.text).join(''));
  if (spelt !== comparable(input)) found.push(`the lines spell ${JSON.stringify(spelt)}`);
  return found;
}

function expectSoundLines(lines: TypesetLine[], input: string, width: number): void {
  expect(problems(lines, input, width)).toEqual([]);
}

/** Lays the spans out; our own errors are an answer, anything else fails the property. */
function layoutOrOurError(runs: InlineSpan[], width: number, style: ParagraphStyle, code: string): TypesetLine[] | PamphletError {
  try {
    return layoutParagraph(runs, width, style, lang(code));
  } catch (error) {
    if (error instanceof PamphletError) return error;
    throw error;
  }
}

const joined = (runs: InlineSpan[]) => runs.map((r) => r.text).join('');

// ---------------------------------------------------------------- properties

describe('paragraph layout of hostile text', () => {
  it('gives lines or our own error for any mix of scripts, controls, emoji and broken UTF-16', () => {
    // Mostly the language's own letters, so that some of it lays out; any script now and then.
    const anyScript = fc.oneof(...Object.values(SCRIPTS));
    const profile = fc.constantFrom(...PROFILES).chain(({ code, letters }) =>
      fc.tuple(fc.constant(code), spans(text(fc.oneof({ arbitrary: letters, weight: 5 }, { arbitrary: anyScript, weight: 1 }), [EMOJI, BROKEN, UNSUPPORTED]))));
    fc.assert(
      fc.property(profile, WIDTH, STYLE, ([code, runs], width, style) => {
        const result = layoutOrOurError(runs, width, style, code);
        if (!(result instanceof PamphletError)) expectSoundLines(result, joined(runs), width);
      }),
      { numRuns: 300, seed: SEED },
    );
  }, 60_000);

  it('lays out, without error and soundly, any text whose characters the language\'s fonts have', () => {
    const profile = fc.constantFrom(...PROFILES).chain(({ code, letters }) =>
      fc.tuple(fc.constant(code), spans(text(letters).map((t) => covered(code, t)))));
    fc.assert(
      fc.property(profile, WIDTH, STYLE, ([code, runs], width, style) => {
        const lines = layoutParagraph(runs, width, style, lang(code));
        expectSoundLines(lines, joined(runs), width);
      }),
      { numRuns: 300, seed: SEED },
    );
  }, 60_000);

  it('names the character when the text holds a script the language\'s fonts lack', () => {
    const profile = fc.constantFrom(...PROFILES).chain(({ code, letters }) =>
      fc.tuple(fc.constant(code), text(letters).map((t) => covered(code, t)), fc.nat(), UNSUPPORTED));
    fc.assert(
      fc.property(profile, WIDTH, STYLE, ([code, ordinary, at, foreign], width, style) => {
        const i = at % (ordinary.length + 1);
        const input = ordinary.slice(0, i) + foreign + ordinary.slice(i);
        let error: unknown;
        try {
          layoutParagraph([{ text: input, bold: false }], width, style, lang(code));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(MissingGlyphError);
        expect((error as MissingGlyphError).codePoint).toBe(foreign.codePointAt(0));
      }),
      { numRuns: 150, seed: SEED },
    );
  }, 60_000);

  it('lays out empty and whitespace-only paragraphs as nothing or as blank lines', () => {
    const blank = fc.string({ unit: fc.constantFrom(' ', '\u00A0', '\t', '\u200B', '\u3000', '\u2028'), maxLength: 20 });
    fc.assert(
      fc.property(fc.constantFrom(...CODES), blank, WIDTH, STYLE, (code, spaces, width, style) => {
        const input = covered(code, spaces);
        const lines = layoutParagraph([{ text: input, bold: false }], width, style, lang(code));
        expectSoundLines(lines, input, width);
        for (const line of lines) expect(visible(line.text)).toBe('');
      }),
      { numRuns: 100, seed: SEED },
    );
  }, 60_000);
});

describe('inputs the fuzzing found', () => {
  const style = (size: number, bold = false): ParagraphStyle => ({ size, lineHeight: 14, align: 'start', bold, hyphenate: true });
  const FOUND: [string, string, string, number, number][] = [
    ['a space at the start left a blank first line', 'ar', ' trafficking', 50, 30],
    ['a bidi control at the start became a line of its own', 'en', '\u202Atrafficking', 1, 8],
    ['a word cut at hyphenation points gave lines wider than the column', 'en', 'internationalization', 5, 10],
    ['a bidi control at the end of a word became a line of its own', 'ko', '가\u202A', 1, 8],
    ['a bidi control after a space became a line of its own', 'ko', '가 \u202A', 1, 8],
    ['a tab before a bidi control became a line of its own', 'vi', 'a \t\u202A', 1, 8],
    ['a tab was drawn as the font\'s .notdef box', 'en', 'a\tb', 300, 10],
    ['a zero width space was drawn as a full-width .notdef box by a CJK font', 'ko', '\u200B', 50, 8],
    ['the Arabic tatweel (a Common letter only the Arabic font has) failed as a missing glyph', 'ar', 'ـ', 50, 10],
    ['Latin accents on a Thai letter crashed fontkit (TypeError) on an empty GPOS anchor', 'th', 'ฬ\u0303\u0300', 50, 10],
  ];

  it.each(FOUND)('%s', (_, code, input, width, size) => {
    expectSoundLines(layoutParagraph([{ text: input, bold: false }], width, style(size), lang(code)), input, width);
  });

  it('does not draw a soft hyphen inside a line, even where the font shares its glyph with the hyphen', () => {
    for (const code of ['zh', 'ko']) {
      const [line] = layoutParagraph([{ text: '一-二\u00AD三', bold: false }], 300, style(10), lang(code));
      expect(line.runs.flatMap((r) => r.glyphs)).toHaveLength(4); // 一 - 二 三
    }
  });
});

describe('one word of 5,000 characters', () => {
  const LONG: [string, string, string][] = [
    ['Latin', 'en', 'a'.repeat(5000)],
    ['Latin, hyphenatable', 'en', 'internationalization'.repeat(250)],
    ['Thai, no spaces', 'th', 'การค้ามนุษย์เป็นอาชญากรรมร้ายแรง'.repeat(160).slice(0, 5000)],
    ['Thai, one letter', 'th', 'ก'.repeat(5000)],
    ['CJK', 'zh', '中'.repeat(5000)],
    ['Hangul, keep-all', 'ko', '인신매매범은'.repeat(834).slice(0, 5000)],
    ['Arabic', 'ar', 'بالأشخاص'.repeat(625)],
    ['Devanagari', 'hi', 'किताब'.repeat(1000)],
    ['one base with 5,000 marks', 'en', 'a' + '\u0301'.repeat(4999)],
  ];
  const widths = [1, 5, 120];

  it.each(LONG)('%s: breaks into sound lines at 1, 5 and 120 pt', (_, code, word) => {
    for (const width of widths) {
      const lines = layoutParagraph([{ text: word, bold: false }], width, { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: true }, lang(code));
      expectSoundLines(lines, word, width);
    }
  }, 20_000);
});

describe('panel fitting of hostile text', () => {
  const KINDS: TextBlockKind[] = ['title', 'heading', 'paragraph', 'small', 'label', 'value', 'link'];
  const block = (t: fc.Arbitrary<string>): fc.Arbitrary<Block> => fc.oneof(
    fc.tuple(fc.constantFrom(...KINDS), spans(t)).map(([kind, s]): Block => ({ type: 'text', kind, spans: s })),
    fc.array(spans(t), { minLength: 1, maxLength: 3 }).map((items): Block => ({ type: 'list', items, icons: items.map(() => null) })),
    spans(t).map((s): Block => ({ type: 'callout', blocks: [{ type: 'text', kind: 'paragraph', spans: s }] })),
    // The caption of a QR code gets the column less the code: nothing, in a narrow one.
    spans(t).map((caption): Block => ({ type: 'qr', value: 'https://example.org', caption })),
    fc.constant<Block>({ type: 'spacer' }),
  );

  it('fits or fails with our own error (overflow, missing glyph), for any panel of random strings', () => {
    // Mostly text the fonts have, so that most panels get as far as fitting; some with anything at all.
    const strings = (code: string, letters: fc.Arbitrary<string>) => fc.oneof(
      { arbitrary: text(letters, [], 15).map((t) => covered(code, t)), weight: 4 },
      { arbitrary: text(letters, [EMOJI, BROKEN, UNSUPPORTED], 15), weight: 1 },
    );
    const panel = fc.constantFrom(...PROFILES).chain(({ code, letters }) =>
      fc.tuple(fc.constant(code), fc.array(block(strings(code, letters)), { maxLength: 5 })));
    const box = fc.record({ x: fc.constant(20), y: fc.constant(20), width: fc.integer({ min: 20, max: 300 }), height: fc.integer({ min: 50, max: 800 }) });
    fc.assert(
      fc.property(panel, box, ([code, blocks], b) => {
        const p: Panel = { name: 'fuzz', blocks };
        try {
          const fitted = fitPanel(p, b, lang(code), theme());
          expect(fitted.contentHeight).toBeLessThanOrEqual(b.height + 0.01);
          const numbers = fitted.items.flatMap((item) => Object.values(item).filter((v): v is number => typeof v === 'number'));
          expect(numbers.every(Number.isFinite)).toBe(true);
        } catch (error) {
          if (!(error instanceof PamphletError)) throw error;
        }
      }),
      { numRuns: 60, seed: SEED },
    );
  }, 120_000);
});
