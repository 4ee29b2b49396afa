import * as fs from 'node:fs';
import { parse as parseTolerant, ParseError, printParseErrorCode } from 'jsonc-parser';
import { PamphletError, ErrorPlace } from './errors';

/** What an editor is told for each kind of syntax error. */
const SYNTAX_HINTS: Record<string, string> = {
  ValueExpected: 'a value is expected here (a comma too many, or a value left out?)',
  CommaExpected: 'a comma is missing here',
  ColonExpected: 'a colon is missing between a name and its value',
  PropertyNameExpected: 'a name in double quotes is expected here (a comma too many before a closing brace?)',
  CloseBraceExpected: 'a closing brace } is missing',
  CloseBracketExpected: 'a closing bracket ] is missing',
  EndOfFileExpected: 'there is text after the end of the JSON',
  UnexpectedEndOfString: 'a string is not closed with a double quote',
  InvalidEscapeCharacter: 'a backslash starts an escape that JSON does not have (write \\\\ for a backslash)',
  InvalidCharacter: 'a character that JSON does not allow here (a line break inside a string?)',
  InvalidSymbol: 'a word or symbol that is not JSON (quotes missing around a string?)',
};

/** Line and column (from 1) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Reads a JSON file; a syntax error names the file, line and column, and says what is wrong there. */
export function readJsonFile(file: string, place: ErrorPlace = {}): unknown {
  let text: string;
  try {
    // A byte-order mark, as some Windows editors write, is not part of the JSON.
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new PamphletError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check that it exists and is readable.`, { ...place, file }, 'usage');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always say where; a tolerant parser finds the first error's offset.
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first) throw new PamphletError(`is not valid JSON (${(error as Error).message}). Fix the syntax.`, { ...place, file });
    const { line, column } = lineAndColumn(text, first.offset);
    const code = printParseErrorCode(first.error);
    throw new PamphletError(`is not valid JSON at line ${line}, column ${column}: ${SYNTAX_HINTS[code] ?? code}. Fix the syntax there.`, { ...place, file });
  }
}
