import { batchPdfKey } from '../cli/batch-pdfs';
import { localWork, TemplateJob } from '../cli/build-template';
import { loadFonts } from '../cli/content-options';
import { PamphletError } from '../core/errors';
import { Edition, loadEdition } from '../edition/edition';
import { PartResult, PdfTask, PdfTaskResult, TemplatePart } from './pdf-task';

/**
 * A pool worker (piscina loads the compiled file): checks a run of pieces
 * in each template and builds their PDFs, language by language, writing each file as a build in
 * one thread does (through a temporary file and a rename). A language's
 * fonts and caches are let go after its last PDF of the task, as in one
 * thread; a PDF depends on its own inputs only, so which thread built it
 * changes no byte.
 */
const editions = new Map<string, Edition>();

function editionOf(file: string | undefined): Edition | undefined {
  if (file === undefined) return undefined;
  let edition = editions.get(file);
  if (!edition) editions.set(file, (edition = loadEdition(file)));
  return edition;
}

function jobOf(part: TemplatePart): TemplateJob {
  return {
    paths: { templateFile: part.templateFile, translationsDir: part.translationsDir, dataDir: part.dataDir, fonts: loadFonts(part.fontsFile), otherTemplates: part.otherTemplates, edition: editionOf(part.editionFile) },
    format: part.format,
    papers: part.papers,
    prints: part.prints,
    pieces: part.pieces,
  };
}

export default async function buildTask(task: PdfTask): Promise<PdfTaskResult> {
  const result: PdfTaskResult = { parts: [] };
  let at = 0;
  try {
    for (const [i, part] of task.parts.entries()) {
      at = i;
      const job = jobOf(part);
      // Language by language, as in one thread: a later part (template) sets the same pieces, so fonts are kept for it.
      const ours = new Set(part.pdfs.map(batchPdfKey));
      const work = localWork(job, task.out, (pdf) => ours.has(batchPdfKey(pdf)), i < task.parts.length - 1);
      const done: PartResult = { findings: [], names: [], outcomes: [] };
      result.parts.push(done);
      for (const pdf of part.pdfs) done.outcomes.push(await work.pdf(pdf, part.pieces.find((piece) => piece.name === pdf.piece)!));
      const checked = await work.checked();
      Object.assign(done, { findings: checked.findings, names: [...checked.names], edition: checked.edition });
    }
    return result;
  } catch (error) {
    // The run stops at this PDF, as it would in one thread; what came before is kept.
    if (error instanceof PamphletError && error.kind === 'usage') return { ...result, usage: { detail: error.detail, place: error.place, part: at } };
    throw error;
  }
}
