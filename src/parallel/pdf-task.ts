import type { BatchPdf } from '../cli/batch-pdfs';
import type { PdfOutcome } from '../cli/build-template';
import type { ErrorPlace } from '../core/errors';
import type { Finding } from '../core/finding';
import type { PaperName } from '../imposition/paper';
import type { LanguageCode } from '../languages/language';
import type { PieceLanguages } from '../languages/piece-languages';
import type { PrintTarget } from '../print/print-target';

/**
 * One worker's task: one template in a run of its pieces (each a language,
 * or two), their checks and the PDFs of them this build makes. Plain data
 * only, as a worker thread can be sent: paths the worker reads itself,
 * never loaded objects.
 */
export interface PdfTask {
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
  out: string;
}

/** A usage error met in the worker, said again by the main thread as the same one line. */
export interface SentUsageError {
  detail: string;
  place: ErrorPlace;
}

/** What a task came to: the checks' findings and names, then one outcome per PDF until a usage error, if one stopped it. */
export interface PdfTaskResult {
  findings: Finding[];
  names: [LanguageCode, string][];
  edition?: string;
  outcomes: PdfOutcome[];
  usage?: SentUsageError;
}
