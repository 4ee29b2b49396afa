// The order a line's runs are written in (src/render/stream-order.ts): a
// right-to-left line in two fonts goes out in stretches of one font in
// logical order, and the space between them rides on the later stretch; the
// space before a word-final mark rides on the letter before it.
import { streamOrder } from '../../src/render/stream-order';
import { layoutParagraph } from '../../src/text/paragraph';
import { ParagraphStyle, PlacedRun, TypesetLine } from '../../src/text/types';
import { language } from '../support/build';

const style: ParagraphStyle = { size: 10, lineHeight: 14, align: 'start', bold: false, hyphenate: false };
const oneLine = (code: string, spans: { text: string; bold: boolean }[]): TypesetLine => {
  const lines = layoutParagraph(spans, 1000, style, language(code));
  expect(lines).toHaveLength(1);
  return lines[0];
};
/** The text a reader reads from one run's glyph codes, in logical order (right-to-left runs are stored backwards). */
const runText = (run: PlacedRun, order: ReturnType<typeof streamOrder>) => {
  const chars = [...run.glyphs.filter((g) => !order.dropped.has(g)).map((g) => g.text + (order.spaceAfter.has(g) ? ' ' : '')).join('')];
  return (run.rtl ? chars.reverse() : chars).join('');
};
const stretchTexts = (line: TypesetLine) => {
  const order = streamOrder(line);
  const stretches: PlacedRun[][] = [];
  for (const run of order.runs) {
    const last = stretches[stretches.length - 1];
    if (last && last[0].font.key === run.font.key) last.push(run); else stretches.push([run]);
  }
  // Each stretch is written left to right; a reader puts its right-to-left text back in logical order.
  return stretches.map((s) => [...s].sort((a, b) => b.x - a.x).map((r) => runText(r, order)).join(''));
};

describe('stream order of a line', () => {
  it('writes an Arabic line that starts with a bold word bold first, the space before the regular words', () => {
    const line = oneLine('ar', [{ text: 'تهريب المهاجرين', bold: true }, { text: ' هو مساعدة شخص', bold: false }]);
    const order = streamOrder(line);
    expect(order.runs[0].font.key).toMatch(/bold/);
    // The stretches each go in a span of their own (stretch-span.ts): the bold one, then the regular one.
    expect(order.stretches.map((s) => s.map((r) => r.font.key))).toEqual([[order.runs[0].font.key], order.runs.slice(1).map((r) => r.font.key)]);
    expect(order.stretches.flat()).toEqual(order.runs);
    expect(order.dropped.size).toBe(1);
    expect(stretchTexts(line)).toEqual(['تهريب المهاجرين', ' هو مساعدة شخص']);
    expect(stretchTexts(line).join('')).toBe(line.text);
  });

  it('puts the space before a word-final mark into the letter to its left, whose code spans the space', () => {
    const line = oneLine('ar', [{ text: 'الأجر عالٍ بشكل', bold: false }]);
    const order = streamOrder(line);
    const stream = order.runs.flatMap((r) => r.glyphs);
    const space = stream.find((g) => order.dropped.has(g))!;
    expect(space.text).toBe(' ');
    // In the stream: the letter, the dropped space, then the mark of "عالٍ" with no advance.
    const at = stream.indexOf(space);
    expect(order.widened.get(stream[at - 1])).toBe(space.xAdvance);
    expect(order.spaceAfter.has(stream[at - 1])).toBe(true);
    expect(stream[at + 1].xAdvance).toBe(0);
    expect(stream[at + 1].text).toBe('\u064D');
    // Read as pdf.js reads one right-to-left item: the codes' texts in stream order, reversed.
    const read = [...stream.filter((g) => !order.dropped.has(g)).map((g) => g.text + (order.spaceAfter.has(g) ? ' ' : '')).join('')].reverse().join('');
    expect(read).toBe(line.text);
  });

  it('leaves the spaces of words without a final mark alone', () => {
    const order = streamOrder(oneLine('ar', [{ text: 'الأجر بشكل واحد', bold: false }]));
    expect(order.dropped.size + order.widened.size + order.spaceAfter.size).toBe(0);
  });

  it('keeps a line in one font and one direction, and a left-to-right line, in plain left-to-right order', () => {
    const arabic = oneLine('ar', [{ text: 'حتى مليون دولار كندي،', bold: false }]);
    const english = oneLine('en', [{ text: 'Human trafficking', bold: true }, { text: ' is a crime', bold: false }]);
    for (const line of [arabic, english]) {
      const order = streamOrder(line);
      expect(order.runs).toEqual([...line.runs].sort((a, b) => a.x - b.x));
      expect(order.dropped.size + order.spaceAfter.size + order.widened.size).toBe(0);
    }
    // The Arabic line is one stretch; the English one none (no spans).
    expect(streamOrder(arabic).stretches).toEqual([[...arabic.runs].sort((a, b) => a.x - b.x)]);
    expect(streamOrder(english).stretches).toEqual([]);
  });
  describe('a right-to-left line with a number or a Latin word', () => {
    /** The logical text of each stretch, in stream order. */
    const stretchesAsRead = (order: ReturnType<typeof streamOrder>) =>
      order.stretches.map((stretch) => [...stretch].sort((a, b) => (a.rtl ? b.x - a.x : a.x - b.x)).map((r) => runText(r, order)).join(''));

    it('writes the stretches of one font and one direction in logical order, the number after the words before it', () => {
      const line = oneLine('ar', [{ text: 'منذ 28 يونيو 2002، يُجرِّمه قانون', bold: false }]);
      const order = streamOrder(line);
      expect(order.stretches.map((s) => s.every((r) => r.rtl))).toEqual([true, false, true, false, true]);
      expect(stretchesAsRead(order).map((t) => t.trim())).toEqual(['منذ', '28', 'يونيو', '2002', '، يُجرِّمه قانون']);
      // Each stretch goes out left to right, starting further left than the one before it.
      const starts = order.stretches.map((s) => Math.min(...s.map((r) => r.x)));
      expect(starts).toEqual([...starts].sort((a, b) => b - a));
    });

    it('takes the space before a number out of the words before it, into a seam of its own, and pulls the pen back a space short of the number', () => {
      const line = oneLine('ar', [{ text: 'منذ 28 يونيو', bold: false }]);
      const order = streamOrder(line);
      const [words, number] = order.stretches;
      const seam = order.seams.get(number)!;
      expect(seam.glyphs.map((g) => g.glyph.text)).toEqual([' ']);
      expect(order.dropped.has(seam.glyphs[0].glyph)).toBe(true);
      const numberStart = number[0].x + number[0].glyphs[0].xOffset;
      // The space ends where the number starts (MuPDF goes on from there on the same line).
      expect(seam.glyphs[0].x + seam.glyphs[0].glyph.xAdvance).toBeCloseTo(numberStart, 6);
      // The last glyph of "منذ" in the stream, its rightmost, is the one pulled back, to one space before the number.
      const rightmost = words[words.length - 1].glyphs.filter((g) => g.text !== '').pop()!;
      expect(seam.last).toBe(rightmost);
      expect(order.pulledBack.get(rightmost)).toBeCloseTo(numberStart - seam.glyphs[0].glyph.xAdvance, 6);
      // The space after the number rides on the first letter of "يونيو", whose code spans it (poppler).
      const after = order.stretches[2].flatMap((r) => r.glyphs);
      const letter = [...after].reverse().find((g) => g.text.trim() !== '')!;
      expect(order.spaceAfter.has(letter)).toBe(true);
      expect(order.widened.get(letter)).toBeGreaterThan(0);
      expect(seam.penAt).toBeLessThan(numberStart);
    });

    it('writes the space and the bracket before a Latin word in logical order, the bracket where its ink is', () => {
      const line = oneLine('ar', [{ text: 'الهجرة وحماية اللاجئين (IRPA)', bold: false }]);
      const order = streamOrder(line);
      const latin = order.stretches.find((s) => !s[0].rtl)!;
      const seam = order.seams.get(latin)!;
      expect(seam.glyphs.map((g) => g.glyph.text)).toEqual([' ', '(']);
      const bracket = seam.glyphs[1];
      const run = bracket.run;
      const inkAt = run.x + run.glyphs.slice(0, run.glyphs.indexOf(bracket.glyph)).reduce((w, g) => w + g.xAdvance, 0) + bracket.glyph.xOffset;
      expect(bracket.x).toBeCloseTo(inkAt, 6);
      expect(seam.glyphs[0].x + seam.glyphs[0].glyph.xAdvance).toBeCloseTo(bracket.x, 6);
    });

    it('writes punctuation alone after a number right to left, in logical order', () => {
      const line = oneLine('ar', [{ text: 'منذ 25 نوفمبر (المادة 279.01):', bold: false }]);
      const order = streamOrder(line);
      const last = order.stretches[order.stretches.length - 1];
      expect(last.every((r) => order.backwards.has(r))).toBe(true);
      expect(last.flatMap((r) => r.glyphs.map((g) => g.text)).join('')).toBe(':)');
    });

    it('pulls the pen after a number back to the punctuation drawn to its left, which MuPDF would put on a line of its own', () => {
      const line = oneLine('ar', [{ text: 'في المادة 118.', bold: false }]);
      const order = streamOrder(line);
      const [number, stop] = order.stretches.slice(-2);
      expect(number.flatMap((r) => r.glyphs.map((g) => g.text)).join('')).toBe('118');
      expect(stop.flatMap((r) => r.glyphs.map((g) => g.text)).join('')).toBe('.');
      const eight = number[number.length - 1].glyphs[number[number.length - 1].glyphs.length - 1];
      expect(order.pulledBack.get(eight)).toBeCloseTo(stop[0].x + stop[0].glyphs[0].xOffset, 6);
    });

    it('needs no seam where no space comes before the number', () => {
      const order = streamOrder(oneLine('ar', [{ text: 'المادة279 هنا', bold: false }]));
      expect(order.stretches).toHaveLength(3);
      expect(order.seams.size + order.pulledBack.size).toBe(0);
    });

    it('keeps a line whose seam it cannot bridge in stretches of one font, as before', () => {
      const line = oneLine('ar', [{ text: 'منذ 28 يونيو', bold: false }]);
      // The space before the number set off the baseline: it cannot go out in a text object of its own where it is.
      const runs = line.runs.map((r) => ({ ...r, glyphs: r.glyphs.map((g) => (g.text === ' ' ? { ...g, yOffset: 1 } : g)) }));
      const order = streamOrder({ ...line, runs });
      expect(order.stretches).toHaveLength(1);
      expect(order.seams.size + order.pulledBack.size + order.backwards.size).toBe(0);
    });
  });
});
