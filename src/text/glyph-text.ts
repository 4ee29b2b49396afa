/**
 * What text each shaped glyph stands for, so that a PDF reader that reads
 * the glyphs one by one (pdf.js, poppler, MuPDF all do, through the font's
 * ToUnicode map) gives back exactly the text that was shaped.
 *
 * A shaper does not map glyphs to characters one to one: it joins letters
 * into one glyph (ligatures, Devanagari conjuncts), splits one letter into
 * several (an Arabic skeleton and its dots, a Vietnamese "ọ" and its dot
 * below), and moves glyphs (the Devanagari i-matra goes before its
 * consonant). Fontkit tells us only which code points each glyph came from,
 * the first glyph of a split letter taking them all. So we group glyphs into
 * clusters, the smallest runs of glyphs that stand for a contiguous run of
 * the text, and give a cluster's whole text to its first glyph in the order
 * the glyphs are written; its other glyphs stand for nothing.
 */

/** Zero-width glyphs of default-ignorable characters (joiners): shaped, but never drawn. */
export function isInvisible(glyph: { xAdvance: number; codePoints: readonly number[] }): boolean {
  return glyph.xAdvance === 0 && glyph.codePoints.length > 0 &&
    glyph.codePoints.every((c) => /\p{Default_Ignorable_Code_Point}/u.test(String.fromCodePoint(c)));
}

interface Span {
  start: number;
  end: number;
}

/**
 * The text of each glyph of `glyphs` (in visual order, the order they are
 * written), such that joined in that order they give `text`, which is what
 * was shaped. For a right-to-left run (`rtl`), glyphs are clustered in
 * logical order, and the text goes in backwards: readers reverse text drawn
 * right to left back to logical order.
 */
export function glyphTexts(glyphs: readonly Glyph[], text: string, rtl = false): string[] {
  const chars = Array.from(text, (c) => c.codePointAt(0)!);
  const logical = glyphs.map((_, i) => (rtl ? glyphs.length - 1 - i : i));
  const spans = matchSpans(logical.map((i) => glyphs[i].codePoints), chars);
  const texts = glyphs.map(() => '');
  const n = glyphs.length;
  // suffixMin[k]: the first character any glyph from k on (in logical order) stands for.
  const suffixMin = new Array<number>(n + 1).fill(Infinity);
  for (let k = n - 1; k >= 0; k--) suffixMin[k] = Math.min(suffixMin[k + 1], spans[k]?.start ?? Infinity);
  let clusterStart = 0;
  let charStart = 0;
  let charEnd = 0;
  for (let k = 0; k < n; k++) {
    const span = spans[k];
    if (span) charEnd = Math.max(charEnd, span.end);
    // A cluster ends where no later glyph stands for a character before this one's end.
    const last = k === n - 1;
    if (!last && suffixMin[k + 1] < charEnd) continue;
    // Glyphs with no text found (fontkit gives a glyph shared by several letters the code points of its first use) join the next cluster.
    if (!last && spans.slice(clusterStart, k + 1).every((s) => s === null)) continue;
    // Glyphs that came from no character (the second part of a letter the font splits: Thai sara am's aa, an Arabic
    // letter's dots) go with the glyph before them.
    while (k + 1 < n && spans[k + 1] === null) k++;
    const end = k === n - 1 ? chars.length : charEnd;
    const members = logical.slice(clusterStart, k + 1).sort((a, b) => a - b);
    shareOut(glyphs, members, chars.slice(charStart, end), rtl, texts);
    clusterStart = k + 1;
    charStart = end;
  }
  return texts;
}

type Glyph = { xAdvance: number; codePoints: readonly number[] };

/**
 * Gives the cluster's characters to its glyphs (`members`, in writing
 * order), one each and the rest to the first, so that as few glyphs as
 * possible stand for nothing. A cluster of more glyphs than characters (a
 * letter and its dot below) is decomposed first: "ọ" reads as "o" and a
 * combining dot below. The glyphs that advance (bases) take the characters
 * before those that do not (marks, dots).
 */
function shareOut(glyphs: readonly Glyph[], members: number[], cluster: number[], reverse: boolean, texts: string[]): void {
  let visible = members.filter((i) => !isInvisible(glyphs[i]));
  if (visible.length === 0) visible.push(members[0]);
  // Marks (no advance) stand for nothing where the glyphs that advance can take every character: a reader
  // puts a mark's text where the mark sits, often apart from its letter ("ا ٔ" for "أ").
  const bases = visible.filter((i) => glyphs[i].xAdvance !== 0);
  if (bases.length > 0 && bases.length <= cluster.length) visible = bases;
  let chars = cluster.length < visible.length ? Array.from(String.fromCodePoint(...cluster).normalize('NFD'), (c) => c.codePointAt(0)!) : cluster;
  if (reverse) chars = chars.slice().reverse();
  const bearers = chars.length >= visible.length ? visible
    : [...visible.filter((i) => glyphs[i].xAdvance !== 0), ...visible.filter((i) => glyphs[i].xAdvance === 0)].slice(0, chars.length).sort((a, b) => a - b);
  if (bearers.length === 0) return;
  const extra = chars.length - bearers.length;
  let at = 0;
  bearers.forEach((glyph, n) => {
    const take = n === 0 ? 1 + extra : 1;
    texts[glyph] = String.fromCodePoint(...chars.slice(at, at + take));
    at += take;
  });
}

/**
 * Which characters of the text each glyph's code points are: the first
 * unused place where they occur, searched from the first unused character
 * (a shaper moves glyphs only within a cluster). Null for a glyph that came
 * from no character, or whose code points are not found.
 */
function matchSpans(codePoints: readonly (readonly number[])[], chars: readonly number[]): (Span | null)[] {
  const used = new Array<boolean>(chars.length).fill(false);
  let firstUnused = 0;
  return codePoints.map((cps) => {
    if (cps.length === 0) return null;
    for (let p = firstUnused; p + cps.length <= chars.length; p++) {
      let fits = true;
      for (let j = 0; j < cps.length && fits; j++) fits = !used[p + j] && chars[p + j] === cps[j];
      if (!fits) continue;
      for (let j = 0; j < cps.length; j++) used[p + j] = true;
      while (firstUnused < chars.length && used[firstUnused]) firstUnused++;
      return { start: p, end: p + cps.length };
    }
    return null;
  });
}
