/** Characters that would break a one-line message or hide in it: controls, format characters (bidi), line separators. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu;

/** A key in double quotes, with anything unprintable written as \uXXXX, so a message stays one readable line. */
export function quoteKey(key: string): string {
  return JSON.stringify(key).replace(UNPRINTABLE, (c) => [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}

/** A path in a JSON document as dotted keys ("strings.cover.title"); a key that is empty, has spaces, dots or unprintable characters is quoted. */
export function keyPath(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' || /^[^\s."\\\p{C}\p{Z}]+$/u.test(part) ? String(part) : quoteKey(part))).join('.');
}
