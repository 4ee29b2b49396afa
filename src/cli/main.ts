#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { PamphletError } from '../core/errors';
import { buildCommand } from './build-command';
import { checkCommand } from './check-command';
import { languagesCommand } from './languages-command';

/** Exit codes: 0 all built, 1 a content problem, 2 a usage problem. */
function fail(error: unknown): never {
  if (error instanceof PamphletError) {
    console.error(`pamphlet: ${error.message}`);
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
    console.error(`pamphlet: ${message}\nRun \`pamphlet --help\` for the commands and options.`);
    process.exit(2);
  })
  .parseAsync()
  .catch(fail);
