import { Finding } from '../core/finding';
import { LanguageCode, SOURCE_LANGUAGE } from '../languages/language';

import { displayPath } from '../core/display-path';

export { displayPath };

export interface ReportSummary {
  languages: number;
  failedLanguages: LanguageCode[];
  errors: number;
  warnings: number;
}

/**
 * The languages that passed: no error of their own (a bilingual piece's error
 * names the language whose half did not fit) and `through` every step the
 * command took them (built, or laid out with every template).
 */
export function passedLanguages(codes: LanguageCode[], findings: Finding[], through: (code: LanguageCode) => boolean): Set<LanguageCode> {
  const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.language));
  return new Set(codes.filter((code) => !failing.has(code) && through(code)));
}

/** `passed`: the languages that came through every gate (and, for a build, were built). */
export function summarize(findings: Finding[], codes: LanguageCode[], passed: Set<LanguageCode>): ReportSummary {
  return {
    languages: codes.length,
    failedLanguages: codes.filter((c) => !passed.has(c)),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function findingCounts(summary: ReportSummary): string {
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
}

export function summaryLine(summary: ReportSummary): string {
  const passed = summary.languages - summary.failedLanguages.length;
  const failed = summary.failedLanguages.length ? ` (${summary.failedLanguages.join(', ')})` : '';
  return `${plural(summary.languages, 'language')} checked: ${passed} passed, ${summary.failedLanguages.length} failed${failed}; ${findingCounts(summary)}.`;
}

function findingLine(f: Finding): string {
  // file:line:column, as compilers print it, so an editor or terminal can open the file at the key.
  const file = f.file && f.line !== undefined ? `${displayPath(f.file)}:${f.line}:${f.column}` : displayPath(f.file);
  const where = [file, f.key && `key ${f.key}`].filter(Boolean).join(', ');
  return `  ${f.severity.padEnd(7)} ${where ? `${where}: ` : ''}${f.message}`;
}

/**
 * Findings for people: first what concerns every language (data, template),
 * then one group per language, in the order checked, each with its findings.
 */
export function humanReport(findings: Finding[], codes: LanguageCode[], names: Map<LanguageCode, string>, passed: Set<LanguageCode>): string[] {
  const lines: string[] = [];
  const shared = findings.filter((f) => !f.language || !codes.includes(f.language));
  if (shared.length) {
    lines.push('all languages (data, template, source text)');
    lines.push(...shared.map(findingLine));
  }
  for (const code of codes) {
    const own = findings.filter((f) => f.language === code);
    const errors = own.filter((f) => f.severity === 'error').length;
    const warnings = own.length - errors;
    const counts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
    // A language with nothing wrong of its own can still be held back by an error above.
    const status = counts || (passed.has(code) ? 'ok' : `held back by errors in the data, the template or the source text (${SOURCE_LANGUAGE})`);
    lines.push(names.has(code) ? `${code.padEnd(3)} ${names.get(code)}: ${status}` : `${code}: ${status}`);
    lines.push(...own.map(findingLine));
  }
  return lines;
}

/** Findings for CI: one object each, with paths as displayed. */
export function jsonFindings(findings: Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, file: displayPath(f.file) }));
}

/** Findings without repeats: the same finding from two templates (a translation's, the data's) is reported once. */
export function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const id = JSON.stringify([f.check, f.severity, f.file, f.language, f.key, f.message]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(f);
  }
  return out;
}
