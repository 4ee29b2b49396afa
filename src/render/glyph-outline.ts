import { Points } from '../core/units';
import { LoadedFont } from '../fonts/font-registry';
import { decimals } from './pdf-number';

/** Per font: glyph id to its outline as PDF path operators, in font units. */
const outlines = new WeakMap<LoadedFont, Map<number, string>>();

/**
 * A glyph as a filled path (PDF content, outside a text object) with its
 * origin at (x, y) in PDF space: it looks as the glyph does but is no text,
 * so no reader extracts anything for it. TrueType outlines fill by the
 * nonzero rule, as PDF's `f` does.
 */
export function glyphOutline(font: LoadedFont, id: number, size: Points, x: Points, y: Points): string {
  let known = outlines.get(font);
  if (!known) outlines.set(font, (known = new Map()));
  let path = known.get(id);
  if (path === undefined) {
    path = pathOperators(font.face.getGlyph(id).path.commands);
    known.set(id, path);
  }
  const scale = size / font.unitsPerEm;
  return `q ${num(scale)} 0 0 ${num(scale)} ${num(x)} ${num(y)} cm ${path} f Q`;
}

function num(n: number): string {
  return decimals(n, 5);
}

function pathOperators(commands: { command: string; args: number[] }[]): string {
  const ops: string[] = [];
  let cx = 0;
  let cy = 0;
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo': ops.push(`${num(args[0])} ${num(args[1])} m`); [cx, cy] = args; break;
      case 'lineTo': ops.push(`${num(args[0])} ${num(args[1])} l`); [cx, cy] = args; break;
      case 'quadraticCurveTo': {
        // A quadratic Bézier as the cubic that draws the same curve.
        const [qx, qy, ex, ey] = args;
        ops.push(`${num(cx + (2 / 3) * (qx - cx))} ${num(cy + (2 / 3) * (qy - cy))} ${num(ex + (2 / 3) * (qx - ex))} ${num(ey + (2 / 3) * (qy - ey))} ${num(ex)} ${num(ey)} c`);
        [cx, cy] = [ex, ey];
        break;
      }
      case 'bezierCurveTo': ops.push(`${args.map(num).join(' ')} c`); [cx, cy] = [args[4], args[5]]; break;
      case 'closePath': ops.push('h'); break;
    }
  }
  return ops.join(' ');
}
