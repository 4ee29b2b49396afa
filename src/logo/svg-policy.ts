import { PamphletError } from '../core/errors';
import type { Attr, Element } from '@xmldom/xmldom';

/**
 * What an untrusted SVG logo may hold. A logo is drawn, never run or
 * fetched: every element and attribute that could run code, reach outside
 * the file, pull in a bitmap or depend on a font is refused, in one line
 * naming the file, the element and its line, with what to do instead.
 */

/** Elements refused, and why. */
const REFUSED_ELEMENTS: Record<string, string> = {
  script: 'a logo is drawn, never run. Remove the script',
  foreignObject: 'it embeds HTML, which a PDF cannot draw. Remove it',
  text: 'the PDF must not depend on a font the logo names. Convert the text to outlines (paths) in your drawing program',
  tspan: 'the PDF must not depend on a font the logo names. Convert the text to outlines (paths) in your drawing program',
  textPath: 'the PDF must not depend on a font the logo names. Convert the text to outlines (paths) in your drawing program',
  font: 'the PDF must not depend on a font the logo names. Convert the text to outlines (paths)',
  'font-face': 'the PDF must not depend on a font the logo names. Convert the text to outlines (paths)',
  image: 'a vector logo may not embed a bitmap or another file. Draw it as paths, or give the edition a PNG logo instead',
  feImage: 'a vector logo may not embed a bitmap or another file. Remove the filter',
  a: 'a link has no place on paper. Remove the <a> (keep what it holds)',
  iframe: 'it embeds another document. Remove it',
  video: 'it embeds media. Remove it',
  audio: 'it embeds media. Remove it',
  handler: 'a logo is drawn, never run. Remove it',
  listener: 'a logo is drawn, never run. Remove it',
  set: 'animation has no place on paper. Remove it',
  animate: 'animation has no place on paper. Remove it',
  animateMotion: 'animation has no place on paper. Remove it',
  animateTransform: 'animation has no place on paper. Remove it',
  animateColor: 'animation has no place on paper. Remove it',
  marker: 'markers repeat a drawing at every point of a line. Expand them to paths in your drawing program',
};

/** The nesting and the number of elements drawn (each <use> and url(#…) counted with what it draws) that a logo may have. */
export const SVG_LIMITS = { depth: 64, drawn: 20_000, referenceDepth: 64 };

/** A same-document reference, as href="#id" or url(#id). */
const FRAGMENT = /^#[A-Za-z_][\w.:-]*$/;
const URL_REFERENCE = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

function refuse(file: string, element: Element, message: string): never {
  const line = (element as Element & { lineNumber?: number }).lineNumber;
  throw new PamphletError(`the logo has <${element.nodeName}>${line ? ` (line ${line})` : ''}: ${message}.`, { file }, 'usage');
}

/** The ids an attribute value refers to: href="#id" and every url(#id). */
function references(file: string, element: Element, attr: Attr): string[] {
  const ids: string[] = [];
  if (attr.localName === 'href') {
    const value = attr.value.trim();
    if (!FRAGMENT.test(value)) refuse(file, element, `${attr.name}="${value.slice(0, 60)}" points outside the logo. A logo may refer only to its own parts (href="#id"): no other file, web address or data: URI`);
    ids.push(value.slice(1));
  }
  for (const match of attr.value.matchAll(URL_REFERENCE)) {
    const target = match[2].trim();
    if (!FRAGMENT.test(target)) refuse(file, element, `${attr.name} has url(${target.slice(0, 60)}), which points outside the logo. Use only url(#id) of the logo's own gradients, clips and masks`);
    ids.push(target.slice(1));
  }
  return ids;
}

/**
 * Checks every element of the SVG against the policy, and bounds how much
 * it draws: a <use> of a group of <use>s of groups… (an SVG "billion
 * laughs") is counted as drawn, and refused beyond SVG_LIMITS.drawn.
 */
export function checkSvgPolicy(file: string, root: Element): void {
  if (root.localName !== 'svg') refuse(file, root, 'an SVG logo has <svg> at the top. Export the logo as SVG');
  const byId = new Map<string, Element>();
  const refs = new Map<Element, string[]>();
  const visit = (element: Element, depth: number) => {
    if (depth > SVG_LIMITS.depth) refuse(file, element, `it is nested more than ${SVG_LIMITS.depth} deep. Flatten the groups in your drawing program`);
    // By local name: a refused element is refused whatever its prefix or namespace.
    const name = element.localName ?? element.nodeName;
    if (Object.hasOwn(REFUSED_ELEMENTS, name)) refuse(file, element, REFUSED_ELEMENTS[name]);
    if (name === 'style') {
      const css = element.textContent ?? '';
      if (/@import|url\s*\(/i.test(css)) refuse(file, element, 'its style sheet has @import or url(…). Put fills and strokes in the elements\' own attributes');
    }
    const own: string[] = [];
    for (const attr of Array.from(element.attributes)) {
      if (/^on/i.test(attr.localName ?? attr.name)) refuse(file, element, `the event attribute ${attr.name}: a logo is drawn, never run. Remove it`);
      own.push(...references(file, element, attr));
    }
    // The first with an id, in document order, as svg-to-pdfkit finds it: a second one cannot hide a large first from the count.
    const id = element.getAttribute('id');
    if (id && !byId.has(id)) byId.set(id, element);
    refs.set(element, own);
    for (const child of Array.from(element.childNodes)) if (child.nodeType === 1) visit(child as Element, depth + 1);
  };
  visit(root, 1);
  drawnCount(file, root, byId, refs);
}

/** How many elements drawing `root` draws, following references; a loop of references is refused. */
function drawnCount(file: string, root: Element, byId: Map<string, Element>, refs: Map<Element, string[]>): number {
  const counted = new Map<Element, number>();
  const open = new Set<Element>();
  const count = (element: Element, depth: number): number => {
    const known = counted.get(element);
    if (known !== undefined) return known;
    if (depth > SVG_LIMITS.depth + SVG_LIMITS.referenceDepth) refuse(file, element, `its references (<use> of a <use> of …) are nested more than ${SVG_LIMITS.referenceDepth} deep. Simplify the logo`);
    if (open.has(element)) refuse(file, element, 'it refers to itself through its references (a loop). Remove the loop');
    open.add(element);
    let total = 1;
    for (const child of Array.from(element.childNodes)) if (child.nodeType === 1) total += count(child as Element, depth + 1);
    for (const id of refs.get(element) ?? []) {
      const target = byId.get(id);
      // svg-to-pdfkit would look for a missing part in another file.
      if (!target) refuse(file, element, `it refers to #${id.slice(0, 60)}, which the logo does not have. Fix the reference or remove it`);
      total += count(target, depth + 1);
    }
    open.delete(element);
    if (total > SVG_LIMITS.drawn) refuse(file, element, `drawing it draws more than ${SVG_LIMITS.drawn.toLocaleString('en')} elements (counting what each <use> and url(#…) repeats). Simplify the logo`);
    counted.set(element, total);
    return total;
  };
  return count(root, 1);
}
