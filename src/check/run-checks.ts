import * as path from 'node:path';
import { PamphletError } from '../core/errors';
import { debugStack, unexpectedMessage } from '../core/unexpected-error';
import { CheckName, Finding, findingsFromError, hasErrors } from '../core/finding';
import { ContentSources, layOutPamphlet, prepareLanguage, PreparedLanguage } from '../build/build-pamphlet';
import { readData } from '../facts/load-data';
import { FONT_WEIGHTS, FontRegistry } from '../fonts/font-registry';
import { placeholdersOf } from '../i18n/placeholders';
import { PaperName } from '../imposition/paper';
import { LanguageCode, ScriptCode, SOURCE_LANGUAGE, Translation } from '../languages/language';
import { PieceLanguages } from '../languages/piece-languages';
import { flattenStrings, loadTranslation } from '../languages/load-translations';
import { typesetLanguage } from '../languages/typeset-language';
import { checkGlyphs } from './check-glyphs';
import { Edition, missingLabels, withEdition } from '../edition/edition';
import { printsOn } from '../format/format';
import { loadFormat } from '../format/load-format';
import { templateHeader } from '../format/template-header';
import { loadTheme } from '../theme/load-theme';
import { belowDesignSize } from './design-size';
import { checkTranslation } from './check-translation';
import { factsUsedByTemplate } from './template-facts';

/** Where the content is read from. */
export interface ContentPaths {
  translationsDir: string;
  templateFile: string;
  dataDir: string;
  fonts: FontRegistry;
  /** The other templates of the same run: a fact one of them prints is not unused (their own problems are theirs to report). */
  otherTemplates?: string[];
  /** A mission's edition: its contacts add to or replace the shared ones. */
  edition?: Edition;
}

/** The facts the other templates print; a template that cannot be read counts for none here. */
function factsUsedElsewhere(templates: string[]): Set<string> {
  const used = new Set<string>();
  for (const template of templates) {
    try {
      factsUsedByTemplate(template).forEach((name) => used.add(name));
    } catch {
      // Reported by that template's own checks.
    }
  }
  return used;
}

export interface CheckResult {
  findings: Finding[];
  /** The content, when the data could be read. */
  sources: ContentSources | null;
  /** Languages that passed every check so far, ready to lay out. */
  prepared: Map<LanguageCode, PreparedLanguage>;
  /** Each language's own name, for reports. */
  names: Map<LanguageCode, string>;
}

/**
 * What went wrong in one step, as findings: a PamphletError's own, or, for an
 * error pamphlet did not foresee, one finding blaming `file` for this step.
 */
export function findingsOf(error: unknown, check: CheckName, language: LanguageCode | undefined, file: string | undefined, doing: string): Finding[] {
  if (error instanceof PamphletError) return findingsFromError(error, check, language);
  debugStack(error);
  return [{ check, severity: 'error', file, language, message: unexpectedMessage(error, doing) }];
}

/**
 * Runs `step`; a problem with the content becomes findings, for `language`
 * alone when it is one language's step, so the others go on. A usage error
 * (the tool's own setup, such as the fonts) goes on up and stops the run.
 */
function collect<T>(findings: Finding[], check: CheckName, language: LanguageCode | undefined, file: string | undefined, doing: string, step: () => T): T | null {
  try {
    return step();
  } catch (error) {
    if (error instanceof PamphletError && error.kind === 'usage') throw error;
    findings.push(...findingsOf(error, check, language, file, doing));
    return null;
  }
}

/** The file a language's unexpected error is reported against. */
function translationFile(paths: ContentPaths, code: LanguageCode): string {
  return path.join(paths.translationsDir, `${code}.json`);
}

/** Facts that neither the template nor any source string prints. */
function unusedFacts(sources: ContentSources, source: Translation, usedByTemplate: Set<string>): Finding[] {
  const used = new Set(usedByTemplate);
  for (const text of flattenStrings(source.strings).values()) placeholdersOf(text).forEach((name) => used.add(name));
  return Object.keys(sources.data.facts)
    .filter((name) => !used.has(name))
    .map((name) => ({
      check: 'data' as const,
      severity: 'warning' as const,
      file: sources.data.files.facts,
      key: `facts.${name}`,
      message: `no template or source string prints this fact. Use it as {{${name}}} in ${SOURCE_LANGUAGE}.json, or remove it.`,
    }));
}

/**
 * The quality gates, in the order a problem is cheapest to find: data and
 * template, then per language the translation, glyph coverage, the document,
 * and (when papers are given) the fit of every panel on each paper, alone
 * and in the bilingual `pairs` asked for.
 */
export function runChecks(paths: ContentPaths, codes: LanguageCode[], papers: PaperName[], pairs: PieceLanguages[] = []): CheckResult {
  const checks = new LanguageChecks(paths, codes, papers);
  codes.forEach((code) => checks.check(code));
  return checks.result(pairs.flatMap((pair) => checkPairFit(pair, checks.prepared, papers, paths.templateFile)));
}

/**
 * The checks of runChecks, a language at a time: the data, the template and
 * every translation are read at once; a language's fonts are loaded, its
 * text checked and its document prepared when `check` asks for it, so that
 * a build can check a language, build its PDFs and `release` it before the
 * next one loads its fonts. The findings come out in runChecks' order
 * whatever order the languages were checked in.
 */
export class LanguageChecks {
  readonly sources: ContentSources | null;
  /** Languages that passed every check so far, ready to lay out. */
  readonly prepared = new Map<LanguageCode, PreparedLanguage>();
  /** Each language's own name, for reports. */
  readonly names = new Map<LanguageCode, string>();
  private readonly shared: Finding[] = [];
  /** Each language's findings, by its place in `codes`. */
  private readonly own: Finding[][];
  private readonly translations: (Translation | null)[];
  private readonly checked = new Set<LanguageCode>();
  private readonly source: Translation | null;
  /** Without valid data, template and source text no language can be trusted, so none is laid out. */
  private readonly contentReady: boolean;

  constructor(private readonly paths: ContentPaths, private readonly codes: LanguageCode[], private readonly papers: PaperName[]) {
    const findings = this.shared;
    const read = collect(findings, 'data', undefined, paths.dataDir, 'reading the data', () => readData(paths.dataDir));
    const data = read?.data ? withEdition(read.data, paths.edition) : null;
    findings.push(...(read?.findings ?? []));
    const usedByTemplate = collect(findings, 'template', undefined, paths.templateFile, 'reading the template', () => {
      // The format and theme it names are read once here, so a problem in them is reported once, for every language.
      const header = templateHeader(paths.templateFile);
      loadFormat(paths.templateFile, header.format);
      loadTheme(paths.templateFile, header.theme);
      return factsUsedByTemplate(paths.templateFile);
    });
    const sources: ContentSources | null = data && { translationsDir: paths.translationsDir, templateFile: paths.templateFile, data, fonts: paths.fonts };
    this.sources = sources;
    // A broken source file is reported once: with its own language if that is checked, else for all.
    const sourceFindings: Finding[] = [];
    const source = collect(sourceFindings, 'translation', SOURCE_LANGUAGE, translationFile(paths, SOURCE_LANGUAGE), 'reading the translation', () => loadTranslation(paths.translationsDir, SOURCE_LANGUAGE));
    this.source = source;
    if (!codes.includes(SOURCE_LANGUAGE)) findings.push(...sourceFindings);
    if (sources && usedByTemplate && source) findings.push(...(collect(findings, 'data', undefined, sources.data.files.facts, 'looking for unused facts', () => unusedFacts(sources, source, new Set([...usedByTemplate, ...factsUsedElsewhere(paths.otherTemplates ?? [])]))) ?? []));
    this.contentReady = sources !== null && usedByTemplate !== null && source !== null;
    // Every translation is read now (they are small): names for the report, and the script whose fonts each language will need.
    this.own = codes.map(() => []);
    this.translations = codes.map((code, i) => {
      const translation = code === SOURCE_LANGUAGE && source ? source : this.step(i, 'translation', 'reading the translation', () => loadTranslation(paths.translationsDir, code));
      if (translation) this.names.set(code, translation.meta.name);
      return translation;
    });
    // A font file that is missing, or outside its package, stops the run here, before any PDF is written;
    // its bytes are read and checked when its first language is.
    const families = new Set(codes.flatMap((code) => {
      const script = this.scriptOf(code);
      return script ? paths.fonts.familiesFor(script) : [];
    }));
    for (const family of families) for (const weight of FONT_WEIGHTS) paths.fonts.fileOf(family, weight);
  }

  /** Each step of one language: whatever it throws becomes that language's finding, and the next language goes on. */
  private step<T>(at: number, check: CheckName, doing: string, run: () => T): T | null {
    return collect(this.own[at], check, this.codes[at], translationFile(this.paths, this.codes[at]), doing, run);
  }

  /** The script a language is set in (its fonts), when its translation could be read and the script has a font stack. */
  scriptOf(code: LanguageCode): ScriptCode | undefined {
    const script = this.translations[this.codes.indexOf(code)]?.meta.script;
    return script !== undefined && this.paths.fonts.hasScript(script) ? script : undefined;
  }

  /** Checks one language of `codes`, once: its fonts are loaded here. */
  check(code: LanguageCode): void {
    const at = this.codes.indexOf(code);
    if (at < 0 || this.checked.has(code)) return;
    this.checked.add(code);
    const { paths, source, sources } = this;
    const data = sources?.data ?? null;
    const own = this.own[at];
    const translation = this.translations[at];
    const step = <T>(check: CheckName, doing: string, run: () => T) => this.step(at, check, doing, run);
    const language = translation && step('translation', 'preparing the language for typesetting', () => typesetLanguage(translation, paths.fonts));
    if (translation) {
      if (source) own.push(...(step('translation', 'checking the translation', () => checkTranslation(translation, source, data && new Set(Object.keys(data.facts)))) ?? []));
      if (language && data) own.push(...(step('glyphs', 'checking the glyphs', () => checkGlyphs(translation, language, data)) ?? []));
      own.push(...missingLabels(paths.edition, code, translation.file));
    }
    if (this.contentReady && translation && language && !hasErrors(own)) {
      const ready = step('template', 'filling in the template', () => prepareLanguage(sources!, translation, language));
      if (ready) {
        for (const paper of this.papers) {
          const laidOut = step('fit', `laying out the panels on ${paper} paper`, () => layOutPamphlet(ready, paper, paths.templateFile));
          if (laidOut) own.push(...belowDesignSize(laidOut.scales, [translation], paper));
        }
        if (!hasErrors(own)) this.prepared.set(code, ready);
      }
    }
  }

  /** Forgets a language's prepared document (and with it what holds its fonts): no PDF of it is left to build. */
  release(code: LanguageCode): void {
    this.prepared.delete(code);
  }

  /** Every language checked (those not asked for yet, now), and the findings in runChecks' order, `extra` after the languages'. */
  result(extra: Finding[] = []): CheckResult {
    this.codes.forEach((code) => this.check(code));
    const findings = [...this.shared, ...this.own.flat(), ...extra];
    return { findings: mergeTemplateFindings(findings, this.paths.templateFile), sources: this.sources, prepared: this.prepared, names: this.names };
  }
}

/**
 * A bilingual piece laid out on each paper, once both its languages passed
 * alone: a panel that does not fit its half is its own language's finding.
 */
function checkPairFit(pair: PieceLanguages, prepared: Map<LanguageCode, PreparedLanguage>, papers: PaperName[], templateFile: string): Finding[] {
  const languages = pair.codes.map((code) => prepared.get(code));
  if (languages.some((p) => !p)) return [];
  const ready = languages as PreparedLanguage[];
  const findings: Finding[] = [];
  const format = loadFormat(templateFile, templateHeader(templateFile).format);
  for (const paper of papers.filter((p) => printsOn(format, pair.codes.length, p))) {
    const laidOut = collect(findings, 'fit', pair.codes[0], ready[0].translation.file, `laying out ${pair.name} on ${paper} paper`, () => layOutPamphlet(ready, paper, templateFile));
    if (laidOut) findings.push(...belowDesignSize(laidOut.scales, ready.map((p) => p.translation), paper));
  }
  return findings;
}

/**
 * A problem in the template shows in every language; it is reported once,
 * for all languages. A problem the template met in a translation (a missing
 * string) stays with its language.
 */
function mergeTemplateFindings(findings: Finding[], templateFile: string): Finding[] {
  const seen = new Set<string>();
  const merged: Finding[] = [];
  for (const finding of findings) {
    if (finding.file !== templateFile) {
      merged.push(finding.check === 'template' ? { ...finding, check: 'translation' } : finding);
      continue;
    }
    const id = `${finding.key}\u0000${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    merged.push({ ...finding, check: 'template', language: undefined });
  }
  return merged;
}
