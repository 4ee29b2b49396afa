import { format } from 'node:util';

/**
 * What the CLI prints is a report, not the work: a reader that went away
 * (`| head -1`, EPIPE) or a full disk behind stdout (ENOSPC) must never stop
 * a build. A stream that failed once is left alone; the build goes on and
 * its exit code still says how the build went.
 */
const failed = new Set<NodeJS.WriteStream>();

export function guardOutputStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => failed.add(stream));
  }
}

function write(stream: NodeJS.WriteStream, text: string): void {
  if (failed.has(stream) || stream.destroyed) return;
  try {
    stream.write(text);
  } catch {
    // A synchronous write (a file, /dev/full) can throw instead of emitting 'error'.
    failed.add(stream);
  }
}

/** A line of the report, on stdout. */
export function printLine(line: string): void {
  write(process.stdout, `${line}\n`);
}

/** A line for the person at the terminal, on stderr. */
export function printError(line: string): void {
  write(process.stderr, `${line}\n`);
}

let jsonOutput = false;

/** True once --json (or "json": true in pamphlet.config.json) asked for JSON on stdout. */
export function wantsJson(): boolean {
  return jsonOutput;
}

/**
 * With --json, stdout holds exactly one JSON document. Whatever else would
 * print there while the command runs (a template's {{log}}, a library's
 * warning) goes to stderr instead.
 */
export function reserveStdoutForJson(): void {
  if (jsonOutput) return;
  jsonOutput = true;
  const toStderr = (...args: unknown[]) => printError(format(...args));
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

export function printJson(value: unknown): void {
  write(process.stdout, `${JSON.stringify(value, null, 2)}\n`);
}
