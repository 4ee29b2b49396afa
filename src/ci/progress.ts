import { isCI } from 'ci-info';
import { printLine } from '../cli/safe-output';

/**
 * A build's progress. At a terminal, one line on stderr that updates in
 * place (`[37/126] ar trifold letter`), with the build's own lines printed
 * above it; in CI or into a file, no such line: the build prints its lines
 * as it always has, which a log keeps. stdout is never written here but
 * through `line`, so --json output stays one JSON document.
 */
export interface Progress {
  /** A PDF begins: the updating line shows it. */
  step(label: string): void;
  /** Work between PDFs (checking a format's content): shown without counting a PDF. */
  note(text: string): void;
  /** A line of the build's report, on stdout. */
  line(text: string): void;
  /** Clears the updating line, before the summary. */
  done(): void;
}

/** At a person's terminal: stderr is one, and no CI (ci-info knows them by their variables, `CI` among them). */
export function isInteractive(stream: NodeJS.WriteStream = process.stderr, inCi = isCI): boolean {
  return Boolean(stream.isTTY) && !inCi;
}

const CLEAR_LINE = '\r\x1b[K';

export function createProgress(total: number, interactive = isInteractive(), stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!interactive) return { step: () => {}, note: () => {}, line: printLine, done: () => {} };
  let count = 0;
  let shown = '';
  const write = (text: string) => {
    try { stream.write(text); } catch { /* a report, not the work: see safe-output.ts */ }
  };
  const draw = () => {
    // Cut to the terminal's width: a line that wraps can no longer be cleared.
    const width = Math.max(20, (stream.columns || 80) - 1);
    write(`${CLEAR_LINE}${shown.length > width ? `${shown.slice(0, width - 1)}…` : shown}`);
  };
  return {
    step(label) {
      count += 1;
      shown = `[${count}/${total}] ${label}`;
      draw();
    },
    note(text) {
      shown = `[${count}/${total}] ${text}`;
      draw();
    },
    line(text) {
      if (shown) write(CLEAR_LINE);
      printLine(text);
      if (shown) draw();
    },
    done() {
      if (shown) write(CLEAR_LINE);
      shown = '';
    },
  };
}
