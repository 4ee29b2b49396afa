import { displayPath } from '../core/display-path';
import { Finding } from '../core/finding';

/**
 * Findings as GitHub Actions workflow commands, which GitHub shows on the
 * file and line in a pull request: `::error file=F,line=L,col=C,title=T::message`.
 * Escaped as GitHub's own toolkit escapes them (@actions/core, command.ts):
 * %, CR and LF in the message; also : and , in a property's value, which
 * would otherwise end it.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `translation (ar): key welcome.title`: what the check found, where no file shows it. */
function titleOf(f: Finding): string {
  const what = f.language ? `${f.check} (${f.language})` : f.check;
  return f.key ? `pamphlet ${what}: key ${f.key}` : `pamphlet ${what}`;
}

/** One line: the file as displayed (relative to the current folder, the checkout in CI), the line and column when the finding knows them. */
export function githubAnnotation(f: Finding, cwd?: string): string {
  const properties: [string, string | number | undefined][] = [
    ['file', f.file ? displayPath(f.file, cwd).split('\\').join('/') : undefined],
    ['line', f.line],
    ['col', f.column],
    ['title', titleOf(f)],
  ];
  const shown = properties.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${f.severity === 'error' ? 'error' : 'warning'} ${shown}::${escapeData(f.message)}`;
}
