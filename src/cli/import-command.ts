import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { writeFileAtomic } from '../build/write-atomic';
import { withKeyLocations } from '../check/key-locations';
import { displayPath, humanReport, jsonFindings, uniqueFindings } from '../check/report';
import { runChecks } from '../check/run-checks';
import { PamphletError } from '../core/errors';
import { Finding, hasErrors } from '../core/finding';
import { INPUT_LIMITS, readInputText } from '../core/read-input';
import { SOURCE_LANGUAGE } from '../languages/language';
import { planImport } from '../translators/import-xliff';
import { sourceOrder } from '../translators/record-sources';
import { editTranslationText, orderedSources } from '../translators/write-translation';
import { ContentArgs, withContentOptions } from './command-options';
import { companionTemplates, contentPaths, selectPapers, selectTemplates } from './content-options';
import { oneTranslatedLanguage } from './export-command';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';

interface ImportArgs extends ContentArgs {
  file: string;
  json: boolean;
}

/** The language code an XLIFF target language names: the code itself (as exported), or its language part (vi-VN). */
function languageOfTarget(target: string): string {
  if (/^[a-z]{2,3}$/.test(target)) return target;
  try {
    return new Intl.Locale(target).language;
  } catch {
    throw new PamphletError(`the target language "${target}" is not a language code. Deliver the file as exported.`, {}, 'usage');
  }
}

/**
 * Every gate of `check` on the translation as it would be: it is written to a
 * temporary folder beside a copy of the source, checked with each template
 * on each of its papers, and its findings pointed back at the real file.
 */
function checkCandidate(args: ImportArgs, code: string, text: string, sourceFile: string, realFile: string): Finding[] {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-import-'));
  try {
    const candidate = path.join(folder, `${code}.json`);
    fs.writeFileSync(candidate, text);
    fs.copyFileSync(sourceFile, path.join(folder, `${SOURCE_LANGUAGE}.json`));
    const templates = selectTemplates(args.template);
    const findings = templates.flatMap((template) => runChecks(
      contentPaths({ ...args, translations: folder }, template, companionTemplates(template, templates)),
      [code],
      selectPapers('all', template, false),
    ).findings);
    return withKeyLocations(uniqueFindings(findings))
      .filter((f) => f.language === code || f.file === candidate)
      .map((f) => (f.file === candidate ? { ...f, file: realFile } : f));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export const importCommand: CommandModule<object, ImportArgs> = {
  command: 'import <file>',
  describe: 'Read a translated XLIFF file back: check it with every gate, then write the translation file (only what changed)',
  builder: (yargs) => withHelp(withContentOptions(yargs)
    .positional('file', { type: 'string', demandOption: true, describe: 'The XLIFF file (1.2 or 2.0) the translator delivered' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON' }), 'import') as never,
  handler: async (args) => {
    // The XLIFF library loads only for this command, not on every start of the tool.
    const { readXliff } = await import('../translators/xliff-read');
    const delivered = readXliff(args.file);
    const code = languageOfTarget(delivered.targetLanguage);
    const { source, translation } = oneTranslatedLanguage(args.translations, code);
    const plan = planImport(delivered, translation, source, args.file);
    const before = readInputText(translation.file, { maxBytes: INPUT_LIMITS.jsonBytes, place: { file: translation.file, language: code } });
    const order = sourceOrder(source);
    const after = editTranslationText(before, { ...plan.edit, sources: orderedSources(plan.edit.sources, order) }, order);
    const findings = [...plan.findings, ...(plan.findings.length ? [] : checkCandidate(args, code, after, source.file, translation.file))];
    const failed = hasErrors(findings);
    if (!failed && after !== before) writeFileAtomic(translation.file, Buffer.from(after, 'utf8'));
    const summary = failed
      ? `${code}: not imported: ${findings.filter((f) => f.severity === 'error').length} errors; ${displayPath(translation.file)} is unchanged. Fix the strings in the CAT tool and deliver again.`
      : `${code}: imported ${displayPath(path.resolve(args.file))} into ${displayPath(translation.file)}: ${plan.changed.length} ${plan.changed.length === 1 ? 'string' : 'strings'} changed${plan.changed.length ? ` (${plan.changed.join(', ')})` : ''}.`;
    if (args.json) {
      printJson({ ok: !failed, language: code, file: displayPath(translation.file), changed: plan.changed, findings: jsonFindings(findings) });
    } else {
      for (const line of humanReport(findings, [code], new Map([[code, translation.meta.name]]), new Set(failed ? [] : [code]))) printLine(line);
      printLine(summary);
    }
    if (failed) process.exitCode = 1;
  },
};
