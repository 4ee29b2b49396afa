import Handlebars from 'handlebars';
import { PamphletError } from '../core/errors';
import { telHref } from '../document/link-target';
import { isolate } from '../facts/format-facts';
import { Translate } from '../i18n/translator';
import { Translation } from '../languages/language';
import { translatorStringToMarkup } from './inline-markup';

/** The helpers pamphlet gives a template; nothing else can be called. */
const PAMPHLET_HELPERS = ['t', 'concat', 'isolate', 'bareUrl', 'tel', 'log'] as const;
/** Handlebars' own, kept: they only read the view. */
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
export const KNOWN_HELPERS: readonly string[] = [...PAMPHLET_HELPERS, ...BUILT_IN_HELPERS];

type Options = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

function where(options: Options): string {
  return options?.loc ? ` (line ${options.loc.start.line})` : '';
}

/** The arguments of a helper call (Handlebars passes its options last), each a string or a number. */
function argumentsOf(name: string, args: unknown[], count: { min: number; max: number }, example: string, file: string): { values: (string | number)[]; options: Options } {
  const options = args[args.length - 1] as Options;
  const values = args.slice(0, -1);
  const wrong = values.length < count.min || values.length > count.max
    ? `takes ${count.min === count.max ? count.min : `${count.min} or more`} argument${count.max === 1 ? '' : 's'}, not ${values.length}`
    : values.some((v) => typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v)))
      ? `takes text or numbers, not ${values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v)).join(', ')}`
      : null;
  if (wrong) throw new PamphletError(`{{${name}}}${where(options)} ${wrong}. Write it as ${example}.`, { file });
  return { values: values as (string | number)[], options };
}

/**
 * What one render may produce: {{#each}} inside {{#each}} multiplies the
 * markup (three contacts, fourteen levels deep, is 4.8 million paragraphs and
 * 4 GB). The shipped template renders about 20,000 characters and 20 loop
 * passes; these limits are far above that and far below what hurts.
 */
const RENDER_LIMITS = { eachPasses: 10_000, markupCharacters: 2_000_000 };

/**
 * Handlebars' own `each`, counting its passes and the markup they produce
 * over the whole render, so a template cannot expand without bound.
 */
function boundedEach(each: Handlebars.HelperDelegate, file: string): Handlebars.HelperDelegate {
  let passes = 0;
  let characters = 0;
  return function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Options;
    const fn = options.fn;
    const counted = Object.assign(Object.create(null) as object, options, {
      fn: (context: unknown, fnOptions?: unknown) => {
        if (++passes > RENDER_LIMITS.eachPasses) {
          throw new PamphletError(`{{#each}}${where(options)} repeats its block more than ${RENDER_LIMITS.eachPasses.toLocaleString('en')} times in all (loops inside loops?). A pamphlet needs far fewer; simplify the template.`, { file });
        }
        // Markup of loops inside this pass is part of `out`: count it once, not once per level.
        const before = characters;
        const out = fn(context, fnOptions as Handlebars.RuntimeOptions);
        characters = before + Math.max(out.length, characters - before);
        if (characters > RENDER_LIMITS.markupCharacters) {
          throw new PamphletError(`{{#each}}${where(options)} makes more than ${RENDER_LIMITS.markupCharacters.toLocaleString('en')} characters of markup, far more than any pamphlet holds (loops inside loops?). Simplify the template.`, { file });
        }
        return out;
      },
    });
    return each.call(this, ...args.slice(0, -1), counted);
  };
}

/**
 * The helpers, on a fresh Handlebars instance per language. Each checks its
 * arguments, so a wrong call is a template finding, never "[object Object]"
 * on paper. Translated strings enter only through `t`, which escapes them
 * and keeps the allowed markup.
 */
export function registerHelpers(hb: typeof Handlebars, file: string, translation: Translation, t: Translate): void {
  hb.registerHelper('each', boundedEach(hb.helpers.each, file));
  hb.registerHelper('t', (...args: unknown[]) => {
    const { values: [key], options } = argumentsOf('t', args, { min: 1, max: 1 }, '{{t "cover.title"}}', file);
    const count = options.hash?.count as unknown;
    if (count !== undefined && !(typeof count === 'number' && Number.isFinite(count))) {
      throw new PamphletError(`{{t "${key}"}}${where(options)}: count= must be a number.`, { file });
    }
    const text = t(String(key), count === undefined ? {} : { count: count as number });
    return new hb.SafeString(translatorStringToMarkup(text, { file: translation.file, language: translation.code, key: String(key) }));
  });
  hb.registerHelper('concat', (...args: unknown[]) => argumentsOf('concat', args, { min: 1, max: Infinity }, '(concat "help.contact." id)', file).values.join(''));
  hb.registerHelper('isolate', (...args: unknown[]) => isolate(String(argumentsOf('isolate', args, { min: 1, max: 1 }, '{{isolate phone}}', file).values[0])));
  // A phone number as the tel: address a reader's phone dials from the PDF.
  hb.registerHelper('tel', (...args: unknown[]) => telHref(String(argumentsOf('tel', args, { min: 1, max: 1 }, '{{tel phone}}', file).values[0])));
  // A URL as printed: without the scheme, which readers do not type.
  hb.registerHelper('bareUrl', (...args: unknown[]) => {
    const [url] = argumentsOf('bareUrl', args, { min: 1, max: 1 }, '{{bareUrl moreInformation.url}}', file).values;
    return String(url).replace(/^https?:\/\//, '').replace(/\/$/, '');
  });
  // Handlebars' own lookup, with its arguments checked; prototype properties stay out of reach (lookupProperty).
  hb.registerHelper('lookup', (...args: unknown[]) => {
    const options = args[args.length - 1] as Options & { lookupProperty: (parent: unknown, name: unknown) => unknown };
    const values = args.slice(0, -1);
    if (values.length !== 2) throw new PamphletError(`{{lookup}}${where(options)} takes 2 arguments, not ${values.length}. Write it as {{lookup facts "maxFine"}}.`, { file });
    const [parent, name] = values;
    if (parent === null || parent === undefined) return undefined;
    // Only the data's own fields: "toString" or "constructor" is no field, and strict mode wants a typo said, not printed as nothing.
    if (typeof parent !== 'object' || (typeof name !== 'string' && typeof name !== 'number') || !Object.hasOwn(parent, name)) {
      throw new PamphletError(`{{lookup}}${where(options)} asks for ${JSON.stringify(String(name))}, which is not a field there. Name a field of the data, as in {{lookup facts "maxFine"}}.`, { file });
    }
    return options.lookupProperty(parent, name);
  });
  // Handlebars' own log writes to stdout, into --json output: a template's log goes to stderr.
  hb.registerHelper('log', (...args: unknown[]) => {
    const options = args[args.length - 1] as Options;
    try {
      process.stderr.write(`${file}${where(options)}: {{log}} ${args.slice(0, -1).map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' ')}\n`);
    } catch {
      // stderr is gone; a log line is not worth stopping for.
    }
    return '';
  });
}
