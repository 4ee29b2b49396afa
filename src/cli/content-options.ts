import * as fs from 'node:fs';
import * as path from 'node:path';
import { Argv } from 'yargs';
import { ContentPaths } from '../check/run-checks';
import { PamphletError } from '../core/errors';
import { FontRegistry } from '../fonts/font-registry';
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

export function withContentOptions<T>(yargs: Argv<T>): Argv<T & ContentArgs> {
  return yargs
    .option('translations', { type: 'string', default: path.join(ROOT, 'translations'), defaultDescription: 'translations/', describe: 'Folder of <lang>.json translation files' })
    .option('template', { type: 'string', default: path.join(ROOT, 'templates', 'trifold.hbs'), defaultDescription: 'templates/trifold.hbs', describe: 'Handlebars template of the pamphlet' })
    .option('data', { type: 'string', default: path.join(ROOT, 'data'), defaultDescription: 'data/', describe: 'Folder with facts.json and contacts.json' })
    .option('fonts', { type: 'string', default: path.join(ROOT, 'fonts', 'fonts.json'), defaultDescription: 'fonts/fonts.json', describe: 'Font stacks per script' }) as Argv<T & ContentArgs>;
}

/** --lang, --paper and --json, shared by build and check. */
export function withSelectionOptions<T>(yargs: Argv<T>, paperDefault: string): Argv<T & SelectionArgs> {
  return withContentOptions(yargs)
    .option('lang', { type: 'string', default: 'all', describe: 'Language codes separated by commas, or "all"' })
    .option('paper', { type: 'string', default: paperDefault, describe: `Paper size: ${Object.keys(PAPERS).join(', ')}, or "all"` })
    .option('json', { type: 'boolean', default: false, describe: 'Print the findings as JSON (file, language, key, severity, message) for CI' }) as Argv<T & SelectionArgs>;
}

/** Checks that the content named on the command line exists; the contents themselves are checked later. */
export function contentPaths(args: ContentArgs): ContentPaths {
  if (!fs.existsSync(args.template) || !fs.statSync(args.template).isFile()) {
    throw new PamphletError(`the template does not exist. Check the path given to --template.`, { file: args.template }, 'usage');
  }
  if (!fs.existsSync(args.data) || !fs.statSync(args.data).isDirectory()) {
    throw new PamphletError(`the data folder does not exist. Pass --data with a folder holding facts.json and contacts.json.`, { file: args.data }, 'usage');
  }
  let fonts: FontRegistry;
  try {
    fonts = new FontRegistry(args.fonts);
  } catch (error) {
    // The font setup is the tool's, not a translator's: a problem there is a usage error.
    if (error instanceof PamphletError) throw new PamphletError(error.detail, error.place, 'usage');
    throw error;
  }
  return { translationsDir: args.translations, templateFile: args.template, dataDir: args.data, fonts };
}

/** The languages asked for: "all", or codes checked to be plain codes with a translation file. */
export function selectLanguages(lang: string, translationsDir: string): LanguageCode[] {
  const known = listLanguages(translationsDir);
  if (lang === 'all') return known;
  const codes = lang.split(',').map((c) => assertLanguageCode(c.trim()));
  for (const code of codes) {
    if (!known.includes(code)) throw new PamphletError(`there is no translation for "${code}". Known languages: ${known.join(', ')}.`, { language: code }, 'usage');
  }
  return [...new Set(codes)];
}

export function selectPapers(paper: string): PaperName[] {
  return paper === 'all' ? (Object.keys(PAPERS) as PaperName[]) : [...new Set(paper.split(',').map((p) => paperByName(p.trim())))];
}
