import { findNodeAtLocation, Node, parseTree } from 'jsonc-parser';
import { Finding } from '../core/finding';
import { INPUT_LIMITS, readInputText } from '../core/read-input';

/** Line and column (from 1) of an offset, counted in code points as an editor counts them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: [...before[before.length - 1]].length + 1 };
}

/** The JSON paths a finding's key may name in its file: a string key (under "strings"), or a field as written (meta.locale, facts.maxFine). */
function candidatePaths(key: string): (string | number)[][] {
  const parts = key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return [['strings', ...parts], parts];
}

/**
 * Where a key's name starts in a parsed file, or null. A key the file lacks
 * (a missing string) is placed at the group that should hold it.
 */
function locate(tree: Node, text: string, key: string): { line: number; column: number } | null {
  const paths = candidatePaths(key);
  const ancestors = paths.flatMap((path) => path.slice(0, -1).map((_, i) => path.slice(0, path.length - 1 - i))).filter((p) => p.length > 1 || p[0] === 'strings');
  for (const path of [...paths, ...ancestors]) {
    const node = findNodeAtLocation(tree, path);
    if (!node) continue;
    // The property, so the position is that of the key's name, where an editor's cursor should go.
    const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return lineAndColumn(text, at);
  }
  return null;
}

/**
 * Each finding on a key of a JSON file (a translation, facts.json) with the
 * line and column of that key, so an editor can jump to it. A file that
 * cannot be read or parsed again leaves its findings as they are.
 */
export function withKeyLocations(findings: Finding[]): Finding[] {
  const trees = new Map<string, { tree: Node; text: string } | null>();
  const parsed = (file: string) => {
    if (!trees.has(file)) {
      try {
        const text = readInputText(file, { maxBytes: INPUT_LIMITS.jsonBytes });
        const tree = parseTree(text);
        trees.set(file, tree ? { tree, text } : null);
      } catch {
        trees.set(file, null);
      }
    }
    return trees.get(file)!;
  };
  return findings.map((finding) => {
    if (!finding.file || !finding.key || !finding.file.endsWith('.json') || finding.line !== undefined) return finding;
    const doc = parsed(finding.file);
    const where = doc && locate(doc.tree, doc.text, finding.key);
    return where ? { ...finding, ...where } : finding;
  });
}
