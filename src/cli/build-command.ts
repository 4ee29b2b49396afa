import * as path from 'node:path';
import { CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runProof } from './proof-command';
import { argvForRebuild, watchAndRebuild } from './watch';
import { sourceDateEpoch } from '../build/build-pamphlet';
import { templateHeader } from '../format/template-header';
import { findingCounts, humanReport, jsonFindings, passedLanguages, summarize, uniqueFindings } from '../check/report';
import { Finding } from '../core/finding';
import { loadFormat } from '../format/load-format';
import { LanguageCode } from '../languages/language';
import { withKeyLocations } from '../check/key-locations';
import { SelectionArgs, withOutOption, withSelectionOptions } from './command-options';
import { BuiltFile, buildTemplate, FailedBuild, prepareOutput, TemplateJob } from './build-template';
import { languagesOf } from '../languages/piece-languages';
import { companionTemplates, contentPaths, piecesFor, selectPapers, selectPieces, selectTemplates } from './content-options';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';

interface BuildArgs extends SelectionArgs {
  out: string;
  watch: boolean;
  proof: boolean;
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build',
  describe: 'Check the content, then build every format (tri-fold, poster) as PDF, one file per language and paper',
  builder: (yargs) => withHelp(withOutOption(withSelectionOptions(yargs, 'letter'))
    .option('watch', { type: 'boolean', default: false, describe: 'After the build, rebuild a language when its translation, the source text, a template, format, theme or the data changes; Ctrl-C stops' })
    .option('proof', { type: 'boolean', default: false, describe: 'With --watch: write proofs (pamphlet proof) after each rebuild' }), 'build') as never,
  handler: async (args) => {
    const templates = selectTemplates(args.template, args.formats);
    const several = templates.length > 1;
    const pieces = selectPieces(args.lang, contentPaths(args, templates[0]).translationsDir);
    const jobs: TemplateJob[] = templates.map((template) => ({
      paths: contentPaths(args, template, companionTemplates(template, templates), args.editionData),
      format: templateHeader(template).format,
      papers: selectPapers(args.paper, template, !several),
      pieces: piecesFor(pieces, template, !several),
    }));
    const codes = languagesOf(pieces);
    sourceDateEpoch();
    for (const job of jobs) if (job.pieces.length) prepareOutput(args.out, job);
    const started = Date.now();
    const log = (line: string) => { if (!args.json) printLine(line); };
    const built: BuiltFile[] = [];
    const failed: FailedBuild[] = [];
    const all: Finding[] = [];
    let names = new Map<LanguageCode, string>();
    for (const job of jobs) {
      if (job.papers.length === 0) {
        log(`${job.format}: not printed on ${args.paper} (it is printed on ${(loadFormat(job.paths.templateFile, job.format).papers).join(', ')}); not built`);
        continue;
      }
      const alone = pieces.filter((piece) => !job.pieces.includes(piece)).map((piece) => piece.name);
      if (alone.length) log(`${job.format}: printed in one language at a time; ${alone.join(', ')} not built in it`);
      if (!job.pieces.length) continue;
      const result = await buildTemplate(job, args.out, log);
      built.push(...result.built);
      failed.push(...result.failed);
      all.push(...result.findings);
      names = new Map([...names, ...result.names]);
    }
    const findings = withKeyLocations(uniqueFindings(all));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const passed = passedLanguages(codes, findings, (code) => !failed.some((f) => f.language === code));
    const summary = summarize(findings, codes, passed);
    if (args.json) {
      printJson({ ok: failed.length === 0, summary: { ...summary, built: built.length, failed }, built, findings: jsonFindings(findings) });
    } else {
      // Only the languages with something to say; the rest were built, line by line, above.
      const mention = codes.filter((c) => !passed.has(c) || findings.some((f) => f.language === c));
      for (const line of humanReport(findings, mention, names, passed)) printLine(line);
      const which = failed.map((f) => `${several ? `${f.format} ` : ''}${f.language} on ${f.paper}`).join(', ');
      printLine(`${built.length} built, ${failed.length} failed${which ? ` (${which})` : ''}, in ${seconds} s; ${findingCounts(summary)}.`);
    }
    if (failed.length) process.exitCode = 1;
    if (args.watch) {
      if (args.proof) await runProof({ ...args, keys: false, dpi: 100 }, log);
      await watchAndRebuild({
        watched: [args.translations, args.data, ...new Set(templates.map((t) => path.dirname(t))), ...(args.edition ? [args.edition] : [])],
        translationsDir: args.translations,
        codes,
        argv: argvForRebuild(hideBin(process.argv)),
        proof: args.proof,
      });
      // A watch ends when asked to: its last build's failures were reported, not the reason it stopped.
      // Exit now: Node 20's recursive fs.watch on Linux can leave handles open after close().
      process.exit(0);
    }
  },
};
