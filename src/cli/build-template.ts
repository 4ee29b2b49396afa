import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildPiece, PreparedLanguage } from '../build/build-pamphlet';
import { makeFolder } from '../build/output-folder';
import { assertWritableFolder, removeLeftovers, writeFileAtomic } from '../build/write-atomic';
import { belowDesignSize } from '../check/design-size';
import { displayPath } from '../check/report';
import { ContentPaths, findingsOf, runChecks } from '../check/run-checks';
import { PamphletError } from '../core/errors';
import { Finding } from '../core/finding';
import { printsOn } from '../format/format';
import { loadFormat } from '../format/load-format';
import { PaperName } from '../imposition/paper';
import { LanguageCode } from '../languages/language';
import { languagesOf, PieceLanguages } from '../languages/piece-languages';
import { outputPath, papersFor, PrintTarget } from '../print/print-target';
import type { BatchPdf } from './batch-pdfs';

/** One template to build: its content paths, the format it names, the papers, the print targets and the pieces (one language, or two) to build it in. */
export interface TemplateJob {
  paths: ContentPaths;
  format: string;
  papers: PaperName[];
  /** Who prints it: an office printer, a print shop, or both (src/print/print-target.ts). */
  prints: PrintTarget[];
  pieces: PieceLanguages[];
}

export interface BuiltFile {
  file: string;
  format: string;
  /** The piece's language, or its two joined by + (th+en). */
  language: string;
  paper: PaperName;
  print: PrintTarget;
  pages: number;
  bytes: number;
  /** The smallest type scale a panel needed to fit. */
  scale: number;
  /** Of the bytes written, in hex: OUT/manifest.json lists it. */
  sha256: string;
}

export interface FailedBuild {
  format: string;
  /** The piece's language, or its two joined by + (th+en). */
  language: string;
  paper: PaperName;
  print: PrintTarget;
}

export interface TemplateBuild {
  built: BuiltFile[];
  failed: FailedBuild[];
  findings: Finding[];
  names: Map<LanguageCode, string>;
  /** The facts' edition date (data/facts.json), when the data could be read. */
  edition?: string;
}

/** What the build command asks of buildTemplate beyond the job: which PDFs are this machine's (--shard), and what to do as each starts (progress). */
export interface BuildHooks {
  include?: (pdf: BatchPdf) => boolean;
  starting?: (pdf: BatchPdf) => void;
}

/** The papers of the job each target prints it on, in order: the office its sheets, the shop its sheets or the piece alone. */
export function printRuns(job: TemplateJob): { print: PrintTarget; paper: PaperName }[] {
  const format = loadFormat(job.paths.templateFile, job.format);
  return job.prints.flatMap((print) => job.papers.filter((paper) => papersFor(format, print).includes(paper)).map((paper) => ({ print, paper })));
}

/**
 * Makes the folders a build writes into, fails early (in one line, rather
 * than once per PDF) when they cannot be written, and removes the temporary
 * files that killed builds left there.
 */
export function prepareOutput(out: string, job: TemplateJob): void {
  for (const { print, paper } of printRuns(job)) {
    const folder = path.dirname(outputPath(out, print, job.format, paper, 'xx'));
    makeFolder(folder, out);
    removeLeftovers(folder);
    assertWritableFolder(folder, out);
  }
}

/**
 * Checks the content with one template, then builds it in every piece (a
 * language, or two) on every paper of the job: a language that fails a gate is not built, the
 * others are. A usage error (the output cannot be written) stops the run.
 */
export async function buildTemplate(job: TemplateJob, out: string, log: (line: string) => void, hooks: BuildHooks = {}): Promise<TemplateBuild> {
  // The checks that need no paper first; fit is checked as each PDF is laid out.
  const { findings, sources, prepared, names } = runChecks(job.paths, languagesOf(job.pieces), []);
  const built: BuiltFile[] = [];
  const failed: FailedBuild[] = [];
  const format = loadFormat(job.paths.templateFile, job.format);
  const said = new Set<string>();
  for (const { print, paper } of printRuns(job)) {
    const skipped = job.pieces.filter((piece) => !printsOn(format, piece.codes.length, paper)).map((piece) => piece.name);
    const why = skipped.length ? `${job.format}: ${skipped.join(', ')} not built on ${paper}: a bilingual piece of this format is printed on ${format.bilingual!.papers!.join(', ')}` : '';
    // Said once, not once per print target.
    if (why && !said.has(why)) log(why);
    said.add(why);
    for (const piece of job.pieces) {
      if (skipped.includes(piece.name)) continue;
      const pdf: BatchPdf = { format: job.format, piece: piece.name, paper, print };
      if (hooks.include && !hooks.include(pdf)) continue;
      hooks.starting?.(pdf);
      const ready = piece.codes.map((code) => prepared.get(code));
      if (!sources || ready.some((p) => !p)) {
        failed.push({ format: job.format, language: piece.name, paper, print });
        continue;
      }
      const languages = ready as PreparedLanguage[];
      try {
        const result = await buildPiece(sources, languages, paper, print);
        const file = outputPath(out, print, job.format, paper, piece.name);
        writeFileAtomic(file, result.pdf);
        built.push({ file: displayPath(file)!, format: job.format, language: piece.name, paper, print, pages: result.pages, bytes: result.pdf.length, scale: result.minScale, sha256: createHash('sha256').update(result.pdf).digest('hex') });
        findings.push(...belowDesignSize(result.scales, languages.map((p) => p.translation), paper));
        const tightened = result.minScale < 1 ? `, type at ${Math.round(result.minScale * 100)}% to fit` : '';
        log(`built ${displayPath(file)} (${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, ${Math.round(result.pdf.length / 1024)} KB${tightened})`);
      } catch (error) {
        if (error instanceof PamphletError && error.kind === 'usage') throw error;
        findings.push(...findingsOf(error, 'fit', piece.codes[0], languages[0].translation.file, `laying out or writing the PDF on ${paper} paper`));
        failed.push({ format: job.format, language: piece.name, paper, print });
      }
    }
  }
  return { built, failed, findings, names, edition: sources?.data.edition };
}
