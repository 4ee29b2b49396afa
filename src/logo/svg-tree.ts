import type { Element } from '@xmldom/xmldom';

/**
 * The tree svg-to-pdfkit draws, built from the DOM that the XML parser made
 * and the policy checked, never from the text again: the drawing sees
 * exactly the elements that were checked (svg-to-pdfkit's own regex parser
 * could read the same text differently). It takes the DOM members the
 * library uses, the same as its own parser's nodes.
 */
export interface DrawingNode {
  nodeName: string | null;
  nodeType: number;
  nodeValue: string | null;
  attributes: Record<string, string>;
  childNodes: DrawingNode[];
  parentNode: DrawingNode | null;
  id: string;
  textContent: string;
  classList: string[];
  getAttribute(name: string): string | null;
  getElementById(id: string): DrawingNode | null;
  getElementsByTagName(tag: string): DrawingNode[];
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

class Node implements DrawingNode {
  attributes: Record<string, string> = Object.create(null);
  childNodes: DrawingNode[] = [];
  parentNode: DrawingNode | null = null;
  id = '';
  textContent = '';
  classList: string[] = [];
  constructor(readonly nodeName: string | null, readonly nodeType: number, readonly nodeValue: string | null) {}

  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attributes, name) ? this.attributes[name] : null;
  }

  getElementById(id: string): DrawingNode | null {
    return this.elements().find((node) => node.id === id) ?? null;
  }

  getElementsByTagName(tag: string): DrawingNode[] {
    return this.elements().filter((node) => node.nodeName === tag);
  }

  /** This element and every one below it, in document order (the checked tree is at most 64 deep). */
  private elements(): DrawingNode[] {
    const out: DrawingNode[] = [];
    const visit = (node: DrawingNode) => {
      if (node.nodeType !== ELEMENT) return;
      out.push(node);
      node.childNodes.forEach(visit);
    };
    visit(this);
    return out;
  }
}

/** The drawing tree of a checked DOM element; comments and processing instructions are left out. */
export function drawingTree(element: Element, root: Record<string, string> = {}): DrawingNode {
  const node = new Node(element.nodeName, ELEMENT, null);
  for (const attr of Array.from(element.attributes)) node.attributes[attr.name] = attr.value;
  Object.assign(node.attributes, root);
  node.id = node.attributes.id ?? '';
  node.classList = (node.attributes.class ?? '').split(' ');
  for (const child of Array.from(element.childNodes)) {
    let drawn: DrawingNode | null = null;
    if (child.nodeType === ELEMENT) drawn = drawingTree(child as Element);
    else if (child.nodeType === TEXT) drawn = new Node('#text', TEXT, child.nodeValue);
    else if (child.nodeType === CDATA) drawn = new Node('#cdata-section', CDATA, child.nodeValue);
    if (!drawn) continue;
    drawn.parentNode = node;
    node.childNodes.push(drawn);
    node.textContent += drawn.nodeType === ELEMENT ? drawn.textContent : drawn.nodeValue ?? '';
  }
  return node;
}
