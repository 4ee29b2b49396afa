/**
 * Placeholders in translated strings: `{{maxFine}}` is filled in with a fact
 * formatted for the language, `{{count}}` with the number a plural form is for.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

/** The placeholder the template fills in for plural forms. */
export const COUNT_PLACEHOLDER = 'count';

/** The names of the placeholders in a string, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * A placeholder whose name is not one pamphlet can fill: most often the
 * English name translated (`{{tiềnPhạtTốiĐa}}` for `{{maxFine}}`). Letters of
 * any script, digits, marks, `_` and `-`.
 */
const OTHER_NAMED_PLACEHOLDER = /\{\{\s*([\p{L}\p{M}\p{N}_-]+)\s*\}\}/gu;

/** The names of placeholders that are well formed but not plain English names (`tiềnPhạtTốiĐa`), in order of first use. */
export function foreignPlaceholdersOf(text: string): string[] {
  return [...new Set([...text.replace(PLACEHOLDER, '').matchAll(OTHER_NAMED_PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Braces that are not a well-formed placeholder: `{{maxFine}` or `{maxFine}`
 * print as they are, so a reader would see them.
 */
export function brokenPlaceholder(text: string): string | null {
  const rest = text.replace(PLACEHOLDER, '').replace(OTHER_NAMED_PLACEHOLDER, '');
  const match = /\{+[^{}]*\}*|\}+/.exec(rest);
  return match ? match[0] : null;
}

/** Fills placeholders with values; unknown names are left as they are. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
