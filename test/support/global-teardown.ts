import * as fs from 'node:fs';
import { CACHE_VARIABLE } from './shared-cache';

export default function globalTeardown(): void {
  const folder = process.env[CACHE_VARIABLE];
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
}
