import { DOMParser, Document, Element } from '@xmldom/xmldom';
import { PamphletError } from '../core/errors';
import { LogoImage } from './logo-image';
import { checkSvgPolicy } from './svg-policy';
import { drawingTree } from './svg-tree';

/** Lengths an SVG's width and height may be given in, in CSS pixels. */
const UNITS: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };
/** A logo wider or taller than this many times its other side would print as a line. */
const MAX_RATIO = 20;

function fail(file: string, message: string): never {
  throw new PamphletError(message, { file }, 'usage');
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function length(value: string | null): number | null {
  const match = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(value ?? '');
  if (!match || !Object.hasOwn(UNITS, match[2].toLowerCase())) return null;
  const n = Number(match[1]) * UNITS[match[2].toLowerCase()];
  return n > 0 && Number.isFinite(n) ? n : null;
}

/** The logo's drawing area: its viewBox, else its width and height. */
function viewBox(file: string, svg: Element): [number, number, number, number] {
  const box = svg.getAttribute('viewBox');
  if (box) {
    const numbers = box.trim().split(/[\s,]+/).map(Number);
    if (numbers.length !== 4 || !numbers.every(Number.isFinite) || numbers[2] <= 0 || numbers[3] <= 0) {
      fail(file, `the logo's viewBox="${box.slice(0, 60)}" is not four numbers with a width and height above 0. Fix it in your drawing program.`);
    }
    return numbers as [number, number, number, number];
  }
  const width = length(svg.getAttribute('width'));
  const height = length(svg.getAttribute('height'));
  if (width === null || height === null) fail(file, 'the logo has no viewBox, nor a width and height: its shape cannot be known. Add viewBox="0 0 WIDTH HEIGHT" to its <svg>.');
  return [0, 0, width, height];
}

/**
 * An SVG logo, checked: parsed by a real XML parser (a DOCTYPE, with its
 * entities, is refused before parsing), every element held to the policy
 * (svg-policy.ts), then turned into the tree that is drawn. Its outer
 * <svg> is set to fill the box the layout gives it, its viewBox kept.
 */
export function readSvgLogo(file: string, text: string): LogoImage {
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    fail(file, `the logo has <!${doctype[1]}> (line ${lineAt(text, doctype.index)}): a DOCTYPE and its entities can pull in other files or blow up in size. Remove it; an SVG needs none.`);
  }
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'image/svg+xml');
  } catch (error) {
    const message = String((error as Error).message).split('\n')[0].replace(/^Reporting (fatalError|error) "(.*)" caused .*$/, '$2').replace(/^\[xmldom \w+\]\s*/, '');
    fail(file, `the logo is not well-formed XML (${message.slice(0, 160)}). Export it again as plain SVG.`);
  }
  for (const node of Array.from(document.childNodes)) {
    if (node.nodeType === 7 && node.nodeName !== 'xml') fail(file, `the logo has the processing instruction <?${node.nodeName}?>: it can pull in a style sheet from elsewhere. Remove it.`);
  }
  const svg = document.documentElement;
  if (!svg) fail(file, 'the logo has no <svg> element. Export it as SVG.');
  checkSvgPolicy(file, svg);
  const [x, y, width, height] = viewBox(file, svg);
  if (width / height > MAX_RATIO || height / width > MAX_RATIO) fail(file, `the logo is ${+width.toFixed(2)} × ${+height.toFixed(2)}: more than ${MAX_RATIO} times wider than tall, or taller than wide, it would print as a line. Crop it to the emblem.`);
  // The outer <svg> fills the box it is drawn in; its own x, y, width and height would move or resize it.
  const tree = drawingTree(svg, { x: '0', y: '0', width: '100%', height: '100%', viewBox: `${x} ${y} ${width} ${height}` });
  return { kind: 'svg', file, tree, width, height };
}
