import * as fs from 'node:fs';
import * as path from 'node:path';
import { FontRegistry } from '../../src/fonts/font-registry';
import { ROOT } from './build';

/** The font families fonts/fonts.json ships, by name: every test over "all our fonts" reads them from there. */
export const SHIPPED_FAMILIES: string[] = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'fonts', 'fonts.json'), 'utf8')).families);

/** The files of every shipped family, both weights, each once (a family may use one file for both). */
export function shippedFontFiles(registry = FontRegistry.default()): string[] {
  return [...new Set(SHIPPED_FAMILIES.flatMap((family) => (['regular', 'bold'] as const).map((weight) => registry.fileOf(family, weight))))];
}
