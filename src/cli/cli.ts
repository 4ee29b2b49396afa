import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { displayPath } from '../check/report';
import { PamphletError } from '../core/errors';
import { debugStack, errorMessage } from '../core/unexpected-error';
import { buildCommand } from './build-command';
import { checkCommand } from './check-command';
import { languagesCommand } from './languages-command';
import { reviewedCommand } from './reviewed-command';
import { proofCommand } from './proof-command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { withHelp } from './help-text';
import { guardOutputStreams, printError, printJson, reserveStdoutForJson, wantsJson } from './safe-output';

guardOutputStreams();
// With --json, CI reads stdout: a problem that stops the run is JSON there too, and nothing else is.
// ("json": true in the config file does the same once the file is read.)
if (process.argv.slice(2).some((arg) => arg === '--json' || arg === '--json=true')) reserveStdoutForJson();

/**
 * Every way the run can stop, in one line and with a documented exit code:
 * 1 a content problem, 2 a usage problem or an error the tool did not foresee
 * (its stack only with PAMPHLET_DEBUG=1). Never a stack trace, never 70.
 */
function fail(error: unknown): never {
  if (error instanceof PamphletError) {
    printError(`pamphlet: ${error.message}`);
    if (wantsJson()) {
      const { file, language, key } = error.place;
      printJson({ ok: false, error: { kind: error.kind, file: displayPath(file), language, key, message: error.detail } });
    }
    process.exit(error.kind === 'usage' ? 2 : 1);
  }
  const message = `unexpected error: ${errorMessage(error)}. This is a bug in pamphlet or an input it does not guard against; run again with PAMPHLET_DEBUG=1 and report what it prints.`;
  printError(`pamphlet: ${message}`);
  debugStack(error);
  if (wantsJson()) printJson({ ok: false, error: { kind: 'internal', message } });
  process.exit(2);
}

/**
 * yargs renders a command's whole help (some 10 ms) as its handler starts, to show it should the
 * handler fail; fail() above never shows it, so that is not done. Through yargs' internals: if
 * they change, help is rendered as before, and nothing else changes.
 */
function withoutHelpForFailures(instance: unknown): void {
  const usage = (instance as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const cli = yargs(hideBin(process.argv));
withoutHelpForFailures(cli);
withHelp(cli, 'pamphlet')
  .scriptName('pamphlet')
  .command(buildCommand)
  .command(checkCommand)
  .command(languagesCommand)
  .command(exportCommand)
  .command(importCommand)
  .command(proofCommand)
  .command(reviewedCommand)
  .demandCommand(1, 'Name a command: build, check, languages, export, import, proof or reviewed.')
  .strict()
  .help()
  .alias('help', 'h')
  .fail((message, error) => {
    // yargs' own errors (a YError, or a failed check's message) are usage errors; anything else is fail()'s.
    const usage = error === undefined || error === null || (error instanceof Error ? error.name === 'YError' : String(error) === message);
    if (!usage) fail(error);
    if (wantsJson()) printJson({ ok: false, error: { kind: 'usage', message } });
    printError(`pamphlet: ${message}${/[.!?]$/.test(message) ? '' : '.'} Run \`pamphlet --help\` for the commands and options.`);
    process.exit(2);
  })
  .parseAsync()
  .catch(fail);
