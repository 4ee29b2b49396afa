import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { buildPamphlet, sourceDateEpoch } from '../build/build-pamphlet';
import { belowDesignSize } from '../check/design-size';
import { templateHeader } from '../format/template-header';
import { makeFolder } from '../build/output-folder';
import { assertWritableFolder, removeLeftovers, writeFileAtomic } from '../build/write-atomic';
import { findingsOf, runChecks } from '../check/run-checks';
import { displayPath, findingCounts, humanReport, jsonFindings, summarize } from '../check/report';
import { PamphletError } from '../core/errors';
import { PaperName } from '../imposition/paper';
import { LanguageCode } from '../languages/language';
import { SelectionArgs, withOutOption, withSelectionOptions } from './command-options';
import { contentPaths, selectLanguages, selectPapers } from './content-options';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';

interface BuildArgs extends SelectionArgs {
  out: string;
}

interface BuiltFile {
  file: string;
  language: LanguageCode;
  paper: PaperName;
  pages: number;
  bytes: number;
  /** The smallest type scale a panel needed to fit. */
  scale: number;
}

/** OUT/<format>/<paper>/<lang>.pdf: a tri-fold, a poster and a card of one language and paper never overwrite each other. */
export function outputPath(out: string, format: string, paper: PaperName, code: string): string {
  return path.join(out, format, paper, `${code}.pdf`);
}

/**
 * Makes the folders a build writes into, fails early (in one line, rather
 * than once per PDF) when they cannot be written, and removes the temporary
 * files that killed builds left there.
 */
function prepareOutput(out: string, format: string, papers: PaperName[]): void {
  for (const paper of papers) {
    const folder = path.dirname(outputPath(out, format, paper, 'xx'));
    makeFolder(folder, out);
    removeLeftovers(folder);
    assertWritableFolder(folder, out);
  }
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build',
  describe: 'Check the content, then build the tri-fold pamphlet as PDF, one file per language and paper',
  builder: (yargs) => withHelp(withOutOption(withSelectionOptions(yargs, 'letter')), 'build') as never,
  handler: async (args) => {
    const paths = contentPaths(args);
    const codes = selectLanguages(args.lang, paths.translationsDir);
    const papers = selectPapers(args.paper, paths.templateFile);
    sourceDateEpoch();
    const format = templateHeader(paths.templateFile).format;
    prepareOutput(args.out, format, papers);
    const started = Date.now();
    // The checks that need no paper first; fit is checked as each PDF is laid out.
    const { findings, sources, prepared, names } = runChecks(paths, codes, []);
    const built: BuiltFile[] = [];
    const failed: { language: LanguageCode; paper: PaperName }[] = [];
    const log = (line: string) => { if (!args.json) printLine(line); };
    for (const paper of papers) {
      for (const code of codes) {
        const ready = prepared.get(code);
        if (!sources || !ready) {
          failed.push({ language: code, paper });
          continue;
        }
        try {
          const result = await buildPamphlet(sources, code, paper, ready);
          const file = outputPath(args.out, format, paper, code);
          writeFileAtomic(file, result.pdf);
          built.push({ file: displayPath(file)!, language: code, paper, pages: result.pages, bytes: result.pdf.length, scale: result.minScale });
          findings.push(...belowDesignSize(result.scales, ready.translation, paper));
          const tightened = result.minScale < 1 ? `, type at ${Math.round(result.minScale * 100)}% to fit` : '';
          log(`built ${displayPath(file)} (${result.pages} pages, ${Math.round(result.pdf.length / 1024)} KB${tightened})`);
        } catch (error) {
          // A usage error (the output cannot be written) stops the run; anything else fails this language alone.
          if (error instanceof PamphletError && error.kind === 'usage') throw error;
          findings.push(...findingsOf(error, 'fit', code, ready.translation.file, `laying out or writing the PDF on ${paper} paper`));
          failed.push({ language: code, paper });
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const passed = new Set(codes.filter((code) => !failed.some((f) => f.language === code)));
    const summary = summarize(findings, codes, passed);
    if (args.json) {
      printJson({ ok: failed.length === 0, summary: { ...summary, built: built.length, failed }, built, findings: jsonFindings(findings) });
    } else {
      // Only the languages with something to say; the rest were built, line by line, above.
      const mention = codes.filter((c) => !passed.has(c) || findings.some((f) => f.language === c));
      for (const line of humanReport(findings, mention, names, passed)) printLine(line);
      const which = failed.map((f) => `${f.language} on ${f.paper}`).join(', ');
      printLine(`${built.length} built, ${failed.length} failed${which ? ` (${which})` : ''}, in ${seconds} s; ${findingCounts(summary)}.`);
    }
    if (failed.length) process.exitCode = 1;
  },
};
