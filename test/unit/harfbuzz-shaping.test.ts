import { hbFontOf, hbMemoryBytes, hbShape } from '../../src/text/harfbuzz';
import { LoadedFont } from '../../src/fonts/font-registry';
import { shape } from '../support/shape';
import { language } from '../support/build';

const glyphOf = (font: { face: { glyphForCodePoint(c: number): { id: number } } }, char: string) => font.face.glyphForCodePoint(char.codePointAt(0)!).id;

describe('shaping with HarfBuzz', () => {
  it('mirrors brackets in right-to-left text once: the paragraph has already mirrored them', () => {
    const font = language('ar').fonts.regular[0];
    // "(عرض)" as the paragraph hands it over at an odd level: mirrored (bidi rule L4).
    const { glyphs } = shape(')عرض(', font, true, 10);
    expect(glyphs[0].id).toBe(glyphOf(font, '('));
    expect(glyphs[glyphs.length - 1].id).toBe(glyphOf(font, ')'));
  });

  it('stacks a fatha above the shadda it follows (fontkit drew it below, where it reads as a kasra)', () => {
    const font = language('ar').fonts.regular[0];
    const { glyphs } = shape('دَّ', font, true, 10); // dal, fatha, shadda
    const fatha = glyphs.find((g) => g.id === glyphOf(font, '\u064E'))!;
    const shadda = glyphs.find((g) => g.id === glyphOf(font, '\u0651'))!;
    expect(fatha.yOffset).toBeGreaterThan(shadda.yOffset + 0.5);
  });

  it('gives each character its own cluster, shape after shape (the buffer keeps its cluster level when cleared)', () => {
    const hb = hbFontOf(language('en').fonts.regular[0]);
    // x and a combining acute: two glyphs; by graphemes (HarfBuzz's default level) both would be cluster 0.
    for (let i = 0; i < 3; i++) expect(hbShape(hb, [0x78, 0x301], false).map((g) => g.cluster)).toEqual([0, 1]);
  });

  it('gives a cluster\'s code points to its first glyph in logical order, none to the rest', () => {
    const font = language('vi').fonts.regular[0];
    const { glyphs } = shape('ọ', font, false, 10); // o and its dot below, one character
    expect(glyphs.length).toBe(2);
    expect(glyphs[0].codePoints).toEqual(['ọ'.codePointAt(0)]);
    expect(glyphs[1].codePoints).toEqual([]);
    expect(glyphs.map((g) => g.text).join('')).toBe('ọ');
  });

  it('shapes with the 10 MB Chinese font after others (HarfBuzz\'s memory grows) and turns features on', () => {
    language('ar').fonts.regular[0];
    const font = language('zh').fonts.regular[0];
    const hb = hbFontOf(font);
    expect(hbFontOf(font)).toBe(hb); // one HarfBuzz font per font file
    const plain = hbShape(hb, [...'中文，'].map((c) => c.codePointAt(0)!), false);
    expect(plain.map((g) => g.id)).toEqual([...'中文，'].map((c) => glyphOf(font, c)));
    expect(plain.map((g) => g.xAdvance)).toEqual([font.unitsPerEm, font.unitsPerEm, font.unitsPerEm]);
    const [halted] = hbShape(hb, ['，'.codePointAt(0)!], false, ['halt']);
    expect(halted.xAdvance).toBe(font.unitsPerEm / 2);
  });

  it('frees a font whose file changed within the process: HarfBuzz\'s memory does not grow with each new copy', () => {
    const font = language('en').fonts.regular[0];
    // The same file under another name, its bytes changing at every turn (a trailing byte that no table reads).
    const copies = [font.data, Buffer.concat([font.data, Buffer.alloc(1)])];
    const changing = (turn: number) => ({ ...font, file: `${font.file}.changing`, data: copies[turn % 2] }) as LoadedFont;
    const a = [...'Aa'].map((c) => c.codePointAt(0)!);
    const ids = hbShape(hbFontOf(changing(0)), a, false).map((g) => g.id);
    hbShape(hbFontOf(changing(1)), a, false);
    const before = hbMemoryBytes();
    // Each copy holds the font's shaping tables (hundreds of KB): kept, 40 copies would need megabytes more.
    for (let turn = 2; turn < 42; turn++) expect(hbShape(hbFontOf(changing(turn)), a, false).map((g) => g.id)).toEqual(ids);
    expect(hbMemoryBytes() - before).toBeLessThan(1 << 20);
  });
});
