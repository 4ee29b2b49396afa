import { Alias, CST, Document, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter } from 'yaml';
import { keyPath } from './key-path';
import { duplicateKeyMessage, RESERVED_KEYS, reservedKeyMessage } from './read-json';

/**
 * What a YAML file may hold beyond its syntax, checked on the parsed
 * document before any value is made from it: plain data only (no tags but
 * the core schema's own), keys that are names, each once in its mapping,
 * aliases that name an anchor before them and do not expand past a bound,
 * and nesting no deeper than JSON's.
 */

export interface StructureProblem {
  message: string;
  key?: string;
}

/** The tags of YAML's core schema: they only say what plain YAML already is (!!str 123 is the text "123"). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** A tag as it is written in the file: tag:yaml.org,2002:binary is !!binary. */
function writtenTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Said when a file holds more values than any of its kind needs. */
function tooManyValues(limit: number, line?: number): string {
  return `holds more than ${limit.toLocaleString('en-US')} values${line ? ` (the ${(limit + 1).toLocaleString('en-US')}st at line ${line})` : ''}; no file of this kind needs so many. Check that it is the right file.`;
}

/**
 * Nesting or a number of values past the limits, found by a flat pass over
 * the lexer's tokens before the parser runs (the parser recurses, and takes
 * ~1 s for 40,000 values). Brackets ([ {) and block indicators on one line
 * (- - - x) are the only way to nest deep in few bytes; nesting by
 * indentation costs its square, and the walk below bounds it.
 */
export function yamlTokenProblem(text: string, limits: { depth: number; values: number }): StructureProblem | null {
  let line = 1;
  let flow = 0;
  let indicators = 0;
  let scalars = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const breaks = token.split('\n').length - 1;
    if (scalarNext) {
      // A scalar's own text: what it holds is not structure, whatever it looks like.
      scalarNext = false;
    } else {
      switch (CST.tokenType(token)) {
        case 'scalar': scalarNext = true; scalars++; break;
        case 'flow-map-start': case 'flow-seq-start': flow++; break;
        case 'flow-map-end': case 'flow-seq-end': flow = Math.max(0, flow - 1); break;
        case 'seq-item-ind': case 'explicit-key-ind': case 'map-value-ind': if (flow === 0) indicators++; break;
        default: break;
      }
      if (flow + indicators > limits.depth) return { message: `nests mappings or lists more than ${limits.depth} deep (at line ${line}). Flatten it.` };
      if (scalars > limits.values) return { message: tooManyValues(limits.values, line) };
    }
    if (breaks > 0) indicators = 0;
    line += breaks;
  }
  return null;
}

interface Visit {
  node: unknown;
  /** Mappings and lists around the node, the node's own not counted. */
  depth: number;
  path: (string | number)[];
  /** The outermost alias being expanded, and where it stands, to name an alias bomb by. */
  alias?: { node: Alias; key?: string };
}

/**
 * Walks the document as its value will be made, aliases expanded, and
 * returns the first problem; without recursion, so that no file can
 * overflow the stack here.
 */
export function yamlStructureProblem(doc: Document, lines: LineCounter, limits: { depth: number; values: number }): StructureProblem | null {
  const lineOf = (node: { range?: [number, number, number] | null }) => lines.linePos(node.range?.[0] ?? 0).line;
  const stack: Visit[] = [{ node: doc.contents, depth: 0, path: [] }];
  let values = 0;
  while (stack.length > 0) {
    const { node, depth, path, alias } = stack.pop()!;
    if (node === null || node === undefined) continue;
    const key = keyPath(path) || undefined;
    if (++values > limits.values) {
      return alias
        ? { key: alias.key, message: `the alias *${alias.node.source} (line ${lineOf(alias.node)}) makes it more than ${limits.values.toLocaleString('en-US')} values once expanded, which is how an "alias bomb" fills the memory. Write the values out, or use fewer aliases.` }
        : { key, message: tooManyValues(limits.values) };
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return { key, message: `the alias *${node.source} (line ${lineOf(node)}) names no anchor &${node.source} before it. Put the anchor first, or write the value out.` };
      const [start, , end] = target.range ?? [0, 0, 0];
      const at = node.range?.[0] ?? 0;
      if (at >= start && at < end) return { key, message: `the alias *${node.source} (line ${lineOf(node)}) is inside the value its anchor &${node.source} names: it would repeat forever. Write the value out.` };
      stack.push({ node: target, depth, path, alias: alias ?? { node, key } });
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      return { key, message: `the value at line ${lineOf(node)} has the tag ${writtenTag(node.tag)}; tags are not read, only plain values (text, numbers, true or false, lists, mappings). Remove the tag; put the value in quotes to make it text.` };
    }
    if (isScalar(node)) continue;
    if (depth + 1 > limits.depth) return { key, message: `nests mappings or lists more than ${limits.depth} deep (at line ${lineOf(node)}). Flatten it.` };
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1, path: [...path, i], alias });
      continue;
    }
    const seen = new Map<string, number>();
    const children: Visit[] = [];
    for (const pair of node.items) {
      const name = pair.key;
      if (!isScalar(name)) {
        const line = name && typeof name === 'object' && 'range' in name ? lineOf(name as { range?: [number, number, number] }) : lineOf(node);
        return { key, message: `a key at line ${line} is ${isAlias(name) ? 'an alias' : 'a list or a mapping'}; a key must be a plain name. Write it out.` };
      }
      if (name.tag !== undefined && !CORE_TAGS.has(name.tag)) {
        return { key, message: `the key at line ${lineOf(name)} has the tag ${writtenTag(name.tag)}; tags are not read. Remove it.` };
      }
      const property = String(name.value);
      const line = lineOf(name);
      const here = keyPath([...path, property]);
      if (RESERVED_KEYS.has(property)) return { key: here, message: reservedKeyMessage(property, line) };
      const first = seen.get(property);
      if (first !== undefined) return { key: here, message: duplicateKeyMessage(property, first, line) };
      seen.set(property, line);
      children.push({ node: pair.value, depth: depth + 1, path: [...path, property], alias });
    }
    stack.push(...children.reverse());
  }
  return null;
}
