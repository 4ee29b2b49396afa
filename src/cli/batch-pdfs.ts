import { printsOn } from '../format/format';
import { loadFormat } from '../format/load-format';
import { PaperName } from '../imposition/paper';
import { PrintTarget } from '../print/print-target';
import { printRuns, TemplateJob } from './build-template';

/** One PDF a batch writes: a piece (one language, or two joined by +) of a format, on a paper, for a print target. */
export interface BatchPdf {
  format: string;
  piece: string;
  paper: PaperName;
  print: PrintTarget;
}

/** Piece, format, target, paper: a shard cut from this order holds few languages, each in every format (src/ci/shard.ts). */
export function batchPdfKey(pdf: BatchPdf): string {
  return [pdf.piece, pdf.format, pdf.print, pdf.paper].join('\u0000');
}

/** For the progress line: `ar trifold letter`, and `shop` when the shop prints it. */
export function batchPdfLabel(pdf: BatchPdf): string {
  return [pdf.piece, pdf.format, pdf.paper, pdf.print === 'shop' ? 'shop' : ''].filter(Boolean).join(' ');
}

/** Every PDF the jobs write, before any is built: each piece on each paper each target prints the format on, less the bilingual pieces the paper does not take. */
export function batchPdfs(jobs: TemplateJob[]): BatchPdf[] {
  return jobs.filter((job) => job.papers.length && job.pieces.length).flatMap((job) => {
    const format = loadFormat(job.paths.templateFile, job.format);
    return printRuns(job).flatMap(({ print, paper }) => job.pieces
      .filter((piece) => printsOn(format, piece.codes.length, paper))
      .map((piece) => ({ format: job.format, piece: piece.name, paper, print })));
  });
}
