import Handlebars from 'handlebars';
import { contactLabel, inLanguage } from '../facts/contact-label';
import { PamphletError } from '../core/errors';
import { INPUT_LIMITS, readInputText } from '../core/read-input';
import { Translate } from '../i18n/translator';
import { Translation } from '../languages/language';
import { CONTACT_GROUPS, PamphletData } from '../facts/load-data';
import { KNOWN_HELPERS, registerHelpers } from './template-helpers';
import { PRECOMPILED } from './precompiled-templates';

export interface TemplateContext {
  translation: Translation;
  data: PamphletData;
  t: Translate;
}

/** Each template's text, read once: every language and the checks see the same template. */
const templates = new Map<string, string>();

/** The template's text, read like every input: a regular file, within a size limit, strict UTF-8. */
export function readTemplate(file: string): string {
  let source = templates.get(file);
  if (source === undefined) {
    source = readInputText(file, { maxBytes: INPUT_LIMITS.templateBytes, kind: 'usage', place: { file } });
    templates.set(file, source);
  }
  return source;
}

/** Compiled once per template text, shared by every language. */
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Only pamphlet's helpers can be called; a typo in a field's name is an error, not an empty string. (Also the options the bundle precompiles the shipped templates with.) */
export function compileOptions(): CompileOptions {
  return { strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(KNOWN_HELPERS.map((name) => [name, true])) };
}

function compile(source: string): HandlebarsTemplateDelegate {
  const cached = compiled.get(source);
  if (cached) return cached;
  const spec = PRECOMPILED.get(source);
  const template = spec ? Handlebars.template(spec) : Handlebars.compile(source, compileOptions());
  compiled.set(source, template);
  return template;
}

/** Handlebars' message, without its internals: "[object Object]" and " - 17:6" become a line and column. */
function cleanMessage(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ in (\[object Object\]|undefined|null)/, '')
    .replace(/ - (\d+):(\d+)$/, (_, line, column) => ` (line ${line}, column ${Number(column) + 1})`)
    .replace(/\.$/, '');
}

/**
 * Renders the template to document markup. The template sees a plain view of
 * the data and calls only pamphlet's helpers; no partial is registered, so
 * `{{> name}}` can never load anything. Translated strings enter only through
 * `t`, which escapes them and keeps the allowed markup.
 */
export function renderMarkup(file: string, context: TemplateContext): string {
  const { translation, data, t } = context;
  const hb = Handlebars.create();
  registerHelpers(hb, file, translation, t);
  const factValues: Record<string, string | number> = {};
  for (const [name, fact] of Object.entries(data.facts)) factValues[name] = fact.value;
  // Every field present, so strict mode can tell a typo from an absent phone or email.
  const contacts = data.contacts.map((c) => ({
    phone: null, email: null, url: null, address: null, ...c,
    label: contactLabel(c, translation.code), hours: inLanguage(c.hours, translation.code), note: inLanguage(c.note, translation.code),
  }));
  const view = {
    language: { code: translation.code, ...translation.meta },
    facts: factValues,
    contacts,
    // The contacts by where they help the reader, in the data's order: before they leave, then in Canada.
    // Without a contact abroad (the shared edition has no embassy), the pieces print lines to write one in.
    contactGroups: CONTACT_GROUPS.map((id) => {
      const own = contacts.filter((c) => c.group === id);
      return { id, contacts: own, writeIn: id === 'abroad' && own.length === 0 };
    }),
    keyContact: contacts.find((c) => c.id === data.keyContact) ?? null,
    moreInformation: data.moreInformation,
    // The edition date (YYYY-MM-DD), printed small so that a stack of pieces can be sorted.
    edition: data.edition,
    // A mission's logo, for {{#if logo}}<logo/>{{/if}}: null without one, so strict mode knows the field.
    logo: data.logo ? { alt: inLanguage(data.logo.alt, translation.code) } : null,
  };
  try {
    // Helpers are registered on a fresh instance per language; the parsed template is shared.
    return compile(readTemplate(file))(view, { helpers: hb.helpers, partials: {} });
  } catch (error) {
    if (error instanceof PamphletError) throw error;
    throw new PamphletError(`the template failed: ${cleanMessage((error as Error)?.message ?? String(error))}.`, { file, language: translation.code });
  }
}
