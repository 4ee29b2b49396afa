import * as path from 'node:path';
import { Argv } from 'yargs';
import { ContentSources } from '../build/build-pamphlet';
import { loadData } from '../facts/load-data';
import { FontRegistry } from '../fonts/font-registry';
import { PamphletError } from '../core/errors';
import * as fs from 'node:fs';

/** The project's own content, used when no option points elsewhere. */
const ROOT = path.join(__dirname, '..', '..');

export interface ContentArgs {
  translations: string;
  template: string;
  data: string;
}

export function withContentOptions<T>(yargs: Argv<T>): Argv<T & ContentArgs> {
  return yargs
    .option('translations', { type: 'string', default: path.join(ROOT, 'translations'), defaultDescription: 'translations/', describe: 'Folder of <lang>.json translation files' })
    .option('template', { type: 'string', default: path.join(ROOT, 'templates', 'trifold.hbs'), defaultDescription: 'templates/trifold.hbs', describe: 'Handlebars template of the pamphlet' })
    .option('data', { type: 'string', default: path.join(ROOT, 'data'), defaultDescription: 'data/', describe: 'Folder with facts.json and contacts.json' }) as Argv<T & ContentArgs>;
}

export function loadContent(args: ContentArgs): ContentSources {
  if (!fs.existsSync(args.template)) {
    throw new PamphletError(`the template does not exist. Check the path given to --template.`, { file: args.template }, 'usage');
  }
  return {
    translationsDir: args.translations,
    templateFile: args.template,
    data: loadData(args.data),
    fonts: FontRegistry.default(),
  };
}
