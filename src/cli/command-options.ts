import * as path from 'node:path';
import { Argv } from 'yargs';
import { PAPER_NAMES } from '../imposition/paper';
import { CONFIG_FILE } from './config-file';
import { defaultsFrom } from './option-defaults';
import { editionDefaults } from './edition-defaults';
import { Edition } from '../edition/edition';
import { PROJECT_ROOT } from '../core/project-root';

/**
 * The options of the commands, as yargs declares them: long and short names,
 * help text, and the checks yargs makes of them. Their values come from
 * defaultsFrom() when the command line does not give them.
 */

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
  /** --edition: a mission's edition file, read by editionDefaults() (or the config file's `edition`). */
  edition?: string;
  /** The edition read, when --edition or the config file names one. */
  editionData?: Edition;
  /** The edition's formats, when --template does not name one. */
  formats?: string[];
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

/** `--template all`, the default: every template the tool ships, each a format (tri-fold, poster). */
export const ALL_TEMPLATES = 'all';

/** The shipped content: the default of each path option that neither the command line nor the config file sets. */
const SHIPPED_CONTENT: ContentArgs = {
  translations: path.join(PROJECT_ROOT, 'translations'),
  template: ALL_TEMPLATES,
  data: path.join(PROJECT_ROOT, 'data'),
  fonts: path.join(PROJECT_ROOT, 'fonts', 'fonts.json'),
};

/**
 * --config and the content paths, shared by every command. No option has a
 * yargs default: defaultsFrom() fills in what the command line left out,
 * from the config file or the shipped content.
 */
export function withContentOptions<T>(yargs: Argv<T>): Argv<T & ContentArgs> {
  return yargs
    .option('translations', { alias: 't', type: 'string', defaultDescription: 'the shipped translations/', describe: 'Folder of <lang>.json translation files' })
    .option('template', { type: 'string', defaultDescription: 'all: every shipped template (tri-fold, poster)', describe: 'Handlebars template of the pamphlet, or "all" for every shipped one' })
    .option('data', { alias: 'd', type: 'string', defaultDescription: 'the shipped data/', describe: 'Folder with facts.json and contacts.json' })
    .option('fonts', { alias: 'f', type: 'string', defaultDescription: 'the shipped fonts/fonts.json', describe: 'Font stacks per script' })
    .option('config', { alias: 'c', type: 'string', defaultDescription: `./${CONFIG_FILE}, if there`, describe: 'Config file with defaults for these options; options given here win' })
    .check(refuseRepeated([...PATH_OPTIONS, 'config']))
    .middleware(defaultsFrom(SHIPPED_CONTENT)) as unknown as Argv<T & ContentArgs>;
}

/** --lang, --paper and --json, shared by build and check. */
export function withSelectionOptions<T>(yargs: Argv<T>, paperDefault: string): Argv<T & SelectionArgs> {
  const selection = yargs
    .option('edition', { alias: 'e', type: 'string', describe: 'A mission\'s edition file, JSON or YAML: its languages, papers, formats and contacts (options given here narrow it; default: the config file\'s edition)' })
    // --config too: the edition's defaults read the config file (its `edition`, its lang and paper), so it must be one path first.
    .check(refuseRepeated(['edition', 'config']))
    // Before the defaults, which fill in what is still unset: see editionDefaults for the order.
    .middleware(editionDefaults)
    .option('lang', { alias: 'l', type: 'string', coerce: union, defaultDescription: 'all', describe: 'Language codes separated by commas, or "all"; two joined by + make a bilingual poster and card (th+en); may be repeated' })
    .option('paper', { alias: 'p', type: 'string', coerce: union, defaultDescription: paperDefault, describe: `Paper: ${PAPER_NAMES.join(', ')} (one piece with bleed, for a print shop), or "all" (every paper of each format); may be repeated` })
    .option('json', { type: 'boolean', defaultDescription: 'false', describe: 'Print the findings as JSON (file, language, key, severity, message) for CI' });
  // yargs runs checks and middleware in the order they were added: --config is refused when repeated before it is read.
  return withContentOptions(selection)
    .middleware(defaultsFrom({ lang: 'all', paper: paperDefault, json: false })) as unknown as Argv<T & SelectionArgs>;
}

/** --out, for build: the output folder, `out` in the current folder unless the command line or the config file says otherwise. */
export function withOutOption<T>(yargs: Argv<T>): Argv<T & { out: string }> {
  return yargs
    .option('out', { alias: 'o', type: 'string', defaultDescription: 'out', describe: 'Output folder; files go to OUT/<format>/<paper>/<lang>.pdf' })
    .check(refuseRepeated(['out']))
    .middleware(defaultsFrom({ out: 'out' })) as unknown as Argv<T & { out: string }>;
}

/** --print, for build: who prints the PDFs, an office printer (the default), a print shop, or both; from the command line, the edition or the config file. */
export function withPrintOption<T>(yargs: Argv<T>): Argv<T & { print: string }> {
  return yargs
    .option('print', { type: 'string', coerce: union, defaultDescription: 'office', describe: 'Who prints: office (duplex, actual size, no bleed), shop (3 mm bleed, crop marks, CMYK; into OUT/shop/), both separated by a comma, or "all"; may be repeated' })
    .middleware(defaultsFrom({ print: 'office' })) as unknown as Argv<T & { print: string }>;
}
