import * as fs from 'node:fs';
import * as path from 'node:path';
import { PamphletError } from '../core/errors';

/**
 * Writes a file through a temporary name and a rename, so a failed build
 * never leaves a truncated PDF and never replaces a good one.
 */
export function writeFileAtomic(file: string, data: Buffer): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new PamphletError(`cannot write the output file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose a writable folder with --out.`, { file }, 'usage');
  }
}
