import { CommandModule } from 'yargs';
import { runChecks } from '../check/run-checks';
import { humanReport, jsonFindings, summarize, summaryLine, uniqueFindings } from '../check/report';
import { SelectionArgs, withSelectionOptions } from './command-options';
import { contentPaths, selectLanguages, selectPapers, selectTemplates } from './content-options';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';

export const checkCommand: CommandModule<object, SelectionArgs> = {
  command: 'check',
  describe: 'Check translations, glyphs, data, templates and fit (every format) without writing PDFs',
  builder: (yargs) => withHelp(withSelectionOptions(yargs, 'all'), 'check') as never,
  handler: async (args) => {
    const templates = selectTemplates(args.template, args.formats);
    const codes = selectLanguages(args.lang, contentPaths(args, templates[0]).translationsDir);
    // Each template with its format's papers; a language passes when it passes with every one.
    const results = templates.map((template) => runChecks(contentPaths(args, template, templates.filter((t) => t !== template), args.editionData), codes, selectPapers(args.paper, template, templates.length === 1)));
    const findings = uniqueFindings(results.flatMap((r) => r.findings));
    const passed = new Set(codes.filter((code) => results.every((r) => r.prepared.has(code))));
    const names = new Map(results.flatMap((r) => [...r.names]));
    const summary = summarize(findings, codes, passed);
    if (args.json) {
      printJson({ ok: summary.errors === 0, summary, findings: jsonFindings(findings) });
    } else {
      for (const line of humanReport(findings, codes, names, passed)) printLine(line);
      printLine(summaryLine(summary));
    }
    if (summary.errors) process.exitCode = 1;
  },
};
