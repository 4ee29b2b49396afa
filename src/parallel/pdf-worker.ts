import { buildPdf, checkTemplate, PdfOutcome, TemplateJob } from '../cli/build-template';
import { loadFonts } from '../cli/content-options';
import { PamphletError } from '../core/errors';
import { Edition, loadEdition } from '../edition/edition';
import { PdfTask, PdfTaskResult } from './pdf-task';

/**
 * A pool worker (piscina loads the compiled file): checks one template in
 * a run of its pieces and builds their PDFs, writing each file as a build in one thread
 * does (through a temporary file and a rename). Its fonts and caches live
 * as long as the thread; a PDF depends on its own inputs only, so which
 * thread built it changes no byte.
 */
const editions = new Map<string, Edition>();

function editionOf(file: string | undefined): Edition | undefined {
  if (file === undefined) return undefined;
  let edition = editions.get(file);
  if (!edition) editions.set(file, (edition = loadEdition(file)));
  return edition;
}

export default async function buildTask(task: PdfTask): Promise<PdfTaskResult> {
  const outcomes: PdfOutcome[] = [];
  try {
    const job: TemplateJob = {
      paths: { templateFile: task.templateFile, translationsDir: task.translationsDir, dataDir: task.dataDir, fonts: loadFonts(task.fontsFile), otherTemplates: task.otherTemplates, edition: editionOf(task.editionFile) },
      format: task.format,
      papers: task.papers,
      prints: task.prints,
      pieces: task.pieces,
    };
    const checks = checkTemplate(job);
    const result: PdfTaskResult = { findings: checks.findings, names: [...checks.names], edition: checks.sources?.data.edition, outcomes };
    for (const pdf of task.pdfs) outcomes.push(await buildPdf(checks, job, pdf, task.pieces.find((piece) => piece.name === pdf.piece)!, task.out));
    return result;
  } catch (error) {
    // The run stops at this PDF, as it would in one thread; what came before is kept.
    if (error instanceof PamphletError && error.kind === 'usage') return { findings: [], names: [], outcomes, usage: { detail: error.detail, place: error.place } };
    throw error;
  }
}
