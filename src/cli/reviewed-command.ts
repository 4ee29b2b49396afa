import { CommandModule } from 'yargs';
import { PamphletError } from '../core/errors';
import { SOURCE_LANGUAGE } from '../languages/language';
import { flattenStrings, loadTranslation } from '../languages/load-translations';
import { isPseudoLocale } from '../languages/pseudo-locales';
import { markReviewed, sourceOrder } from '../translators/record-sources';
import { writeTranslationEdit } from '../translators/write-translation';
import { ContentArgs, withContentOptions } from './command-options';
import { withHelp } from './help-text';
import { printLine } from './safe-output';

interface ReviewedArgs extends ContentArgs {
  lang: string;
  key?: string;
}

/**
 * Marks strings of one language as current with the English now: their
 * `sources` hashes are set to the English text's. For a reviewer who checked
 * a stale string (or edited the file by hand) and found it right.
 */
export const reviewedCommand: CommandModule<object, ReviewedArgs> = {
  command: 'reviewed',
  describe: 'Mark strings of a language as reviewed against the English now (no longer stale)',
  builder: (yargs) => withHelp(withContentOptions(yargs)
    .option('lang', { alias: 'l', type: 'string', demandOption: true, describe: 'One language code (vi)' })
    .option('key', { alias: 'k', type: 'string', describe: 'String keys separated by commas (cover.title); default: every string of the language' }), 'reviewed') as never,
  handler: async (args) => {
    const code = args.lang;
    if (code === SOURCE_LANGUAGE || isPseudoLocale(code) || code.includes(',')) {
      throw new PamphletError(`--lang names one translated language (not ${SOURCE_LANGUAGE}, a pseudo-locale or a list): "${code}".`, {}, 'usage');
    }
    const source = loadTranslation(args.translations, SOURCE_LANGUAGE);
    const translation = loadTranslation(args.translations, code);
    const translated = flattenStrings(translation.strings);
    const keys = args.key?.split(',').map((k) => k.trim()).filter(Boolean);
    const unknown = keys?.find((k) => !translated.has(k));
    if (unknown) throw new PamphletError(`--key ${unknown}: ${code}.json has no such string. Give keys as check prints them (cover.title).`, { file: translation.file, language: code, key: unknown }, 'usage');
    const sources = markReviewed(translation, source, keys);
    const { changed } = writeTranslationEdit(translation, { strings: new Map(), sources }, sourceOrder(source));
    printLine(`${code}: ${keys ? keys.length : translated.size} ${(keys?.length ?? translated.size) === 1 ? 'string' : 'strings'} marked as reviewed against ${SOURCE_LANGUAGE}.json${changed ? '' : ' (they already were)'}.`);
  },
};
