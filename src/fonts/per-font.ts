import type { LoadedFont } from './font-registry';

/**
 * `answer` remembered per font and key for the process: for what fontkit
 * would otherwise work out again at every call (a cmap lookup, a glyph's
 * metrics). A font's answers go with the font.
 */
export function perFont<K, V>(answer: (font: LoadedFont, key: K) => V): (font: LoadedFont, key: K) => V {
  const answers = new WeakMap<LoadedFont, Map<K, V>>();
  return (font, key) => {
    let known = answers.get(font);
    if (!known) answers.set(font, (known = new Map()));
    if (known.has(key)) return known.get(key)!;
    const value = answer(font, key);
    known.set(key, value);
    return value;
  };
}
