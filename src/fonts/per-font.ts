import type { LoadedFont } from './font-registry';

/**
 * `answer` remembered per font and key for the process: for what fontkit
 * would otherwise work out again at every call (a cmap lookup, a glyph's
 * metrics, a glyph's bytes). A font's answers go with the font (a loaded
 * font, or fontkit's face). An answer that throws is not remembered.
 */
export function perFont<K, V, F extends object = LoadedFont>(answer: (font: F, key: K) => V): (font: F, key: K) => V {
  const answers = new WeakMap<F, Map<K, V>>();
  return (font, key) => {
    let known = answers.get(font);
    if (!known) answers.set(font, (known = new Map()));
    if (known.has(key)) return known.get(key)!;
    const value = answer(font, key);
    known.set(key, value);
    return value;
  };
}
