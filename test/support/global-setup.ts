import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE_VARIABLE } from './shared-cache';

/** A new, empty folder for the run's shared PDFs (shared-pdfs.ts): nothing built by an earlier run, from older sources, is read. */
export default function globalSetup(): void {
  process.env[CACHE_VARIABLE] = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-shared-pdfs-'));
}
