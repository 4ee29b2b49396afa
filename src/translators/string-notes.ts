import * as path from 'node:path';
import { readTemplate } from '../template/render-markup';
import { COUNT_PLACEHOLDER, placeholdersOf } from '../i18n/placeholders';
import { splitPluralKey } from '../i18n/plural-forms';
import { PamphletData } from '../facts/load-data';
import { formatFacts } from '../facts/format-facts';
import { LanguageMeta } from '../languages/language';

/** Where a string prints: which template, which panel, as what. */
export interface StringUse {
  template: string;
  panel: string;
  element: string;
}

/** What each block of the document markup is, for a translator. */
const ELEMENTS: Record<string, string> = {
  title: 'the title, in the largest type',
  lead: 'the lead sentence under the title',
  h: 'a panel heading',
  h3: 'a small heading',
  p: 'a paragraph',
  li: 'an item of a list',
  callout: 'a boxed warning',
  label: 'a label beside a number or a contact',
  value: 'a value beside its label',
  issuer: 'the issuer line at the foot of the cover',
  small: 'small print',
  link: 'a web address line',
  writein: 'a label above lines to write on',
  qr: 'the caption of the QR code',
  band: 'display text on the colour band',
};

/** `{{t "key"}}`, or `{{t (concat "prefix." id)}}` for a family of keys. */
const T_CALL = /\{\{t\s+(?:"([^"]+)"|\(concat\s+"([^"]+)"[^)]*\))/g;
const PANEL = /<panel\s+name="([^"]+)"/g;
const OPEN_TAG = /<([a-z][a-z0-9]*)\b[^>]*?(\/?)>/g;

/** Every string key each template prints, with its panel and the block it is in. A prefix (help.contact.) stands for its family. */
export function stringUses(templates: string[]): Map<string, StringUse[]> {
  const uses = new Map<string, StringUse[]>();
  for (const file of templates) {
    const text = readTemplate(file);
    const panels = [...text.matchAll(PANEL)].map((m) => ({ at: m.index!, name: m[1] }));
    for (const call of text.matchAll(T_CALL)) {
      const key = call[1] ?? call[2];
      const at = call.index!;
      const panel = panels.filter((p) => p.at < at).pop()?.name ?? '?';
      // The innermost block opened before the call, on its line or the lines just above.
      const before = text.slice(Math.max(0, at - 400), at);
      const tags = [...before.matchAll(OPEN_TAG)].filter((m) => !m[2] && m[1] in ELEMENTS).map((m) => m[1]);
      const element = tags.length ? ELEMENTS[tags[tags.length - 1]] : 'text';
      const list = uses.get(key) ?? [];
      list.push({ template: path.basename(file), panel, element });
      uses.set(key, list);
    }
  }
  return uses;
}

/** The uses of one dotted key: its own, its family's (help.contact.hotline from "help.contact."), its plural base's. */
export function usesOf(key: string, uses: Map<string, StringUse[]>): StringUse[] {
  const base = splitPluralKey(key)?.base ?? key;
  const own = uses.get(base) ?? [];
  const family = [...uses.entries()].filter(([k]) => k.endsWith('.') && base.startsWith(k)).flatMap(([, u]) => u);
  return [...own, ...family];
}

/** How long a translation may be: English's length with room for longer languages; the fit check has the last word. */
export function lengthBudget(english: string): number {
  const visible = english.replace(/<[^>]+>/g, '').replace(/\{\{[^}]+\}\}/g, 'xxxxxxxxxx');
  return Math.ceil([...visible].length * 1.3 + 10);
}

/**
 * The note a translator reads beside a string in a CAT tool: what it is,
 * where it prints, how long it may be, and what its placeholders stand for
 * (as this language prints them).
 */
export function stringNote(key: string, english: string, uses: Map<string, StringUse[]>, data: PamphletData | null, meta: LanguageMeta): string {
  const where = usesOf(key, uses);
  const places = [...new Set(where.map((u) => `${u.template}, panel "${u.panel}" (${u.element})`))];
  const lines: string[] = [];
  lines.push(places.length ? `Prints in ${places.join('; ')}.` : 'Not printed by the shipped templates (kept for other pieces).');
  const plural = splitPluralKey(key);
  if (plural) lines.push(`Plural form "${plural.category}": used when {{count}} is a number of this form in ${meta.englishName}.`);
  const visible = [...english.replace(/<[^>]+>/g, '')].length;
  lines.push(`Length: English has ${visible} characters; keep within about ${lengthBudget(english)} (pamphlet check says if a panel does not fit).`);
  const names = placeholdersOf(english);
  if (names.length) {
    const values = data ? formatFacts(data.facts, meta) : {};
    const meaning = (name: string) => {
      if (name === COUNT_PLACEHOLDER) return 'a number; it also chooses the plural form';
      const fact = data?.facts[name];
      if (!fact) return 'a fact from the data';
      const printed = values[name]?.replace(/[\u2066-\u2069]/g, '');
      const source = data?.sources[fact.source]?.title;
      return `${fact.type === 'date' ? 'a date' : fact.type === 'amount' ? 'an amount of money' : 'a fact'}, printed "${printed}"${source ? ` (from ${source.length > 80 ? `${source.slice(0, 80)}…` : source})` : ''}`;
    };
    lines.push(`Placeholders (keep each name exactly as written, move it where the sentence needs it): ${names.map((n) => `{{${n}}} = ${meaning(n)}`).join('; ')}.`);
  }
  if (/<(b|nobr|br)\b/.test(english)) lines.push('Markup: <b>…</b> bold, <nobr>…</nobr> words kept on one line, <br> a line break; keep them around the matching words.');
  return lines.join(' ');
}
