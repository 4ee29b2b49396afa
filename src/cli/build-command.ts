import { CommandModule } from 'yargs';
import { sourceDateEpoch } from '../build/build-pamphlet';
import { templateHeader } from '../format/template-header';
import { findingCounts, humanReport, jsonFindings, passedLanguages, summarize, uniqueFindings } from '../check/report';
import { Finding } from '../core/finding';
import { loadFormat } from '../format/load-format';
import { LanguageCode } from '../languages/language';
import { withKeyLocations } from '../check/key-locations';
import { SelectionArgs, withOutOption, withPrintOption, withSelectionOptions } from './command-options';
import { assertShopLogo } from '../build/build-pamphlet';
import { BuiltFile, buildTemplate, FailedBuild, prepareOutput, printRuns, TemplateJob } from './build-template';
import { papersFor, parsePrintTargets } from '../print/print-target';
import { PamphletError } from '../core/errors';
import { languagesOf } from '../languages/piece-languages';
import { companionTemplates, contentPaths, piecesFor, selectPapers, selectPieces, selectTemplates } from './content-options';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';

interface BuildArgs extends SelectionArgs {
  out: string;
  /** office, shop, both, or all (src/print/print-target.ts). */
  print: string;
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build',
  describe: 'Check the content, then build every format (tri-fold, poster) as PDF, one file per language and paper',
  builder: (yargs) => withHelp(withPrintOption(withOutOption(withSelectionOptions(yargs, 'letter'))), 'build') as never,
  handler: async (args) => {
    const prints = parsePrintTargets(args.print);
    const everyPaper = args.paper.split(',').map((p) => p.trim()).includes('all');
    const templates = selectTemplates(args.template, args.formats);
    const several = templates.length > 1;
    const pieces = selectPieces(args.lang, contentPaths(args, templates[0]).translationsDir);
    const jobs: TemplateJob[] = templates.map((template) => ({
      paths: contentPaths(args, template, companionTemplates(template, templates), args.editionData),
      format: templateHeader(template).format,
      papers: selectPapers(args.paper, template, !several),
      prints,
      pieces: piecesFor(pieces, template, !several),
    }));
    // One template asked for by name, on papers none of the targets asked for prints it on (the card's piece for an office): said at once.
    if (!several && jobs[0].papers.length && !printRuns(jobs[0]).length) {
      throw new PamphletError(`the format "${jobs[0].format}" is printed on ${jobs[0].papers.join(', ')} only by ${prints.includes('shop') ? 'an office printer' : 'a print shop'}. Add --print ${prints.includes('shop') ? 'office' : 'shop'}, or --print all.`, { file: templates[0] }, 'usage');
    }
    const codes = languagesOf(pieces);
    sourceDateEpoch();
    // Said before any PDF is written, not after the office's are (buildPiece says it too, for any other caller).
    const logo = args.editionData?.logo?.image;
    if (prints.includes('shop') && logo?.kind === 'png') assertShopLogo(logo);
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
      const format = loadFormat(job.paths.templateFile, job.format);
      for (const print of prints) {
        const papers = job.papers.filter((paper) => papersFor(format, print).includes(paper));
        // `--paper all` means each target's own papers: nothing left out to say.
        if (!everyPaper && papers.length < job.papers.length) log(`${job.format}: not printed on ${job.papers.filter((p) => !papers.includes(p)).join(', ')} for ${print === 'shop' ? 'a print shop' : 'an office printer'} (${papersFor(format, print).join(', ')} only)`);
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
      const which = failed.map((f) => `${several ? `${f.format} ` : ''}${f.language} on ${f.paper}${prints.length > 1 ? ` (${f.print})` : ''}`).join(', ');
      printLine(`${built.length} built, ${failed.length} failed${which ? ` (${which})` : ''}, in ${seconds} s; ${findingCounts(summary)}.`);
    }
    if (failed.length) process.exitCode = 1;
  },
};
