import * as path from 'node:path';
import { Piscina } from 'piscina';
import type { BatchPdf } from '../cli/batch-pdfs';
import type { CheckedTemplate, PdfOutcome, TemplateJob, TemplateWork } from '../cli/build-template';
import { PamphletError } from '../core/errors';
import { Finding } from '../core/finding';
import { errorMessage } from '../core/unexpected-error';
import { LanguageCode } from '../languages/language';
import { languagesOf, PieceLanguages } from '../languages/piece-languages';
import { PdfTask, PdfTaskResult } from './pdf-task';

/** The worker is the compiled file (dist/parallel/pdf-worker.js), also when this module runs from its source under ts-jest. */
function workerFile(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, '..', '..', 'dist', 'parallel', 'pdf-worker.js') : path.join(__dirname, 'pdf-worker.js');
}

/** A task's result, or why it has none: a rejected promise is held, never left unhandled. */
type Settled = { result: PdfTaskResult } | { error: unknown };

/**
 * Tasks per thread for each template: more evens out languages that take
 * longer (Chinese, Arabic) than others; fewer repeats less of what every
 * task checks before its languages (the data, the template, the source text).
 */
const RUNS_PER_THREAD = 2;

/** `items` cut into `count` runs in their order, whose sizes differ by at most one (as src/ci/shard.ts cuts a batch). */
export function runsOf<T>(items: readonly T[], count: number): T[][] {
  const n = Math.max(1, Math.min(count, items.length));
  return Array.from({ length: n }, (_, i) => items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)));
}

/**
 * Worker threads that build a batch's PDFs, one task per template and run
 * of its pieces (so each language is prepared by one worker per template,
 * as a shard prepares only its own). Tasks are queued all at once in the
 * batch's order and taken by whichever thread is free; the main thread reads
 * their results back in that order (src/cli/build-template.ts), so the
 * report, the progress lines and the manifest are those of a build in one
 * thread.
 */
export class BuildPool {
  private readonly pool: Piscina<PdfTask, PdfTaskResult>;

  /** `worker`: the compiled worker; another only in tests. */
  constructor(private readonly threads: number, worker = workerFile()) {
    this.pool = new Piscina({ filename: worker, minThreads: threads, maxThreads: threads, idleTimeout: Infinity });
  }

  /** Queues `job` in runs of its pieces (with the PDFs of them in `pdfs`, in the batch's order) and says how to read back what they came to. */
  work(job: TemplateJob, pdfs: BatchPdf[], out: string, editionFile?: string): TemplateWork {
    const runs = runsOf(job.pieces, this.threads * RUNS_PER_THREAD);
    const tasks = runs.map((pieces) => {
      const names = new Set(pieces.map((piece) => piece.name));
      const task: PdfTask = {
        templateFile: job.paths.templateFile,
        translationsDir: job.paths.translationsDir,
        dataDir: job.paths.dataDir,
        fontsFile: job.paths.fonts.configFile,
        otherTemplates: job.paths.otherTemplates ?? [],
        editionFile,
        format: job.format,
        papers: job.papers,
        prints: job.prints,
        pieces,
        pdfs: pdfs.filter((pdf) => pdf.format === job.format && names.has(pdf.piece)),
        out,
      };
      const settled: Promise<Settled> = this.pool.run(task).then((result) => ({ result }), (error: unknown) => ({ error }));
      return { task, settled };
    });
    const resultOf = async (i: number): Promise<PdfTaskResult> => {
      const settled = await tasks[i].settled;
      if ('error' in settled) throw new Error(`a build worker stopped while building ${job.format} in ${runs[i].map((piece) => piece.name).join(', ')}: ${errorMessage(settled.error)}`);
      return settled.result;
    };
    const usage = (result: PdfTaskResult) => new PamphletError(result.usage!.detail, result.usage!.place, 'usage');
    return {
      pdf: async (pdf: BatchPdf, piece: PieceLanguages): Promise<PdfOutcome> => {
        const t = runs.findIndex((pieces) => pieces.includes(piece));
        const result = await resultOf(t);
        const i = tasks[t].task.pdfs.findIndex((p) => p.piece === pdf.piece && p.paper === pdf.paper && p.print === pdf.print);
        if (i >= 0 && i < result.outcomes.length) return result.outcomes[i];
        if (result.usage) throw usage(result);
        throw new Error(`a build worker did not build ${job.format} in ${piece.name} on ${pdf.paper} (${pdf.print})`);
      },
      checked: async (): Promise<CheckedTemplate> => {
        const results: PdfTaskResult[] = [];
        for (let t = 0; t < runs.length; t++) {
          const result = await resultOf(t);
          if (result.usage) throw usage(result);
          results.push(result);
        }
        return mergeChecks(runs, results);
      },
    };
  }

  /** Ends the threads, whatever they were doing: a PDF being written stays a temporary file, which the next build removes. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * One template's checks, put together from the tasks of its runs of pieces
 * as the checks of all its languages in one thread would have said them.
 * Each language's findings are taken from the run of the first piece it is
 * in (a bilingual piece's task checks both of its languages again); what
 * concerns every language is said by each task and left once by the report
 * (uniqueFindings), where the first task said it. A finding about a language
 * of the template that another run owns (the source text's, said for all by
 * a task without it) is that run's to say.
 */
export function mergeChecks(runs: PieceLanguages[][], results: PdfTaskResult[]): CheckedTemplate {
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
