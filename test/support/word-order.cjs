// How much of a text a reader gave back, word for word and in order: the
// longest common subsequence of the two word lists over the reference's word
// count. Words are what Intl.Segmenter finds in the language (Thai and Chinese
// have no spaces), so a reader that reorders, repeats or drops letters inside
// a word loses that word.
'use strict';

/**
 * Bidi embedding and isolate controls, which no letter of a translation is:
 * poppler (TextOutputDev.cc, reorderText) wraps every line of a page it
 * reads as right to left in U+202B…U+202C, and each left-to-right stretch in
 * it in U+202A…U+202C, whatever the PDF says; Intl.Segmenter glues such a
 * format character to the word before it, so the word would not be found.
 */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The word-like segments of a text, in order. */
function wordsOf(text, locale) {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return [...segmenter.segment(text.replace(BIDI_CONTROLS, '').normalize('NFC'))].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Length of the longest common subsequence of two word lists. */
function commonInOrder(a, b) {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** The positions in b of a longest common subsequence of a and b: of the one that lies latest in b. */
function latestMatches(a, b) {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i * width + j] = a[i - 1] === b[j - 1] ? table[(i - 1) * width + j - 1] + 1 : Math.max(table[(i - 1) * width + j], table[i * width + j - 1]);
    }
  }
  const positions = [];
  for (let i = a.length, j = b.length; i > 0 && j > 0;) {
    if (a[i - 1] === b[j - 1]) { positions.push(j - 1); i--; j--; }
    else if (table[(i - 1) * width + j] >= table[i * width + j - 1]) i--;
    else j--;
  }
  return positions.reverse();
}

/** The positions in b of the longest common subsequence of a and b that lies earliest in b. */
function earliestMatches(a, b) {
  return latestMatches([...a].reverse(), [...b].reverse()).map((p) => b.length - 1 - p).reverse();
}

/** The share (0..1) of the reference's words the extracted text gives in order, and the counts. */
function wordsInOrder(reference, extracted, locale) {
  const expected = wordsOf(reference, locale);
  const found = wordsOf(extracted, locale);
  const matched = commonInOrder(expected, found);
  return { share: expected.length ? matched / expected.length : 1, matched, words: expected.length };
}

/**
 * How well a reader gave back one page of panels (each panel's logical
 * text, in reading order): each panel's words are looked for in order in the
 * whole page's text, wherever the reader put the panel, and the matches are
 * summed over panels. Also whether each panel came out in one piece: no word
 * of another panel lies inside its core, from where the latest alignment
 * starts to where the earliest one ends (so that a stray match of a common
 * word far away does not stretch it), allowing 2 %.
 */
function panelsInOrder(panels, extracted, locale) {
  const found = wordsOf(extracted, locale);
  const alignments = panels.map((panel) => {
    const expected = wordsOf(panel, locale);
    const latest = latestMatches(expected, found);
    const earliest = earliestMatches(expected, found);
    const low = latest[0] ?? 0;
    const high = earliest[earliest.length - 1] ?? -1;
    return { words: expected.length, matched: latest.length, low, high, core: latest.filter((p) => p >= low && p <= high) };
  });
  const contiguous = alignments.map(({ low, high, core }, i) => {
    const own = new Set(core);
    const others = new Set(alignments.flatMap((a, k) => (k === i ? [] : a.core)).filter((p) => p > low && p < high && !own.has(p)));
    return others.size <= 0.02 * Math.max(0, high - low + 1);
  });
  const words = alignments.reduce((n, a) => n + a.words, 0);
  const matched = alignments.reduce((n, a) => n + a.matched, 0);
  return { share: words ? matched / words : 1, matched, words, contiguous };
}

module.exports = { wordsOf, wordsInOrder, panelsInOrder };
