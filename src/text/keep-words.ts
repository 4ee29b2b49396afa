import { BreakOpportunity } from './break-opportunities';
import { unbreakableUnit } from './unbreakable-unit';

/** Spaces a keep word's space stands for: a translator may have typed a no-break space. */
const SPACES = /[ \u00A0\u202F]/g;

/** A language's keep words with their spaces made plain, as typed and in lower case: made once per list, as every paragraph searches it. */
const searched = new WeakMap<readonly string[], { asTyped: string[]; lower: string[] }>();

function needles(keepWords: readonly string[]): { asTyped: string[]; lower: string[] } {
  let made = searched.get(keepWords);
  if (!made) {
    const asTyped = keepWords.map((word) => word.replace(SPACES, ' '));
    searched.set(keepWords, (made = { asTyped, lower: asTyped.map((word) => word.toLowerCase()) }));
  }
  return made;
}

/**
 * Removes the break opportunities strictly inside an occurrence of one of the
 * language's keep words (language data: meta.keepWords). A dictionary word
 * segmenter cuts compounds that a reader sees as one word (Thai ผู้ค้า|มนุษย์,
 * สถาน|กงสุล); the list puts them back together. A keep word may begin with
 * a space: " ๆ" keeps the Thai repetition mark off the start of a line.
 * Only removes: where a segmenter found no boundary, a keep word adds none,
 * since a short word inside a longer one ("ใจดี" in "น้ำใจดี") would then
 * split the longer one. A word that does not fit a line is left as it is,
 * and `gaveWay` is told.
 * Required (forced) breaks are always kept.
 */
export function keepWordsWhole(
  text: string,
  opportunities: BreakOpportunity[],
  keepWords: readonly string[],
  fitsLine: (start: number, end: number) => boolean = () => true,
  gaveWay: () => void = () => {},
): BreakOpportunity[] {
  if (keepWords.length === 0 || opportunities.length === 0) return opportunities;
  // Same length as the text, so that indices carry over; in any case ("Mua bán người" at a sentence start),
  // unless lower case changes a length (Turkish İ), where the text is matched as it is.
  const spaced = text.replace(SPACES, ' ');
  const lower = spaced.toLowerCase();
  const caseless = lower.length === spaced.length;
  const haystack = caseless ? lower : spaced;
  const positions = opportunities.map((o) => o.position).sort((a, b) => a - b);
  const inside = new Set<number>();
  for (const needle of needles(keepWords)[caseless ? 'lower' : 'asTyped']) {
    if (needle.length < 2) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      // A word wider than a whole line (a title's "Mua bán người" at 30 pt) breaks where it may, rather than be cut between letters.
      if (!fitsLine(...unbreakableUnit(text, positions, at, at + needle.length))) {
        gaveWay();
        continue;
      }
      for (let p = at + 1; p < at + needle.length; p++) inside.add(p);
    }
  }
  return inside.size === 0 ? opportunities : opportunities.filter((o) => o.required || !inside.has(o.position));
}
