// How much of a text a reader gave back, word for word and in order: the
// longest common subsequence of the two word lists over the reference's word
// count. Words are what Intl.Segmenter finds in the language (Thai and Chinese
// have no spaces), so a reader that reorders, repeats or drops letters inside
// a word loses that word.
'use strict';

/** The word-like segments of a text, in order. */
function wordsOf(text, locale) {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return [...segmenter.segment(text.normalize('NFC'))].filter((s) => s.isWordLike).map((s) => s.segment);
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

/** The share (0..1) of the reference's words the extracted text gives in order, and the counts. */
function wordsInOrder(reference, extracted, locale) {
  const expected = wordsOf(reference, locale);
  const found = wordsOf(extracted, locale);
  const matched = commonInOrder(expected, found);
  return { share: expected.length ? matched / expected.length : 1, matched, words: expected.length };
}

module.exports = { wordsOf, wordsInOrder };
