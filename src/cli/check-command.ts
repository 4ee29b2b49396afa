import { CommandModule } from 'yargs';
import { runChecks } from '../check/run-checks';
import { humanReport, jsonFindings, summarize, summaryLine } from '../check/report';
import { SelectionArgs, withSelectionOptions } from './command-options';
import { contentPaths, selectLanguages, selectPapers } from './content-options';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';

export const checkCommand: CommandModule<object, SelectionArgs> = {
  command: 'check',
  describe: 'Check translations, glyphs, data, template and fit without writing PDFs',
  builder: (yargs) => withHelp(withSelectionOptions(yargs, 'all'), 'check') as never,
  handler: async (args) => {
    const paths = contentPaths(args);
    const codes = selectLanguages(args.lang, paths.translationsDir);
    const papers = selectPapers(args.paper, paths.templateFile);
    const result = runChecks(paths, codes, papers);
    const passed = new Set(result.prepared.keys());
    const summary = summarize(result.findings, codes, passed);
    if (args.json) {
      printJson({ ok: summary.errors === 0, summary, findings: jsonFindings(result.findings) });
    } else {
      for (const line of humanReport(result.findings, codes, result.names, passed)) printLine(line);
      printLine(summaryLine(summary));
    }
    if (summary.errors) process.exitCode = 1;
  },
};
