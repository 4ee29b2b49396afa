import { CommandModule } from 'yargs';
import { runChecks } from '../check/run-checks';
import { humanReport, jsonFindings, passedLanguages, summarize, summaryLine, uniqueFindings } from '../check/report';
import { withKeyLocations } from '../check/key-locations';
import { SelectionArgs, withSelectionOptions } from './command-options';
import { isBilingual, languagesOf } from '../languages/piece-languages';
import { companionTemplates, contentPaths, piecesFor, selectPapers, selectPieces, selectTemplates } from './content-options';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';
import { assertOneReport, ReportFormat, withReportFormatOption } from './ci-options';
import { githubAnnotation } from '../ci/github-annotations';

export const checkCommand: CommandModule<object, SelectionArgs & { format: ReportFormat }> = {
  command: 'check',
  describe: 'Check translations, glyphs, data, templates and fit (every format) without writing PDFs',
  builder: (yargs) => withHelp(withReportFormatOption(withSelectionOptions(yargs, 'all')), 'check') as never,
  handler: async (args) => {
    assertOneReport(args);
    const templates = selectTemplates(args.template, args.formats);
    const pieces = selectPieces(args.lang, contentPaths(args, templates[0]).translationsDir);
    const codes = languagesOf(pieces);
    const strict = templates.length === 1;
    // Each template with its format's papers and the bilingual pieces it makes; a language passes when it passes with every one.
    const results = templates.map((template) => runChecks(
      contentPaths(args, template, companionTemplates(template, templates), args.editionData),
      codes,
      selectPapers(args.paper, template, strict),
      piecesFor(pieces, template, strict).filter(isBilingual),
    ));
    const findings = withKeyLocations(uniqueFindings(results.flatMap((r) => r.findings)));
    const passed = passedLanguages(codes, findings, (code) => results.every((r) => r.prepared.has(code)));
    const names = new Map(results.flatMap((r) => [...r.names]));
    const summary = summarize(findings, codes, passed);
    if (args.json) {
      printJson({ ok: summary.errors === 0, summary, findings: jsonFindings(findings) });
    } else {
      const report = args.format === 'github' ? findings.map((f) => githubAnnotation(f)) : humanReport(findings, codes, names, passed);
      for (const line of report) printLine(line);
      printLine(summaryLine(summary));
    }
    if (summary.errors) process.exitCode = 1;
  },
};
