import { Argv } from 'yargs';
import { PamphletError } from '../core/errors';

/** How check and build print their findings: for people (the default), or as GitHub Actions annotations (src/ci/github-annotations.ts). */
export type ReportFormat = 'human' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['human', 'github'];

export interface ReportFormatArgs {
  format: ReportFormat;
  json: boolean;
}

/** --format, for check and build. */
export function withReportFormatOption<T>(yargs: Argv<T>): Argv<T & { format: ReportFormat }> {
  return yargs
    .option('format', { type: 'string', choices: REPORT_FORMATS as ReportFormat[], default: 'human' as ReportFormat, describe: 'How findings print: human, or github (GitHub Actions annotations on the file, line and column); not with --json' }) as unknown as Argv<T & { format: ReportFormat }>;
}

/** --json and --format github are two reports on one stdout: one or the other, said in one line (--json may come from the config file). */
export function assertOneReport(args: ReportFormatArgs): void {
  if (args.json && args.format !== 'human') {
    throw new PamphletError(`--format ${args.format} and --json both say how to print the findings; give one (json may be set in the config file: --no-json turns it off).`, {}, 'usage');
  }
}

/** --shard, for build: `I/N`, read by parseShard (src/ci/shard.ts). */
export function withShardOption<T>(yargs: Argv<T>): Argv<T & { shard?: string }> {
  return yargs
    .option('shard', { type: 'string', describe: 'Build only the I-th of N parts of the batch (such as 2/4), one per CI machine; each PDF is in exactly one part' })
    .check((argv) => (Array.isArray(argv.shard) ? `--shard was given ${argv.shard.length} times; give it once, such as --shard 2/4.` : true)) as unknown as Argv<T & { shard?: string }>;
}
