import * as fs from 'node:fs';
import { PamphletError, ErrorPlace } from './errors';

/** Reads a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(file: string, place: ErrorPlace = {}): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PamphletError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check that it exists and is readable.`, { ...place, file }, 'usage');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset).split('\n');
      where = ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
    }
    throw new PamphletError(`is not valid JSON${where} (${message.replace(/ in JSON at position \d+.*$/, '')}). Fix the syntax there.`, { ...place, file });
  }
}
