import * as path from 'node:path';
import { loadEdition } from '../edition/edition';
import { assertConfigPathExists } from './config-file';
import { projectConfig } from './option-defaults';

/**
 * The edition, named by --edition or by the config file's `edition` key
 * (the command line wins), and its languages, papers and formats as the
 * defaults of --lang, --paper, --print and --template. What is given beside the
 * edition, or closer to the person running the command, narrows it:
 *
 *   1. the command line;
 *   2. with --edition on the command line, the edition; then the config file;
 *   3. with the edition named in the config file, the config file's own
 *      lang, paper and template; then the edition;
 *   4. the built-in defaults.
 *
 * So `--edition` on the command line is never undone by a project's
 * "lang": "all", and a config file that names an edition and a "lang" of its
 * own means that lang. Its contacts reach the checks through `editionData`.
 */
export async function editionDefaults(argv: Record<string, unknown>): Promise<void> {
  const onCommandLine = typeof argv.edition === 'string';
  const config = projectConfig(argv.config as string | undefined);
  const file = onCommandLine ? path.resolve(argv.edition as string) : config?.values.edition;
  if (file === undefined) return;
  if (!onCommandLine) assertConfigPathExists(config!, 'edition', file);
  const edition = loadEdition(file);
  argv.editionData = edition;
  const given = (key: 'lang' | 'paper' | 'print' | 'template') => argv[key] !== undefined || (!onCommandLine && config?.values[key] !== undefined);
  if (!given('lang') && edition.languages) argv.lang = edition.languages.join(',');
  if (!given('paper') && edition.papers) argv.paper = edition.papers.join(',');
  if (!given('print') && edition.print) argv.print = edition.print.join(',');
  if (!given('template') && edition.formats) argv.formats = edition.formats;
}
