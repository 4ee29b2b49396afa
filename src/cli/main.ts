#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { displayPath } from '../check/report';
import { PamphletError } from '../core/errors';
import { buildCommand } from './build-command';
import { checkCommand } from './check-command';
import { languagesCommand } from './languages-command';

/** With --json, CI reads stdout: a problem that stops the run is JSON there too. */
const wantsJson = process.argv.includes('--json');

/** Exit codes: 0 all built, 1 a content problem, 2 a usage problem. */
function fail(error: unknown): never {
  if (error instanceof PamphletError) {
    console.error(`pamphlet: ${error.message}`);
    if (wantsJson) {
      const { file, language, key } = error.place;
      console.log(JSON.stringify({ ok: false, error: { kind: error.kind, file: displayPath(file), language, key, message: error.detail } }, null, 2));
    }
    process.exit(error.kind === 'usage' ? 2 : 1);
  }
  console.error(`pamphlet: internal error: ${(error as Error)?.stack ?? error}`);
  process.exit(70);
}

yargs(hideBin(process.argv))
  .scriptName('pamphlet')
  .command(buildCommand)
  .command(checkCommand)
  .command(languagesCommand)
  .demandCommand(1, 'Name a command: build, check or languages.')
  .strict()
  .help()
  .fail((message, error) => {
    if (error) fail(error);
    if (wantsJson) console.log(JSON.stringify({ ok: false, error: { kind: 'usage', message } }, null, 2));
    console.error(`pamphlet: ${message}\nRun \`pamphlet --help\` for the commands and options.`);
    process.exit(2);
  })
  .parseAsync()
  .catch(fail);
