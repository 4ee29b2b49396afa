import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { buildPamphlet } from '../build/build-pamphlet';
import { writeFileAtomic } from '../build/write-atomic';
import { runChecks } from '../check/run-checks';
import { displayPath, findingCounts, humanReport, jsonFindings, summarize } from '../check/report';
import { PamphletError } from '../core/errors';
import { findingsFromError } from '../core/finding';
import { PaperName } from '../imposition/paper';
import { LanguageCode } from '../languages/language';
import { contentPaths, selectLanguages, selectPapers, SelectionArgs, withSelectionOptions } from './content-options';

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

export function outputPath(out: string, paper: PaperName, code: string): string {
  return path.join(out, 'trifold', paper, `${code}.pdf`);
}

/** Fails early, in one line, when the output folder cannot be written, rather than once per PDF. */
function assertWritable(out: string): void {
  const probe = path.join(out, `.pamphlet-write-test-${process.pid}`);
  try {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    throw new PamphletError(`the output folder cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose a writable folder with --out.`, { file: out }, 'usage');
  }
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build',
  describe: 'Check the content, then build the tri-fold pamphlet as PDF, one file per language and paper',
  builder: (yargs) => withSelectionOptions(yargs, 'letter')
    .option('out', { type: 'string', default: 'out', describe: 'Output folder; files go to OUT/trifold/<paper>/<lang>.pdf' }) as never,
  handler: async (args) => {
    const paths = contentPaths(args);
    const codes = selectLanguages(args.lang, paths.translationsDir);
    const papers = selectPapers(args.paper);
    assertWritable(args.out);
    const started = Date.now();
    // The checks that need no paper first; fit is checked as each PDF is laid out.
    const { findings, sources, prepared, names } = runChecks(paths, codes, []);
    const built: BuiltFile[] = [];
    const failed: { language: LanguageCode; paper: PaperName }[] = [];
    const log = (line: string) => { if (!args.json) console.log(line); };
    for (const paper of papers) {
      for (const code of codes) {
        const ready = prepared.get(code);
        if (!sources || !ready) {
          failed.push({ language: code, paper });
          continue;
        }
        try {
          const result = await buildPamphlet(sources, code, paper, ready);
          const file = outputPath(args.out, paper, code);
          writeFileAtomic(file, result.pdf);
          built.push({ file: displayPath(file)!, language: code, paper, pages: result.pages, bytes: result.pdf.length, scale: result.minScale });
          const tightened = result.minScale < 1 ? `, type at ${Math.round(result.minScale * 100)}% to fit` : '';
          log(`built ${displayPath(file)} (${result.pages} pages, ${Math.round(result.pdf.length / 1024)} KB${tightened})`);
        } catch (error) {
          if (!(error instanceof PamphletError) || error.kind === 'usage') throw error;
          findings.push(...findingsFromError(error, 'fit', code));
          failed.push({ language: code, paper });
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const passed = new Set(codes.filter((code) => !failed.some((f) => f.language === code)));
    const summary = summarize(findings, codes, passed);
    if (args.json) {
      console.log(JSON.stringify({ ok: failed.length === 0, summary: { ...summary, built: built.length, failed }, built, findings: jsonFindings(findings) }, null, 2));
    } else {
      // Only the languages with something to say; the rest were built, line by line, above.
      const mention = codes.filter((c) => !passed.has(c) || findings.some((f) => f.language === c));
      for (const line of humanReport(findings, mention, names, passed)) console.log(line);
      const which = failed.map((f) => `${f.language} on ${f.paper}`).join(', ');
      console.log(`${built.length} built, ${failed.length} failed${which ? ` (${which})` : ''}, in ${seconds} s; ${findingCounts(summary)}.`);
    }
    if (failed.length) process.exitCode = 1;
  },
};
