import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { makeFolder } from '../build/output-folder';
import { writeFileAtomic } from '../build/write-atomic';
import { displayPath } from '../check/report';
import { PamphletError } from '../core/errors';
import { readData } from '../facts/load-data';
import { SOURCE_LANGUAGE, Translation } from '../languages/language';
import { loadTranslation } from '../languages/load-translations';
import { isPseudoLocale } from '../languages/pseudo-locales';
import { exchangeUnits } from '../translators/exchange-units';
import { stringUses } from '../translators/string-notes';
import type { XliffVersion } from '../translators/xliff-write';
import { ContentArgs, refuseRepeated, withContentOptions } from './command-options';
import { contentPaths, selectTemplates } from './content-options';
import { withHelp } from './help-text';
import { printLine } from './safe-output';

interface ExportArgs extends ContentArgs {
  lang: string;
  format: 'xliff' | 'i18next';
  xliffVersion: XliffVersion;
  out?: string;
}

/** The one translated language an exchange command works on: not the source, not a pseudo-locale, not a list. */
export function oneTranslatedLanguage(dir: string, code: string): { source: Translation; translation: Translation } {
  if (code === SOURCE_LANGUAGE || isPseudoLocale(code) || code.includes(',') || code.includes('+') || code === 'all') {
    throw new PamphletError(`--lang names one translated language (not ${SOURCE_LANGUAGE}, a pseudo-locale, "all" or a list): "${code}".`, {}, 'usage');
  }
  const source = loadTranslation(dir, SOURCE_LANGUAGE);
  return { source, translation: loadTranslation(dir, code) };
}

function writeText(file: string, text: string): void {
  makeFolder(path.dirname(path.resolve(file)));
  writeFileAtomic(file, Buffer.from(text, 'utf8'));
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export',
  describe: 'Write one language as an exchange file for translators: XLIFF (CAT tools) or i18next JSON (translation platforms)',
  builder: (yargs) => withHelp(withContentOptions(yargs)
    .option('lang', { alias: 'l', type: 'string', demandOption: true, describe: 'One language code (vi)' })
    .option('format', { choices: ['xliff', 'i18next'] as const, default: 'xliff' as const, describe: 'xliff: English source, translation, state and a note per string; i18next: plain JSON, en.json as the base file' })
    .option('xliff-version', { type: 'string', choices: ['1.2', '2.0'] as const, default: '1.2' as const, describe: 'XLIFF 1.2 (every CAT tool reads it) or 2.0' })
    .option('out', { alias: 'o', type: 'string', defaultDescription: '<lang>.xlf, or the folder i18next/ for i18next', describe: 'The XLIFF file, or the folder of the i18next files' })
    .check(refuseRepeated(['out', 'lang'])), 'export') as never,
  handler: async (args) => {
    const { source, translation } = oneTranslatedLanguage(args.translations, args.lang);
    if (args.format === 'i18next') {
      // The platform's base file, the language's own strings (the keys i18next reads), and the language data apart: not text to translate.
      const out = args.out ?? 'i18next';
      const files: [string, unknown][] = [
        [`${SOURCE_LANGUAGE}.json`, source.strings],
        [`${translation.code}.json`, translation.strings],
        [`${translation.code}.meta.json`, { meta: translation.meta }],
      ];
      for (const [name, value] of files) writeText(path.join(out, name), `${JSON.stringify(value, null, 2)}\n`);
      printLine(`${translation.code}: wrote ${files.map(([name]) => displayPath(path.join(out, name))).join(', ')}`);
      return;
    }
    const templates = selectTemplates(args.template);
    // The data is read for the notes (how a placeholder prints); without it the notes say less, and the export still works.
    const data = readData(contentPaths(args, templates[0]).dataDir).data;
    const units = exchangeUnits(translation, source, stringUses(templates), data);
    const out = args.out ?? `${translation.code}.xlf`;
    // The XLIFF library loads only for this command, not on every start of the tool (a build never needs it).
    const { writeXliff } = await import('../translators/xliff-write');
    writeText(out, writeXliff(units, translation.code, args.xliffVersion));
    const count = (state: string) => units.filter((u) => u.state === state).length;
    printLine(`${translation.code}: wrote ${displayPath(path.resolve(out))} (XLIFF ${args.xliffVersion}): ${units.length} strings, ${count('translated')} translated, ${count('needs-review')} need review, ${count('new')} new.`);
  },
};
