import { applyEdits, FormattingOptions, modify, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { writeFileAtomic } from '../build/write-atomic';
import { INPUT_LIMITS, readInputText } from '../core/read-input';
import { PLURAL_CATEGORIES, splitPluralKey } from '../i18n/plural-forms';
import { Translation } from '../languages/language';

/** As the shipped files are written: two spaces, one string a line. */
const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * Where a key goes among its siblings, so a file stays in the source's order:
 * the sibling keys in source order, plural forms in CLDR order after their base.
 */
function orderIndex(order: string[], dotted: string): number {
  const plural = splitPluralKey(dotted);
  const at = order.indexOf(dotted);
  if (at >= 0) return at * 10;
  if (plural) {
    const base = order.findIndex((k) => splitPluralKey(k)?.base === plural.base);
    if (base >= 0) return base * 10 + PLURAL_CATEGORIES.indexOf(plural.category);
  }
  return Number.MAX_SAFE_INTEGER;
}

export interface TranslationEdit {
  /** Dotted key -> new text. */
  strings: Map<string, string>;
  /** The whole `sources` map to write, in order. */
  sources: Record<string, string>;
}

/**
 * The translation file's text with only the edited strings and the `sources`
 * map changed: `meta`, every other string, comments of layout and line ends
 * stay byte for byte as they were. A new key goes where the source language
 * has it (`sourceOrder`: the source's dotted keys in order).
 */
export function editTranslationText(text: string, edit: TranslationEdit, sourceOrder: string[]): string {
  let result = text;
  for (const [key, value] of edit.strings) {
    const path = ['strings', ...key.split('.')];
    const tree = parseTree(result);
    const exists = tree && findNodeAtLocation(tree, path);
    const edits = modify(result, path, value, {
      formattingOptions: FORMAT,
      getInsertionIndex: exists ? undefined : (properties) => {
        const parent = key.split('.').slice(0, -1);
        const mine = orderIndex(sourceOrder, key);
        const siblings = properties.map((p) => orderIndex(sourceOrder, [...parent, p].join('.')));
        const after = siblings.findIndex((i) => i > mine);
        return after < 0 ? properties.length : after;
      },
    });
    result = applyEdits(result, edits);
  }
  result = applyEdits(result, modify(result, ['sources'], edit.sources, { formattingOptions: FORMAT }));
  return result.endsWith('\n') ? result : `${result}\n`;
}

/** The `sources` map in the order of the source's keys (plural forms in CLDR order), so a diff shows only what changed. */
export function orderedSources(sources: Record<string, string>, sourceOrder: string[]): Record<string, string> {
  const keys = Object.keys(sources).sort((a, b) => orderIndex(sourceOrder, a) - orderIndex(sourceOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, sources[k]]));
}

/** Reads the translation's text again (bounded, as every input) and writes it back edited, atomically. */
export function writeTranslationEdit(translation: Translation, edit: TranslationEdit, sourceOrder: string[]): { changed: boolean } {
  const before = readInputText(translation.file, { maxBytes: INPUT_LIMITS.jsonBytes, place: { file: translation.file, language: translation.code } });
  const after = editTranslationText(before, { ...edit, sources: orderedSources(edit.sources, sourceOrder) }, sourceOrder);
  if (after === before) return { changed: false };
  writeFileAtomic(translation.file, Buffer.from(after, 'utf8'));
  return { changed: true };
}
