import { CommandModule } from 'yargs';
import { flattenStrings, listLanguages, loadTranslation } from '../languages/load-translations';
import { ContentArgs, withContentOptions } from './content-options';
import { FontRegistry } from '../fonts/font-registry';
import { SOURCE_LANGUAGE } from '../languages/language';
import { PamphletError } from '../core/errors';



/** Source keys, with plural keys (`key_one`, `key_other`) folded to their base key. */
function baseKeys(strings: Map<string, string>): Set<string> {
  return new Set([...strings.keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
}

export const languagesCommand: CommandModule<object, ContentArgs> = {
  command: 'languages',
  describe: 'List the languages found, with endonym, script, direction, fonts and completeness',
  builder: (yargs) => withContentOptions(yargs) as never,
  handler: async (args) => {
    const fonts = new FontRegistry(args.fonts);
    const codes = listLanguages(args.translations);
    const source = baseKeys(flattenStrings(loadTranslation(args.translations, SOURCE_LANGUAGE).strings));
    const rows = codes.map((code) => {
      try {
        const translation = loadTranslation(args.translations, code);
        const keys = baseKeys(flattenStrings(translation.strings));
        const missing = [...source].filter((k) => !keys.has(k));
        const { meta } = translation;
        const stack = fonts.hasScript(meta.script) ? fonts.familiesFor(meta.script).join(' + ') : `no fonts for ${meta.script}`;
        return [code, meta.name, meta.englishName, meta.script, meta.direction, stack, missing.length ? `incomplete: ${missing.length} missing` : 'complete'];
      } catch (error) {
        if (!(error instanceof PamphletError)) throw error;
        return [code, '?', '?', '?', '?', '?', `broken: ${error.message}`];
      }
    });
    const header = ['code', 'name', 'English name', 'script', 'dir', 'fonts', 'translation'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
    for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ').trimEnd());
  },
};
