import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildPiece, PreparedLanguage } from '../build/build-pamphlet';
import { makeFolder } from '../build/output-folder';
import { forgetTextCaches, releaseFonts } from '../build/release-language';
import { assertWritableFolder, BackgroundWrites, removeLeftovers } from '../build/write-atomic';
import { belowDesignSize } from '../check/design-size';
import { displayPath } from '../check/report';
import { CheckResult, ContentPaths, findingsOf, LanguageChecks } from '../check/run-checks';
import { PamphletError } from '../core/errors';
import { Finding } from '../core/finding';
import { printsOn } from '../format/format';
import { loadFormat } from '../format/load-format';
import { PaperName } from '../imposition/paper';
import { LanguageCode, ScriptCode } from '../languages/language';
import { languagesOf, PieceLanguages } from '../languages/piece-languages';
import { outputPath, papersFor, PrintTarget } from '../print/print-target';
import { BatchPdf, batchPdfKey } from './batch-pdfs';

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

/**
 * The papers of the job and the targets that print it on each, paper by
 * paper (the office its sheets, the shop its sheets or the piece alone): a
 * piece's panels are laid out once per paper for both targets.
 */
export function printRuns(job: TemplateJob): { print: PrintTarget; paper: PaperName }[] {
  const format = loadFormat(job.paths.templateFile, job.format);
  return job.papers.flatMap((paper) => job.prints.filter((print) => papersFor(format, print).includes(paper)).map((print) => ({ print, paper })));
}

/** Whether a target after `print` in the job's order prints it on `paper` too. */
function printedAgain(job: TemplateJob, print: PrintTarget, paper: PaperName): boolean {
  const targets = printRuns(job).filter((run) => run.paper === paper).map((run) => run.print);
  return targets.indexOf(print) < targets.length - 1;
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

/** What one PDF of a batch came to: written or failed, the findings its layout gave, and its line of the report. */
export interface PdfOutcome {
  built?: BuiltFile;
  failed?: FailedBuild;
  findings: Finding[];
  line?: string;
}

/** A template's checks as the report needs them, without the prepared languages (which stay where they were made). */
export interface CheckedTemplate {
  findings: Finding[];
  names: Map<LanguageCode, string>;
  edition?: string;
}

/** Where a template's PDFs are made: here (localWork), or in a pool of workers (src/parallel/), each of which makes its part with localWork. */
export interface TemplateWork {
  pdf(pdf: BatchPdf, piece: PieceLanguages): Promise<PdfOutcome>;
  /** Asked for once every PDF of the template is done. */
  checked(): Promise<CheckedTemplate>;
}

/**
 * One piece on one paper for one target, after the checks: written as a PDF,
 * or failed with its findings. A usage error (the output cannot be written)
 * is thrown: it stops the run.
 */
async function buildPdf(checks: Pick<CheckResult, 'sources' | 'prepared'>, job: TemplateJob, pdf: BatchPdf, piece: PieceLanguages, out: string, writes: BackgroundWrites): Promise<PdfOutcome> {
  const { sources, prepared } = checks;
  const { paper, print } = pdf;
  const failed = { format: job.format, language: piece.name, paper, print };
  const ready = piece.codes.map((code) => prepared.get(code));
  if (!sources || ready.some((p) => !p)) return { failed, findings: [] };
  const languages = ready as PreparedLanguage[];
  try {
    const result = await buildPiece(sources, languages, paper, print, printedAgain(job, print, paper));
    const file = outputPath(out, print, job.format, paper, piece.name);
    writes.write(file, result.pdf);
    const tightened = result.minScale < 1 ? `, type at ${Math.round(result.minScale * 100)}% to fit` : '';
    return {
      built: { file: displayPath(file)!, format: job.format, language: piece.name, paper, print, pages: result.pages, bytes: result.pdf.length, scale: result.minScale, sha256: createHash('sha256').update(result.pdf).digest('hex') },
      findings: belowDesignSize(result.scales, languages.map((p) => p.translation), paper),
      line: `built ${displayPath(file)} (${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, ${Math.round(result.pdf.length / 1024)} KB${tightened})`,
    };
  } catch (error) {
    if (error instanceof PamphletError && error.kind === 'usage') throw error;
    return { failed, findings: findingsOf(error, 'fit', piece.codes[0], languages[0].translation.file, `laying out or writing the PDF on ${paper} paper`) };
  }
}

/** One PDF of a template's batch: the piece it is of. */
interface PlannedPdf {
  pdf: BatchPdf;
  piece: PieceLanguages;
}

/**
 * A template's batch in the order it is built: per paper and print target,
 * the line that says which pieces it leaves out (or '') and its PDFs, those
 * `include` takes (this machine's, with --shard).
 */
function templateRuns(job: TemplateJob, include?: (pdf: BatchPdf) => boolean): { why: string; pdfs: PlannedPdf[] }[] {
  const format = loadFormat(job.paths.templateFile, job.format);
  return printRuns(job).map(({ print, paper }) => {
    const skipped = job.pieces.filter((piece) => !printsOn(format, piece.codes.length, paper)).map((piece) => piece.name);
    const why = skipped.length ? `${job.format}: ${skipped.join(', ')} not built on ${paper}: a bilingual piece of this format is printed on ${format.bilingual!.papers!.join(', ')}` : '';
    const pdfs = job.pieces
      .filter((piece) => !skipped.includes(piece.name))
      .map((piece) => ({ piece, pdf: { format: job.format, piece: piece.name, paper, print } }))
      .filter(({ pdf }) => !include || include(pdf));
    return { why, pdfs };
  });
}

/**
 * The template's PDFs made in this thread, language by language: a
 * language is checked (its fonts loaded) when its first PDF is asked for,
 * and let go after its last one: its prepared document, and, unless a
 * `later` template of the run follows (it may set the same languages), the
 * fonts no language still to build uses and, once none is left prepared,
 * the shaping caches. The findings are those of runChecks, in its order.
 */
export function localWork(job: TemplateJob, out: string, include?: (pdf: BatchPdf) => boolean, later = false): TemplateWork {
  // The checks that need no paper: fit is checked as each PDF is laid out.
  const checks = new LanguageChecks(job.paths, languagesOf(job.pieces), []);
  // The PDFs reach the disk while the next is laid out; all of them before the checks are read back.
  const writes = new BackgroundWrites();
  // The PDFs not built yet, in the order buildTemplate asks for them.
  const left = templateRuns(job, include).flatMap((run) => run.pdfs);
  const needed = (code: LanguageCode) => left.some(({ piece }) => piece.codes.includes(code));
  const release = (code: LanguageCode) => {
    checks.release(code);
    if (later) return;
    const script = checks.scriptOf(code);
    const pending = new Set(left.flatMap(({ piece }) => piece.codes).map((c) => checks.scriptOf(c)).filter((s): s is ScriptCode => s !== undefined));
    if (script) releaseFonts(job.paths.fonts, script, pending);
    if (checks.prepared.size === 0) forgetTextCaches();
  };
  // A piece's fonts are read in libuv's threads: the first's from here, the next pieces' while this one is made.
  const readFonts = (piece: PieceLanguages) => Promise.all(piece.codes.map((code) => {
    const script = checks.scriptOf(code);
    return script && job.paths.fonts.readAhead(script);
  }));
  if (left.length > 0) void readFonts(left[0].piece);
  return {
    pdf: async (pdf, piece) => {
      await readFonts(piece);
      readAheadOf(left, piece).forEach((next) => void readFonts(next));
      await writes.turn();
      piece.codes.forEach((code) => checks.check(code));
      const outcome = await buildPdf(checks, job, pdf, piece, out, writes);
      const at = left.findIndex((planned) => batchPdfKey(planned.pdf) === batchPdfKey(pdf));
      // A PDF that was not planned releases nothing: its languages may have PDFs still to come.
      if (at < 0) return outcome;
      left.splice(at, 1);
      for (const code of piece.codes) if (!needed(code)) release(code);
      return outcome;
    },
    checked: async () => {
      await writes.settled();
      job.paths.fonts.forgetReadAhead();
      const { findings, names, sources } = checks.result();
      return { findings, names, edition: sources?.data.edition };
    },
  };
}

/**
 * The pieces whose fonts are read while `piece` is made: the next two after it, so that a
 * CJK font (two files of 10 MB, some 70 ms to read here) is read while two pieces are made.
 */
function readAheadOf(left: readonly PlannedPdf[], piece: PieceLanguages): PieceLanguages[] {
  const ahead: PieceLanguages[] = [];
  const from = left.findIndex((planned) => planned.piece.name === piece.name);
  for (let i = from + 1; i < left.length && ahead.length < READ_AHEAD_PIECES; i++) {
    const next = left[i].piece;
    if (next.name !== piece.name && !ahead.some((known) => known.name === next.name)) ahead.push(next);
  }
  return ahead;
}
const READ_AHEAD_PIECES = 2;

/**
 * Checks the content with one template, then builds it in every piece (a
 * language, or two) on every paper of the job: a language that fails a gate is not built, the
 * others are. A usage error (the output cannot be written) stops the run.
 * `work` makes the PDFs elsewhere (a pool of workers); the report is the same.
 */
export async function buildTemplate(job: TemplateJob, out: string, log: (line: string) => void, hooks: BuildHooks = {}, work: TemplateWork = localWork(job, out, hooks.include)): Promise<TemplateBuild> {
  const built: BuiltFile[] = [];
  const failed: FailedBuild[] = [];
  const laidOut: Finding[] = [];
  const said = new Set<string>();
  for (const { why, pdfs } of templateRuns(job, hooks.include)) {
    // Said once, not once per print target.
    if (why && !said.has(why)) log(why);
    said.add(why);
    for (const { pdf, piece } of pdfs) {
      hooks.starting?.(pdf);
      const outcome = await work.pdf(pdf, piece);
      if (outcome.built) built.push(outcome.built);
      if (outcome.failed) failed.push(outcome.failed);
      laidOut.push(...outcome.findings);
      if (outcome.line) log(outcome.line);
    }
  }
  const { findings, names, edition } = await work.checked();
  return { built, failed, findings: [...findings, ...laidOut], names, edition };
}
