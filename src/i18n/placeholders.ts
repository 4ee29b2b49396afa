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
 * Braces that are not a well-formed placeholder: `{{maxFine}` or `{maxFine}`
 * print as they are, so a reader would see them.
 */
export function brokenPlaceholder(text: string): string | null {
  const rest = text.replace(PLACEHOLDER, '');
  const match = /\{+[^{}]*\}*|\}+/.exec(rest);
  return match ? match[0] : null;
}

/** Fills placeholders with values; unknown names are left as they are. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
