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
import { SelectionArgs, withOutOption, withPrintOption, withSelectionOptions } from './command-options';
import { assertShopLogo } from '../build/build-pamphlet';
import { BuiltFile, buildTemplate, FailedBuild, localWork, prepareOutput, printRuns, TemplateJob, TemplateWork } from './build-template';
import { papersFor, parsePrintTargets } from '../print/print-target';
import { PamphletError } from '../core/errors';
import { languagesOf } from '../languages/piece-languages';
import { companionTemplates, contentPaths, piecesFor, selectPapers, selectPieces, selectTemplates } from './content-options';
import { withHelp } from './help-text';
import { printJson, printLine } from './safe-output';
import { assertOneReport, ReportFormat, withReportFormatOption, withShardOption } from './ci-options';
import { BatchPdf, batchPdfKey, batchPdfLabel, batchPdfs } from './batch-pdfs';
import { displayPath } from '../check/report';
import { parseShard, shardName, shardOf } from '../ci/shard';
import { createProgress } from '../ci/progress';
import { makeManifest, removeManifest, writeManifest } from '../ci/manifest';
import { githubAnnotation } from '../ci/github-annotations';
import { makeFolder } from '../build/output-folder';
import { removeLeftovers } from '../build/write-atomic';
import { BuildPool } from '../parallel/build-pool';
import { jobsFor, parseJobs } from '../parallel/jobs';
import { defaultsFrom } from './option-defaults';

interface BuildArgs extends SelectionArgs {
  out: string;
  /** office, shop, both, or all (src/print/print-target.ts). */
  print: string;
  /** `I/N`: this machine's part of the batch (src/ci/shard.ts). */
  shard?: string;
  format: ReportFormat;
  watch: boolean;
  proof: boolean;
  /** How many threads build the PDFs (src/parallel/jobs.ts); unset: by the machine's cores. */
  jobs?: string;
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build',
  describe: 'Check the content, then build every format (tri-fold, poster) as PDF, one file per language and paper',
  builder: (yargs) => withHelp(withShardOption(withReportFormatOption(withPrintOption(withOutOption(withSelectionOptions(yargs, 'letter')))))
    .option('watch', { type: 'boolean', default: false, describe: 'After the build, rebuild a language when its translation, the source text, a template, format, theme or the data changes; Ctrl-C stops' })
    .option('proof', { type: 'boolean', default: false, describe: 'With --watch: write proofs (pamphlet proof) after each rebuild' })
    .option('jobs', { alias: 'j', type: 'string', describe: 'Build the PDFs in N worker threads (1: in one thread); the same files whatever N. Default: the config file\'s "jobs", else one per core on a machine with more than 2 cores; on 2 cores, 2 for a batch of 100 PDFs or more, else 1' })
    .middleware(defaultsFrom({ jobs: undefined })), 'build') as never,
  handler: async (args) => {
    assertOneReport(args);
    const asked = args.jobs === undefined ? undefined : parseJobs(args.jobs);
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
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
    // The PDFs of the batch, and of them this machine's: a shard checks and builds only the pieces it has PDFs of.
    const batch = batchPdfs(jobs);
    const mine = shard ? shardOf(batch, batchPdfKey, shard) : batch;
    const ours = new Set(mine.map(batchPdfKey));
    // Said of the whole batch, not of a shard's part of it.
    const alone = new Map(jobs.map((job) => [job, pieces.filter((piece) => !job.pieces.includes(piece)).map((piece) => piece.name)]));
    if (shard) for (const job of jobs) job.pieces = job.pieces.filter((piece) => mine.some((pdf) => pdf.format === job.format && pdf.piece === piece.name));
    const codes = languagesOf(shard ? pieces.filter((piece) => jobs.some((job) => job.pieces.includes(piece))) : pieces);
    sourceDateEpoch();
    // Said before any PDF is written, not after the office's are (buildPiece says it too, for any other caller).
    const logo = args.editionData?.logo?.image;
    if (prints.includes('shop') && logo?.kind === 'png') assertShopLogo(logo);
    for (const job of jobs) if (job.pieces.length) prepareOutput(args.out, job);
    removeManifest(args.out);
    const started = Date.now();
    const progress = createProgress(mine.length);
    const log = (line: string) => { if (!args.json) progress.line(line); };
    if (shard) log(`shard ${shardName(shard)}: ${mine.length} of the batch's ${batch.length} PDFs`);
    const hooks = { include: (pdf: BatchPdf) => ours.has(batchPdfKey(pdf)), starting: (pdf: BatchPdf) => progress.step(batchPdfLabel(pdf)) };
    let edition: string | undefined;
    const built: BuiltFile[] = [];
    const failed: FailedBuild[] = [];
    const all: Finding[] = [];
    let names = new Map<LanguageCode, string>();
    // Threads only where they pay (src/parallel/jobs.ts); each queues its tasks now, and results are read back in the batch's order.
    const building = jobs.filter((job) => job.papers.length && job.pieces.length);
    const ordered = batch.filter((pdf) => ours.has(batchPdfKey(pdf)));
    const threads = jobsFor(asked, building.reduce((n, job) => n + job.pieces.length, 0), ordered.length);
    const pool = threads > 1 ? new BuildPool(threads) : undefined;
    const works = pool?.queue(building, ordered, args.out, args.editionData?.file) ?? new Map<TemplateJob, TemplateWork>();
    try {
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
        const single = alone.get(job)!;
        if (single.length) log(`${job.format}: printed in one language at a time; ${single.join(', ')} not built in it`);
        if (!job.pieces.length) continue;
        progress.note(`checking ${job.format}`);
        // A later template sets the same languages: this one keeps their fonts for it.
        const later = building.indexOf(job) < building.length - 1;
        const result = await buildTemplate(job, args.out, log, hooks, works.get(job) ?? localWork(job, args.out, hooks.include, later));
        edition ??= result.edition;
        built.push(...result.built);
        failed.push(...result.failed);
        all.push(...result.findings);
        names = new Map([...names, ...result.names]);
      }
    } finally {
      await pool?.close();
    }
    progress.done();
    // Beside the PDFs, for CI: what this build wrote, and what it did not.
    makeFolder(args.out, args.out);
    removeLeftovers(args.out);
    const manifest = makeManifest(args.out, built, failed, { date: edition, file: args.editionData && displayPath(args.editionData.file).split('\\').join('/'), name: args.editionData?.name }, shard && shardName(shard));
    const manifestFile = writeManifest(args.out, manifest);
    const findings = withKeyLocations(uniqueFindings(all));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const passed = passedLanguages(codes, findings, (code) => !failed.some((f) => f.language === code));
    const summary = summarize(findings, codes, passed);
    if (args.json) {
      printJson({ ok: failed.length === 0, summary: { ...summary, built: built.length, failed }, built, findings: jsonFindings(findings), manifest: displayPath(manifestFile) });
    } else {
      // Only the languages with something to say; the rest were built, line by line, above.
      const mention = codes.filter((c) => !passed.has(c) || findings.some((f) => f.language === c));
      const report = args.format === 'github' ? findings.map((f) => githubAnnotation(f)) : humanReport(findings, mention, names, passed);
      for (const line of report) printLine(line);
      const which = failed.map((f) => `${several ? `${f.format} ` : ''}${f.language} on ${f.paper}${prints.length > 1 ? ` (${f.print})` : ''}`).join(', ');
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
