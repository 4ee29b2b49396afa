import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { checkTranslation } from '../check/check-translation';
import { PamphletError } from '../core/errors';
import { debugStack, unexpectedMessage } from '../core/unexpected-error';
import { staleStrings } from '../check/stale-strings';
import { SOURCE_LANGUAGE, Translation } from '../languages/language';
import { flattenStrings, listLanguages, loadTranslation } from '../languages/load-translations';
import { ContentArgs, withContentOptions } from './command-options';
import { loadFonts } from './content-options';
import { withHelp } from './help-text';
import { printLine } from './safe-output';

/** The source text every row is compared with; an unforeseen error in it names the file. */
function readSource(dir: string) {
  try {
    return loadTranslation(dir, SOURCE_LANGUAGE);
  } catch (error) {
    if (error instanceof PamphletError) throw error;
    debugStack(error);
    throw new PamphletError(unexpectedMessage(error, 'reading the source text'), { file: path.join(dir, `${SOURCE_LANGUAGE}.json`), language: SOURCE_LANGUAGE });
  }
}

/** ", 3 of 97 strings need review" when the English changed since; nothing for the source language or a file that records no sources. */
function reviewNote(translation: Translation, source: Translation): string {
  if (translation.code === source.code || !translation.sources) return translation.code === source.code ? '' : ', no sources recorded';
  const stale = staleStrings(translation, source).length;
  const total = flattenStrings(translation.strings).size;
  return stale ? `, ${stale} of ${total} strings need review` : '';
}

export const languagesCommand: CommandModule<object, ContentArgs> = {
  command: 'languages',
  describe: 'List the languages found, with endonym, script, direction, fonts and completeness',
  builder: (yargs) => withHelp(withContentOptions(yargs), 'languages') as never,
  handler: async (args) => {
    const fonts = loadFonts(args.fonts);
    const codes = listLanguages(args.translations);
    const source = readSource(args.translations);
    const rows = codes.map((code) => {
      try {
        const translation = loadTranslation(args.translations, code);
        // Facts are not read here: a placeholder is judged only against the source string.
        const problems = checkTranslation(translation, source, null).filter((f) => f.severity === 'error').length;
        const review = reviewNote(translation, source);
        const { meta } = translation;
        const stack = fonts.hasScript(meta.script) ? fonts.familiesFor(meta.script).join(' + ') : `no fonts for ${meta.script}`;
        return [code, meta.name, meta.englishName, meta.script, meta.direction, stack, (problems ? `${problems} problems: run pamphlet check --lang ${code}` : 'complete') + review];
      } catch (error) {
        // One broken language is a row saying so; the others are still listed.
        if (!(error instanceof PamphletError)) debugStack(error);
        const detail = error instanceof PamphletError ? error.detail : unexpectedMessage(error, `reading ${code}.json`);
        return [code, '?', '?', '?', '?', '?', `broken: ${detail}`];
      }
    });
    const header = ['code', 'name', 'English name', 'script', 'dir', 'fonts', 'translation'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
    for (const row of [header, ...rows]) printLine(row.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ').trimEnd());
  },
};
