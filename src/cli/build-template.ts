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

/** One template to build: its content paths, the format it names, the papers and the pieces (one language, or two) to build it in. */
export interface TemplateJob {
  paths: ContentPaths;
  format: string;
  papers: PaperName[];
  pieces: PieceLanguages[];
}

export interface BuiltFile {
  file: string;
  format: string;
  /** The piece's language, or its two joined by + (th+en). */
  language: string;
  paper: PaperName;
  pages: number;
  bytes: number;
  /** The smallest type scale a panel needed to fit. */
  scale: number;
}

export interface FailedBuild {
  format: string;
  /** The piece's language, or its two joined by + (th+en). */
  language: string;
  paper: PaperName;
}

export interface TemplateBuild {
  built: BuiltFile[];
  failed: FailedBuild[];
  findings: Finding[];
  names: Map<LanguageCode, string>;
}

/** OUT/<format>/<paper>/<lang>.pdf (or th+en.pdf): a tri-fold, a poster and a card of one language and paper never overwrite each other. */
export function outputPath(out: string, format: string, paper: PaperName, piece: string): string {
  return path.join(out, format, paper, `${piece}.pdf`);
}

/**
 * Makes the folders a build writes into, fails early (in one line, rather
 * than once per PDF) when they cannot be written, and removes the temporary
 * files that killed builds left there.
 */
export function prepareOutput(out: string, job: TemplateJob): void {
  for (const paper of job.papers) {
    const folder = path.dirname(outputPath(out, job.format, paper, 'xx'));
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
export async function buildTemplate(job: TemplateJob, out: string, log: (line: string) => void): Promise<TemplateBuild> {
  // The checks that need no paper first; fit is checked as each PDF is laid out.
  const { findings, sources, prepared, names } = runChecks(job.paths, languagesOf(job.pieces), []);
  const built: BuiltFile[] = [];
  const failed: FailedBuild[] = [];
  const format = loadFormat(job.paths.templateFile, job.format);
  for (const paper of job.papers) {
    const skipped = job.pieces.filter((piece) => !printsOn(format, piece.codes.length, paper)).map((piece) => piece.name);
    if (skipped.length) log(`${job.format}: ${skipped.join(', ')} not built on ${paper}: a bilingual piece of this format is printed on ${format.bilingual!.papers!.join(', ')}`);
    for (const piece of job.pieces) {
      if (skipped.includes(piece.name)) continue;
      const ready = piece.codes.map((code) => prepared.get(code));
      if (!sources || ready.some((p) => !p)) {
        failed.push({ format: job.format, language: piece.name, paper });
        continue;
      }
      const languages = ready as PreparedLanguage[];
      try {
        const result = await buildPiece(sources, languages, paper);
        const file = outputPath(out, job.format, paper, piece.name);
        writeFileAtomic(file, result.pdf);
        built.push({ file: displayPath(file)!, format: job.format, language: piece.name, paper, pages: result.pages, bytes: result.pdf.length, scale: result.minScale });
        findings.push(...belowDesignSize(result.scales, languages.map((p) => p.translation), paper));
        const tightened = result.minScale < 1 ? `, type at ${Math.round(result.minScale * 100)}% to fit` : '';
        log(`built ${displayPath(file)} (${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, ${Math.round(result.pdf.length / 1024)} KB${tightened})`);
      } catch (error) {
        if (error instanceof PamphletError && error.kind === 'usage') throw error;
        findings.push(...findingsOf(error, 'fit', piece.codes[0], languages[0].translation.file, `laying out or writing the PDF on ${paper} paper`));
        failed.push({ format: job.format, language: piece.name, paper });
      }
    }
  }
  return { built, failed, findings, names };
}
