import { LanguageCode } from '../languages/language';
import { PamphletError, PamphletErrors } from './errors';

/** An error stops the language from being built; a warning is reported and the build goes on. */
export type Severity = 'error' | 'warning';

/** Which gate found the problem. */
export type CheckName = 'translation' | 'glyphs' | 'data' | 'template' | 'fit';

/**
 * One problem found in the content, said so that an editor knows where to
 * look and what to do. Plain data: printed for people, or as JSON for CI.
 */
export interface Finding {
  check: CheckName;
  severity: Severity;
  /** The file to fix. */
  file?: string;
  /** The language it concerns; absent for data and template findings that concern every language. */
  language?: LanguageCode;
  /** The string key, data field or panel. */
  key?: string;
  /** Where the key is written in `file` (from 1), when it is a JSON file that has it: src/check/key-locations.ts. */
  line?: number;
  column?: number;
  message: string;
}

export function findingFromError(error: PamphletError, check: CheckName, language?: LanguageCode): Finding {
  return {
    check,
    severity: 'error',
    file: error.place.file,
    language: error.place.language ?? language,
    key: error.place.key,
    message: error.detail,
  };
}

/** Every problem an error carries, as findings. */
export function findingsFromError(error: PamphletError, check: CheckName, language?: LanguageCode): Finding[] {
  const errors = error instanceof PamphletErrors ? error.errors : [error];
  return errors.map((e) => findingFromError(e, check, language));
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
