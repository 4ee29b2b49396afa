import Handlebars from 'handlebars';
import { PamphletError, PamphletErrors } from '../core/errors';
import { FACTS_USED } from '../template/precompiled-templates';
import { readTemplate } from '../template/render-markup';
import { KNOWN_HELPERS } from '../template/template-helpers';

interface Node {
  type?: string;
  parts?: string[];
  original?: string;
  data?: boolean;
  depth?: number;
  path?: Node;
  params?: Node[];
  hash?: { pairs?: unknown[] };
  name?: Node | string;
  loc?: { start: { line: number } };
}

/** Walks a Handlebars syntax tree, calling `visit` on every node. */
function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') walk(child, visit);
  }
}

const line = (node: Node) => (node.loc ? ` (line ${node.loc.start.line})` : '');

/**
 * What a template may not do, found before it runs: call a helper pamphlet
 * does not have, or include a partial or a decorator (pamphlet registers
 * none, and never loads a template from a name).
 */
function forbidden(ast: hbs.AST.Program, file: string): PamphletError[] {
  const problems: PamphletError[] = [];
  const known = KNOWN_HELPERS.join(', ');
  walk(ast, (node) => {
    switch (node.type) {
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = typeof node.name === 'object' ? node.name.original : node.name;
        problems.push(new PamphletError(`the template includes a partial, {{> ${name}}}${line(node)}; pamphlet has no partials and never loads another file. Put that markup in the template itself.`, { file }));
        break;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        problems.push(new PamphletError(`the template uses a decorator, {{* …}}${line(node)}, which pamphlet does not support. Remove it.`, { file }));
        break;
      case 'MustacheStatement':
      case 'BlockStatement':
      case 'SubExpression': {
        // With arguments, or as (sub expression), the path names a helper; without, it may be a field.
        const isCall = node.type === 'SubExpression' || (node.params?.length ?? 0) > 0 || (node.hash?.pairs?.length ?? 0) > 0;
        const callee = node.path;
        if (!isCall || !callee || callee.type !== 'PathExpression') break;
        const name = callee.original ?? '';
        const simple = callee.parts?.length === 1 && !callee.data && !callee.depth && name === callee.parts[0];
        if (!simple || !KNOWN_HELPERS.includes(name)) {
          problems.push(new PamphletError(`the template calls "${name}"${line(node)}, which is not a helper of pamphlet. Known helpers: ${known}.`, { file }));
        }
        break;
      }
    }
  });
  return problems;
}

/**
 * The names of the facts the template prints itself, as `{{facts.iwgDepartments}}`.
 * Throws the template's problems of syntax, helpers and partials, all at once.
 */
export function factsUsedByTemplate(file: string): Set<string> {
  const source = readTemplate(file);
  const known = FACTS_USED.get(source);
  if (known) return new Set(known);
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    throw new PamphletError(`the template is not valid Handlebars: ${(error as Error).message.split('\n')[0]}. Fix the template there.`, { file });
  }
  const problems = forbidden(ast, file);
  if (problems.length) throw new PamphletErrors(problems);
  const used = new Set<string>();
  walk(ast, (node) => {
    if (node.type === 'PathExpression' && node.parts?.[0] === 'facts' && node.parts[1]) used.add(node.parts[1]);
  });
  return used;
}
