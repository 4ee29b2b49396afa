/**
 * An error pamphlet did not foresee (a TypeError, a library's own error):
 * said in one line, as what the tool was doing and the error's own message,
 * never as a stack trace. PAMPHLET_DEBUG=1 prints the stack too, for the
 * developer who takes the report.
 */

/** Longer messages are cut: a library may put a whole input in its message. */
const MAX_MESSAGE = 300;

export function errorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = raw.split('\n').map((l) => l.trim()).find(Boolean) ?? (error instanceof Error ? error.name : 'unknown error');
  const short = line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
  return short.replace(/[.\s]+$/, '');
}

/** `doing` says what was under way, as "laying out the panels". */
export function unexpectedMessage(error: unknown, doing: string): string {
  return `unexpected error while ${doing}: ${errorMessage(error)}. This is a bug in pamphlet or an input it does not guard against; report it with this file.`;
}

/** PAMPHLET_DEBUG set (and not 0): stacks are printed, and the CLI runs from its modules, not its bundle (main.ts). */
export function debugging(): boolean {
  return !!process.env.PAMPHLET_DEBUG && process.env.PAMPHLET_DEBUG !== '0';
}

/** The stack on stderr, only when PAMPHLET_DEBUG is set. */
export function debugStack(error: unknown): void {
  if (!debugging()) return;
  try {
    process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
  } catch {
    // stderr is gone: nothing more to say.
  }
}
