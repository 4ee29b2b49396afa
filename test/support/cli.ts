import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './build';

/** The built CLI, run as a user runs it. */
export const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pamphlet ARGS` in `cwd`, killed after a minute (or `timeout` ms, for a batch) so that a hang fails the test instead of stalling it. */
export function runCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env, timeout = 60_000): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout, killSignal: 'SIGKILL' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
