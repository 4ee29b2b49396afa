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

  it('keeps a line in one font, and a left-to-right line, in plain left-to-right order', () => {
    const arabic = oneLine('ar', [{ text: 'حتى 1,000,000 دولار كندي،', bold: false }]);
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
});
