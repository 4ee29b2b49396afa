import * as path from 'node:path';
import type { Piscina } from 'piscina';
import type { BatchPdf } from '../cli/batch-pdfs';
import type { CheckedTemplate, PdfOutcome, TemplateJob, TemplateWork } from '../cli/build-template';
import { evenSlice } from '../core/even-slices';
import { PamphletError } from '../core/errors';
import { PROJECT_ROOT } from '../core/project-root';
import { Finding } from '../core/finding';
import { errorMessage } from '../core/unexpected-error';
import { LanguageCode } from '../languages/language';
import { languagesOf, PieceLanguages } from '../languages/piece-languages';
import { PartResult, PdfTask, PdfTaskResult } from './pdf-task';

/**
 * The worker is the compiled entry (dist/parallel/pdf-worker-entry.js, which runs the worker's
 * bundle), also when this module runs from its source under ts-jest or from the CLI's bundle
 * (dist/cli/pamphlet.bundle.js): found from the project's root, which all of them know
 * (core/project-root.ts).
 */
function workerFile(): string {
  return path.join(PROJECT_ROOT, 'dist', 'parallel', 'pdf-worker-entry.js');
}

/** A task's result, or why it has none: a rejected promise is held, never left unhandled. */
type Settled = { result: PdfTaskResult } | { error: unknown };

/**
 * Tasks per thread: more evens out languages that take longer (Chinese,
 * Arabic) than others; fewer repeats less of what every task does before its
 * languages (check the data, the template and the source text; shape the
 * words a thread has not shaped yet).
 */
const RUNS_PER_THREAD = 2;

/** `items` cut into `count` runs in their order, whose sizes differ by at most one (as src/ci/shard.ts cuts a batch). */
export function runsOf<T>(items: readonly T[], count: number): T[][] {
  const n = Math.max(1, Math.min(count, items.length));
  return Array.from({ length: n }, (_, i) => evenSlice(items, i, n));
}

/**
 * Worker threads that build a batch's PDFs. The batch's pieces are cut into
 * runs, as shards cut it, and one task builds one run in every template: a
 * language is prepared and shaped by one thread only, whose caches serve all
 * of its PDFs. Tasks are queued all at once and taken by whichever thread is
 * free; the main thread reads their results back in the batch's order
 * (src/cli/build-template.ts), so the report, the progress lines and the
 * manifest are those of a build in one thread.
 */
export class BuildPool {
  private readonly pool: Piscina<PdfTask, PdfTaskResult>;

  /** `worker`: the compiled worker; another only in tests. */
  constructor(private readonly threads: number, worker = workerFile()) {
    // Required here, not at the top: a build in one thread (the default on 2 cores) never loads it (8 ms).
    const { Piscina: Pool } = require('piscina') as typeof import('piscina');
    this.pool = new Pool({ filename: worker, minThreads: threads, maxThreads: threads, idleTimeout: Infinity });
  }

  /** Queues the jobs (with their PDFs in `pdfs`, in the batch's order) and says, per job, how to read back what they came to. */
  queue(jobs: TemplateJob[], pdfs: BatchPdf[], out: string, editionFile?: string): Map<TemplateJob, TemplateWork> {
    const byName = new Map<string, PieceLanguages>();
    for (const job of jobs) for (const piece of job.pieces) if (!byName.has(piece.name)) byName.set(piece.name, piece);
    const runs = runsOf([...byName.values()], this.threads * RUNS_PER_THREAD).map((run) => new Set(run.map((piece) => piece.name)));
    // Per job, the runs it has pieces in: which task, which of its parts.
    const places = new Map<TemplateJob, { run: number; part: number; pieces: PieceLanguages[]; pdfs: BatchPdf[] }[]>(jobs.map((job) => [job, []]));
    const tasks = runs.map((run, r) => {
      const task: PdfTask = { out, parts: [] };
      for (const job of jobs) {
        const pieces = job.pieces.filter((piece) => run.has(piece.name));
        if (!pieces.length) continue;
        const mine = pdfs.filter((pdf) => pdf.format === job.format && run.has(pdf.piece));
        places.get(job)!.push({ run: r, part: task.parts.length, pieces, pdfs: mine });
        const { paths } = job;
        task.parts.push({
          templateFile: paths.templateFile, translationsDir: paths.translationsDir, dataDir: paths.dataDir, fontsFile: paths.fonts.configFile,
          otherTemplates: paths.otherTemplates ?? [], editionFile, format: job.format, papers: job.papers, prints: job.prints, pieces, pdfs: mine,
        });
      }
      const settled: Promise<Settled> = this.pool.run(task).then((result) => ({ result }), (error: unknown) => ({ error }));
      return { task, settled };
    });
    return new Map(jobs.map((job) => [job, workOf(job, places.get(job)!, tasks.map((t) => t.settled))]));
  }

  /** Ends the threads, whatever they were doing: a PDF being written stays a temporary file, which the next build removes. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** One job's PDFs and checks, read back from the tasks that built its runs. */
function workOf(job: TemplateJob, places: { run: number; part: number; pieces: PieceLanguages[]; pdfs: BatchPdf[] }[], tasks: Promise<Settled>[]): TemplateWork {
  const partOf = async (place: (typeof places)[number]): Promise<{ part?: PartResult; usage?: PamphletError }> => {
    const settled = await tasks[place.run];
    if ('error' in settled) throw new Error(`a build worker stopped while building ${job.format} in ${place.pieces.map((piece) => piece.name).join(', ')}: ${errorMessage(settled.error)}`);
    const { parts, usage } = settled.result;
    // A usage error stopped the task in this part or before it.
    const stopped = usage && place.part >= usage.part ? new PamphletError(usage.detail, usage.place, 'usage') : undefined;
    return { part: parts[place.part], usage: stopped };
  };
  return {
    pdf: async (pdf: BatchPdf, piece: PieceLanguages): Promise<PdfOutcome> => {
      const place = places.find((p) => p.pieces.includes(piece))!;
      const { part, usage } = await partOf(place);
      const i = place.pdfs.findIndex((p) => p.piece === pdf.piece && p.paper === pdf.paper && p.print === pdf.print);
      if (part && i >= 0 && i < part.outcomes.length) return part.outcomes[i];
      if (usage) throw usage;
      throw new Error(`a build worker did not build ${job.format} in ${piece.name} on ${pdf.paper} (${pdf.print})`);
    },
    checked: async (): Promise<CheckedTemplate> => {
      const parts: PartResult[] = [];
      for (const place of places) {
        const { part, usage } = await partOf(place);
        if (usage) throw usage;
        parts.push(part!);
      }
      return mergeChecks(places.map((place) => place.pieces), parts);
    },
  };
}

/**
 * One template's checks, put together from the parts of its runs of pieces
 * as the checks of all its languages in one thread would have said them.
 * Each language's findings are taken from the run of the first piece it is
 * in (a bilingual piece's run checks both of its languages again); what
 * concerns every language is said by each run and left once by the report
 * (uniqueFindings), where the first run said it. A finding about a language
 * of the template that another run owns (the source text's, said for all by
 * a run without it) is that run's to say.
 */
export function mergeChecks(runs: PieceLanguages[][], results: PartResult[]): CheckedTemplate {
  const languages = languagesOf(runs.flat());
  const owner = new Map<LanguageCode, number>();
  runs.forEach((pieces, t) => pieces.forEach((piece) => piece.codes.forEach((code) => { if (!owner.has(code)) owner.set(code, t); })));
  const findings: Finding[] = [];
  const names = new Map<LanguageCode, string>();
  results.forEach((result, t) => {
    const own = (code: LanguageCode) => owner.get(code) === t;
    findings.push(...result.findings.filter((f) => !f.language || !languages.includes(f.language) || own(f.language)));
    for (const [code, name] of result.names) if (own(code)) names.set(code, name);
  });
  return { findings, names, edition: results.find((r) => r.edition !== undefined)?.edition };
}
