import { createScanner, parse as parseTolerant, ParseError, printParseErrorCode, SyntaxKind, visit } from 'jsonc-parser';
import { ErrorKind, ErrorPlace, PamphletError } from './errors';
import { keyPath, quoteKey } from './key-path';
import { INPUT_LIMITS, readInputText } from './read-input';

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

export interface ReadJsonOptions {
  /** 'content' (default): a finding for the language or the data; 'usage' for the tool's own setup. */
  kind?: ErrorKind;
  /** A folder the file, after following links, must stay inside. */
  within?: string;
  /** Larger files are refused before they are read; INPUT_LIMITS.jsonBytes unless said. */
  maxBytes?: number;
}

/** Names JavaScript gives a meaning of its own: as keys they could change an object's prototype. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Said of a reserved key, in JSON or YAML alike. */
export function reservedKeyMessage(property: string, line: number): string {
  return `the key ${quoteKey(property)} (line ${line}) is a name JavaScript reserves (${[...RESERVED_KEYS].join(', ')}). Rename or remove it.`;
}

/** Said of a key given twice in one object, in JSON or YAML alike. */
export function duplicateKeyMessage(property: string, first: number, line: number): string {
  return `the key ${quoteKey(property)} appears twice (lines ${first} and ${line}); one text would be lost. Keep one.`;
}

/**
 * The line (from 1) where nesting first goes deeper than `limit`, or null.
 * A flat scan of tokens, so that a file nested 10,000 deep cannot overflow
 * the stack of a recursive parser before its depth is known.
 */
function lineTooDeep(text: string, limit: number): number | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > limit) return scanner.getTokenStartLine() + 1;
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

/** Thrown from inside visit() to stop it where nesting goes too deep. */
class TooDeep {
  constructor(readonly line: number) {}
}

/**
 * In one pass over the tokens: the line where nesting first goes deeper
 * than `limit` (visit() is a recursive parser: it is stopped there, before
 * the stack could overflow), else the first key that appears twice in one
 * object or is a reserved name; null if neither. The key's path is made
 * only for that one key.
 */
function structureProblem(text: string, limit: number): { deep: number } | { key: string; message: string } | null {
  const objects: Map<string, number>[] = [];
  let depth = 0;
  let problem: { key: string; message: string } | null = null;
  const deeper = (line: number) => {
    if (++depth > limit) throw new TooDeep(line + 1);
  };
  try {
    visit(text, {
      onObjectBegin: (_offset, _length, line) => { deeper(line); objects.push(new Map()); },
      onObjectEnd: () => { depth--; objects.pop(); },
      onArrayBegin: (_offset, _length, line) => deeper(line),
      onArrayEnd: () => { depth--; },
      onObjectProperty: (property, _offset, _length, startLine, _character, pathSupplier) => {
        if (problem) return;
        const line = startLine + 1;
        const key = () => keyPath([...pathSupplier(), property]);
        if (RESERVED_KEYS.has(property)) {
          problem = { key: key(), message: reservedKeyMessage(property, line) };
          return;
        }
        const keys = objects[objects.length - 1];
        const first = keys.get(property);
        if (first !== undefined) {
          problem = { key: key(), message: duplicateKeyMessage(property, first, line) };
          return;
        }
        keys.set(property, line);
      },
    }, { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    if (error instanceof TooDeep) return { deep: error.line };
    throw error;
  }
  return problem;
}

/**
 * Reads a JSON file through the input reader (a regular file, size-capped,
 * strict UTF-8) and parses it strictly: a syntax error names the line and
 * column and says what is wrong there; nesting deeper than the limit, a key
 * twice in one object and a reserved key are refused with their line.
 */
export function readJsonFile(file: string, place: ErrorPlace = {}, options: ReadJsonOptions = {}): unknown {
  const kind = options.kind ?? 'content';
  const fail = (message: string, key?: string): never => {
    throw new PamphletError(message, { ...place, file, ...(key ? { key } : {}) }, kind);
  };
  const text = readInputText(file, { maxBytes: options.maxBytes ?? INPUT_LIMITS.jsonBytes, place, kind, within: options.within });
  if (text.trim() === '') fail('is empty; it must hold a JSON object. Restore its content.');
  const tooDeep = (line: number) => fail(`nests objects or arrays more than ${INPUT_LIMITS.jsonDepth} deep (at line ${line}). Flatten it.`);
  let json: unknown;
  try {
    // V8's JSON.parse keeps its own stack: no depth overflows it.
    json = JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always say where; a tolerant parser finds the first error's offset, once the
    // nesting is known to be shallow enough for it (it is recursive).
    const deep = lineTooDeep(text, INPUT_LIMITS.jsonDepth);
    if (deep !== null) tooDeep(deep);
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first) fail(`is not valid JSON (${(error as Error).message}). Fix the syntax.`);
    const { line, column } = lineAndColumn(text, first.offset);
    const code = printParseErrorCode(first.error);
    fail(`is not valid JSON at line ${line}, column ${column}: ${SYNTAX_HINTS[code] ?? code}. Fix the syntax there.`);
  }
  const problem = structureProblem(text, INPUT_LIMITS.jsonDepth);
  if (problem && 'deep' in problem) tooDeep(problem.deep);
  if (problem && 'key' in problem) fail(problem.message, problem.key);
  return json;
}
