import * as fs from 'node:fs';
import Handlebars from 'handlebars';
import { PamphletError } from '../core/errors';
import { Translate } from '../i18n/translator';
import { Translation } from '../languages/language';
import { PamphletData } from '../facts/load-data';
import { translatorStringToMarkup } from './inline-markup';
import { isolate } from '../facts/format-facts';

export interface TemplateContext {
  translation: Translation;
  data: PamphletData;
  t: Translate;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

function compile(file: string): HandlebarsTemplateDelegate {
  const cached = compiled.get(file);
  if (cached) return cached;
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    throw new PamphletError(`the template cannot be read. Check the path given to --template.`, { file }, 'usage');
  }
  const template = Handlebars.compile(source, { strict: true });
  compiled.set(file, template);
  return template;
}

/**
 * Renders the template to document markup. Translated strings enter only
 * through the `t` helper, which escapes them and keeps the allowed markup.
 */
export function renderMarkup(file: string, context: TemplateContext): string {
  const { translation, data, t } = context;
  const hb = Handlebars.create();
  hb.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => {
    if (typeof key !== 'string') throw new PamphletError(`the t helper needs a key, as in {{t "cover.title"}}.`, { file });
    const count = options.hash.count as number | undefined;
    const text = t(key, count === undefined ? {} : { count });
    return new hb.SafeString(translatorStringToMarkup(text, { file: translation.file, language: translation.code, key }));
  });
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hb.registerHelper('isolate', (value: unknown) => isolate(String(value)));
  // A URL as printed: without the scheme, which readers do not type.
  hb.registerHelper('bareUrl', (value: unknown) => String(value).replace(/^https?:\/\//, '').replace(/\/$/, ''));
  const factValues: Record<string, string | number> = {};
  for (const [name, fact] of Object.entries(data.facts)) factValues[name] = fact.value;
  const view = {
    language: { code: translation.code, ...translation.meta },
    facts: factValues,
    // Every field present, so strict mode can tell a typo from an absent phone or email.
    contacts: data.contacts.map((c) => ({ phone: null, email: null, url: null, ...c })),
    moreInformation: data.moreInformation,
  };
  try {
    // Helpers are registered on a fresh instance per language; the parsed template is shared.
    return compile(file)(view, { helpers: hb.helpers });
  } catch (error) {
    if (error instanceof PamphletError) throw error;
    throw new PamphletError(`the template failed: ${(error as Error).message}.`, { file, language: translation.code });
  }
}
