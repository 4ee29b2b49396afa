import type { BatchPdf } from '../cli/batch-pdfs';
import type { PdfOutcome } from '../cli/build-template';
import type { ErrorPlace } from '../core/errors';
import type { Finding } from '../core/finding';
import type { PaperName } from '../imposition/paper';
import type { LanguageCode } from '../languages/language';
import type { PieceLanguages } from '../languages/piece-languages';
import type { PrintTarget } from '../print/print-target';

/**
 * One template's part of a task: its content paths, and the pieces of the
 * task's run it is built in with the PDFs of them this build makes. Plain
 * data only, as a worker thread can be sent: paths the worker reads itself,
 * never loaded objects.
 */
export interface TemplatePart {
  templateFile: string;
  translationsDir: string;
  dataDir: string;
  fontsFile: string;
  otherTemplates: string[];
  /** The edition's file, read again in the worker (its logo is drawn from a tree with methods, which cannot be sent). */
  editionFile?: string;
  format: string;
  papers: PaperName[];
  prints: PrintTarget[];
  pieces: PieceLanguages[];
  /** In the batch's order. */
  pdfs: BatchPdf[];
}

/**
 * One worker's task: a run of the batch's pieces (each a language, or two)
 * in every template, so that a language is shaped and laid out by one
 * thread, whose caches serve all of its PDFs.
 */
export interface PdfTask {
  out: string;
  /** In the batch's order of templates. */
  parts: TemplatePart[];
}

/** A usage error met in the worker, said again by the main thread as the same one line. */
export interface SentUsageError {
  detail: string;
  place: ErrorPlace;
}

/** What a template's part came to: its checks' findings and names, then one outcome per PDF. */
export interface PartResult {
  findings: Finding[];
  names: [LanguageCode, string][];
  edition?: string;
  outcomes: PdfOutcome[];
}

/** A task's parts in order, up to the one a usage error stopped, if one did. */
export interface PdfTaskResult {
  parts: PartResult[];
  usage?: SentUsageError & { part: number };
}
