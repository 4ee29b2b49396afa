import * as fs from 'node:fs';
import Handlebars from 'handlebars';
import { PamphletError } from '../core/errors';

/** Walks a Handlebars syntax tree, calling `visit` on every node. */
function walk(node: unknown, visit: (node: { type?: string; parts?: string[] }) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node && typeof node === 'object') {
    visit(node as { type?: string });
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') walk(child, visit);
  }
}

/** The names of the facts the template prints itself, as `{{facts.iwgDepartments}}`. */
export function factsUsedByTemplate(file: string): Set<string> {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PamphletError(`the template is not valid Handlebars: ${(error as Error).message.split('\n')[0]}. Fix the template there.`, { file });
  }
  const used = new Set<string>();
  walk(ast, (node) => {
    if (node.type === 'PathExpression' && node.parts?.[0] === 'facts' && node.parts[1]) used.add(node.parts[1]);
  });
  return used;
}
