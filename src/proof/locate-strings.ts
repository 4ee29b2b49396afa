import { PLURAL_CATEGORIES } from '../i18n/plural-forms';
import { flattenStrings } from '../languages/load-translations';
import { Translation } from '../languages/language';
import { StringUse } from '../translators/string-notes';

/** A line of text on a proof page, as MuPDF reads it back: its box in points from the top left. */
export interface PageLine {
  page: number;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A string found on the page: its number on the proof, its key, and the box of its first line. */
export interface LocatedString {
  number: number;
  key: string;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text as compared: no markup, bidi or isolate marks, soft hyphens or zero-width characters; spaces collapsed. */
export function comparable(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The start of a string as it prints: facts filled in as the language prints them, up to a placeholder left ({{count}}), at most 24 characters. */
function startOf(text: string, facts: Record<string, string>, length = 24): string {
  const filled = comparable(text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => facts[name] ?? whole));
  return [...filled.split('{{')[0].trim()].slice(0, length).join('');
}

/**
 * Finds where each translated string the templates print starts on the
 * pages: the line whose text begins the string (a string's first line
 * starts a block), each line given to the string it shares the most text with. Each string is numbered in reading order of its first
 * place; a string printed several times (the help strip) is found at each.
 */
export function locateStrings(lines: PageLine[], translation: Translation, uses: Map<string, StringUse[]>, facts: Record<string, string>): { located: LocatedString[]; missing: string[] } {
  const strings = flattenStrings(translation.strings);
  const printed = [...strings.keys()].filter((key) => {
    const base = key.replace(new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`), '');
    return uses.has(base) || [...uses.keys()].some((k) => k.endsWith('.') && base.startsWith(k));
  });
  const found: Omit<LocatedString, 'number'>[] = [];
  const printedText = new Map(printed.map((key) => [key, startOf(strings.get(key)!, facts, Infinity)]));
  const commonLength = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  // Each line is the start of at most one string: of those it could start, the one it shares the most text with.
  lines.forEach((line) => {
    const text = comparable(line.text);
    if (!text) return;
    let best: string | null = null;
    let bestLength = 0;
    for (const [key, full] of printedText) {
      if (!full) continue;
      const starts = text.startsWith([...full].slice(0, 24).join('')) || (full.startsWith(text) && text.length >= Math.min(6, full.length));
      const length = commonLength(text, full);
      if (starts && length > bestLength) [best, bestLength] = [key, length];
    }
    if (!best) return;
    // Keys whose strings read the same (a heading and a group name, "Before you go") all start here: each is findable.
    const same = printedText.get(best);
    for (const [key, full] of printedText) if (key === best || full === same) found.push({ key, page: line.page, x: line.x, y: line.y, w: line.w, h: line.h });
  });
  // A plural string prints in one form per number: the others are not missing.
  const baseOf = (key: string) => key.replace(new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`), '');
  const missing = printed.filter((key) => !found.some((f) => baseOf(f.key) === baseOf(key)));
  // Reading order on the sheet: page, then column (a third of the page), then top to bottom.
  found.sort((a, b) => a.page - b.page || Math.floor(a.x / 200) - Math.floor(b.x / 200) || a.y - b.y);
  const numbers = new Map<string, number>();
  const located = found.map((f) => {
    if (!numbers.has(f.key)) numbers.set(f.key, numbers.size + 1);
    return { number: numbers.get(f.key)!, ...f };
  });
  return { located, missing };
}
