import * as fs from 'node:fs';
import * as path from 'node:path';
import { Argv } from 'yargs';
import { ContentPaths } from '../check/run-checks';
import { PamphletError } from '../core/errors';
import { debugStack, unexpectedMessage } from '../core/unexpected-error';
import { FontRegistry } from '../fonts/font-registry';
import { loadFormat } from '../format/load-format';
import { templateHeader } from '../format/template-header';
import { PAPERS, paperByName, PaperName } from '../imposition/paper';
import { LanguageCode } from '../languages/language';
import { assertLanguageCode, listLanguages } from '../languages/load-translations';

/** The project's own content, used when no option points elsewhere. */
const ROOT = path.join(__dirname, '..', '..');

export interface ContentArgs {
  translations: string;
  template: string;
  data: string;
  fonts: string;
}

export interface SelectionArgs extends ContentArgs {
  lang: string;
  paper: string;
  json: boolean;
}

/**
 * A path option given twice is refused, in one line: which one was meant
 * cannot be guessed. For yargs' `check`, which turns the message into a usage error.
 */
export function refuseRepeated(options: string[]) {
  return (argv: Record<string, unknown>): true | string => {
    for (const option of options) {
      const value = argv[option];
      if (Array.isArray(value)) return `--${option} was given ${value.length} times; give it once.`;
      if (typeof value === 'string' && value.trim() === '') return `--${option} is empty; give it a path.`;
    }
    return true;
  };
}

const PATH_OPTIONS = ['translations', 'template', 'data', 'fonts'];

/** --lang and --paper given twice mean both: `--lang th --lang ar` is `--lang th,ar`. */
function union(value: unknown): string {
  return (Array.isArray(value) ? value : [value]).map(String).join(',');
}

export function withContentOptions<T>(yargs: Argv<T>): Argv<T & ContentArgs> {
  return yargs
    .option('translations', { type: 'string', default: path.join(ROOT, 'translations'), defaultDescription: 'translations/', describe: 'Folder of <lang>.json translation files' })
    .option('template', { type: 'string', default: path.join(ROOT, 'templates', 'trifold.hbs'), defaultDescription: 'templates/trifold.hbs', describe: 'Handlebars template of the pamphlet' })
    .option('data', { type: 'string', default: path.join(ROOT, 'data'), defaultDescription: 'data/', describe: 'Folder with facts.json and contacts.json' })
    .option('fonts', { type: 'string', default: path.join(ROOT, 'fonts', 'fonts.json'), defaultDescription: 'fonts/fonts.json', describe: 'Font stacks per script' })
    .check(refuseRepeated(PATH_OPTIONS)) as Argv<T & ContentArgs>;
}

/** --lang, --paper and --json, shared by build and check. */
export function withSelectionOptions<T>(yargs: Argv<T>, paperDefault: string): Argv<T & SelectionArgs> {
  return withContentOptions(yargs)
    .option('lang', { type: 'string', coerce: union, default: 'all', describe: 'Language codes separated by commas, or "all"; may be repeated' })
    .option('paper', { type: 'string', coerce: union, default: paperDefault, describe: `Paper size: ${Object.keys(PAPERS).join(', ')}, or "all"; may be repeated` })
    .option('json', { type: 'boolean', default: false, describe: 'Print the findings as JSON (file, language, key, severity, message) for CI' }) as Argv<T & SelectionArgs>;
}

/** The font setup is the tool's, not a translator's: any problem there is a usage error naming fonts.json. */
export function loadFonts(file: string): FontRegistry {
  try {
    return new FontRegistry(file);
  } catch (error) {
    if (error instanceof PamphletError) throw new PamphletError(error.detail, error.place, 'usage');
    debugStack(error);
    throw new PamphletError(unexpectedMessage(error, 'reading the font setup'), { file }, 'usage');
  }
}

/** Checks that the content named on the command line exists; the contents themselves are checked later. */
export function contentPaths(args: ContentArgs): ContentPaths {
  // What is there instead of a file (a folder, a FIFO) is named by the reader, later.
  if (!fs.existsSync(args.template)) {
    throw new PamphletError(`the template does not exist. Check the path given to --template.`, { file: args.template }, 'usage');
  }
  if (!fs.existsSync(args.data) || !fs.statSync(args.data).isDirectory()) {
    throw new PamphletError(`the data folder does not exist. Pass --data with a folder holding facts.json and contacts.json.`, { file: args.data }, 'usage');
  }
  return { translationsDir: args.translations, templateFile: args.template, dataDir: args.data, fonts: loadFonts(args.fonts) };
}

/** The languages asked for: "all", or codes checked to be plain codes with a translation file. */
export function selectLanguages(lang: string, translationsDir: string): LanguageCode[] {
  const known = listLanguages(translationsDir);
  const asked = lang.split(',').map((c) => c.trim());
  if (asked.includes('all')) return known;
  const codes = asked.map((c) => assertLanguageCode(c));
  for (const code of codes) {
    if (!known.includes(code)) throw new PamphletError(`there is no translation for "${code}". Known languages: ${known.join(', ')}.`, { language: code }, 'usage');
  }
  return [...new Set(codes)];
}

/** The papers asked for, among those the template's format is printed on; "all" is all of those. */
export function selectPapers(paper: string, templateFile: string): PaperName[] {
  const format = loadFormat(templateFile, templateHeader(templateFile).format);
  const printedOn = format.papers as PaperName[];
  const asked = paper.split(',').map((p) => p.trim());
  if (asked.includes('all')) return printedOn;
  const papers = [...new Set(asked.map(paperByName))];
  const other = papers.find((p) => !printedOn.includes(p));
  if (other) throw new PamphletError(`the format "${format.name}" of this template is printed on ${printedOn.join(', ')}, not ${other}. Choose one of those, or "all".`, { file: templateFile }, 'usage');
  return papers;
}
