import { LineCounter, parseAllDocuments, YAMLError } from 'yaml';
import { ErrorPlace, PamphletError } from './errors';
import { ReadJsonOptions } from './read-json';
import { INPUT_LIMITS, readInputText } from './read-input';
import { yamlStructureProblem, yamlTokenProblem } from './yaml-structure';

/**
 * The parser's options for untrusted YAML: the core schema (text, numbers,
 * true/false, null, lists, mappings; no dates, no YAML 1.1 `yes`), no `<<`
 * merge keys, none of the 1.1 tags (!!binary, !!set) the core schema would
 * otherwise still read. Keys twice are found by yamlStructureProblem, which
 * names both lines as the JSON reader does.
 */
const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
} as const;

/** yaml's own bound on alias expansion, behind ours (INPUT_LIMITS.yamlValues). */
const MAX_ALIAS_COUNT = 50;

/** What an editor is told, beside the parser's own words, for the common mistakes. */
const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces',
  BAD_INDENT: 'check the indentation, and that each bracket is closed',
  BLOCK_AS_IMPLICIT_KEY: 'is the line indented deeper than it should be, or a colon missing after a name?',
  MULTILINE_IMPLICIT_KEY: 'is the line indented deeper than it should be, or a colon missing after a name?',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BAD_DQ_ESCAPE: 'in double quotes write \\\\ for a backslash, or use single quotes',
  UNEXPECTED_TOKEN: 'is a colon missing, or a value on a line of its own?',
};

/** The parser's message as one printable line, without its closing period. */
function oneLine(message: string): string {
  const first = message.split('\n')[0].trim().replace(/[\p{C}\p{Zl}\p{Zp}]/gu, '?').replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * Reads a YAML file through the input reader (a regular file, size-capped,
 * strict UTF-8) and parses it as plain data: one document, the core schema,
 * no tags of its own, each key once, aliases bounded, nesting bounded. A
 * syntax error names its line and column.
 */
export function readYamlFile(file: string, place: ErrorPlace = {}, options: ReadJsonOptions = {}): unknown {
  const kind = options.kind ?? 'content';
  const fail = (message: string, key?: string): never => {
    throw new PamphletError(message, { ...place, file, ...(key ? { key } : {}) }, kind);
  };
  const text = readInputText(file, { maxBytes: options.maxBytes ?? INPUT_LIMITS.yamlBytes, place, kind, within: options.within });
  const limits = { depth: INPUT_LIMITS.jsonDepth, values: INPUT_LIMITS.yamlValues };
  const shape = yamlTokenProblem(text, limits);
  if (shape) fail(shape.message);

  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  if (documents.length === 0) fail('holds no YAML (it is empty, or only comments); it must hold one mapping of fields. Restore its content.');
  if (documents.length > 1) {
    fail(`holds ${documents.length} YAML documents (the second begins at line ${lineAt(documents[1].range[0])}); it must hold one. Remove the "---" line and what follows it, or merge the two.`);
  }
  const doc = documents[0];
  const syntax: YAMLError | undefined = doc.errors[0];
  if (syntax) {
    if (syntax.code === 'RESOURCE_EXHAUSTION') fail(`nests mappings or lists too deep for the reader (at line ${lineAt(syntax.pos[0])}). Flatten it.`);
    const { line, col } = lines.linePos(syntax.pos[0]);
    const hint = SYNTAX_HINTS[syntax.code];
    fail(`is not valid YAML at line ${line}, column ${col}: ${oneLine(syntax.message)}${hint ? ` (${hint})` : ''}. Fix the syntax there.`);
  }
  const problem = yamlStructureProblem(doc, lines, limits);
  if (problem) fail(problem.message, problem.key);
  const warning = doc.warnings[0];
  if (warning) fail(`is not plain YAML at line ${lineAt(warning.pos[0])}: ${oneLine(warning.message)}. Write the value plainly.`);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Aliases were bounded above; yaml's own bound is the second guard.
    if (error instanceof ReferenceError) fail(`uses its aliases (*name) too much: ${oneLine(error.message)}. Write the values out.`);
    throw error;
  }
}
