import { PamphletError, ErrorPlace } from '../core/errors';
import { pictogram, Pictogram } from '../icons/pictogram';
import { linkTargetProblem } from './link-target';
import { Block, InlineSpan, LogoBlock, PamphletDocument, Panel, TextBlock, TextBlockKind } from './types';

/** A node of the markup: an element or a piece of text. */
interface MarkupElement { tag: string; attrs: Record<string, string>; children: MarkupNode[]; line: number }
type MarkupNode = MarkupElement | { text: string };

/** U+2028 LINE SEPARATOR: a forced line break inside a paragraph (UAX #14 class BK). */
export const LINE_BREAK = '\u2028';

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name];
  });
}

/** Markup as the plain text it prints (a title for the PDF's metadata): tags dropped, entities decoded. */
export function markupText(markup: string): string {
  return decodeEntities(markup.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

/** A strict parser for the small XML-like markup the template produces. */
function tokenize(markup: string, place: ErrorPlace): MarkupElement {
  const root = { tag: '#root', attrs: {}, children: [] as MarkupNode[], line: 1 };
  const stack = [root];
  const pattern = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  // Lines counted as the matches go: counting from the start for each would be quadratic in a long template.
  let line = 1;
  let counted = 0;
  for (const match of markup.matchAll(pattern)) {
    for (; counted < match.index!; counted++) if (markup.charCodeAt(counted) === 10) line++;
    const [, closing, tag, attrText, selfClosing, text, stray] = match;
    const top = stack[stack.length - 1];
    if (stray) throw new PamphletError(`template markup line ${line}: a stray "<". Write &lt; for a literal less-than sign.`, place);
    if (text !== undefined) {
      top.children.push({ text: decodeEntities(text) });
    } else if (closing) {
      if (top.tag !== tag) throw new PamphletError(`template markup line ${line}: </${tag}> closes <${top.tag}>.`, place);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]] = decodeEntities(a[2]);
      const node = { tag, attrs, children: [] as MarkupNode[], line };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length > 1) throw new PamphletError(`template markup: <${stack[stack.length - 1].tag}> is never closed.`, place);
  return root;
}

function isElement(node: MarkupNode): node is MarkupElement {
  return 'tag' in node;
}

/** Inline content: text, <b>, <nobr> and <br/>. Whitespace is collapsed as in HTML. */
function inlineSpans(nodes: MarkupNode[], place: ErrorPlace): InlineSpan[] {
  return trimSpans(innerSpans(nodes, place, false, false));
}

/** Spans of inline content, untrimmed: a space at the edge of a <b> or <nobr> is a space between words. */
function innerSpans(nodes: MarkupNode[], place: ErrorPlace, bold: boolean, nobr: boolean): InlineSpan[] {
  const spans: InlineSpan[] = [];
  const span = (text: string): InlineSpan => (nobr ? { text, bold, nobr } : { text, bold });
  for (const node of nodes) {
    if (!isElement(node)) spans.push(span(node.text.replace(/[ \t\r\n]+/g, ' ')));
    else if (node.tag === 'b') spans.push(...innerSpans(node.children, place, true, nobr));
    else if (node.tag === 'nobr') spans.push(...innerSpans(node.children, place, bold, true));
    else if (node.tag === 'br') spans.push(span(LINE_BREAK));
    else throw new PamphletError(`template markup line ${node.line}: <${node.tag}> cannot stand inside text.`, place);
  }
  return spans;
}

/**
 * Whitespace as HTML treats it across elements: one space where spans meet
 * ("a <b> b</b>" has one), none at the paragraph's edges, none next to a
 * forced line break.
 */
function trimSpans(spans: InlineSpan[]): InlineSpan[] {
  const out: InlineSpan[] = [];
  let afterSpace = true; // at the start, as after a space: leading spaces go
  for (const s of spans) {
    let text = s.text.replace(/ *\u2028 */g, LINE_BREAK);
    if (afterSpace) text = text.replace(/^ +/, '');
    if (!text.length) continue;
    if (text[0] === LINE_BREAK && out.length) out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.replace(/ +$/, '') };
    afterSpace = / $|\u2028$/.test(text);
    out.push({ ...s, text });
  }
  while (out.length && / $/.test(out[out.length - 1].text)) {
    const text = out[out.length - 1].text.replace(/ +$/, '');
    if (text.length) out[out.length - 1] = { ...out[out.length - 1], text };
    else out.pop();
  }
  return out;
}

const TEXT_TAGS: Record<string, TextBlockKind> = {
  endonym: 'endonym', title: 'title', lead: 'lead', h: 'heading', h3: 'subheading', p: 'paragraph',
  small: 'small', issuer: 'issuer', label: 'label', value: 'value', link: 'link',
};

/** What the markup's <logo/> stands for: the edition's logo with its alt text in the piece's language, or none. */
export type MarkupLogo = Omit<LogoBlock, 'type' | 'caption'> | undefined;

const BAND_KINDS: TextBlockKind[] = ['title', 'endonym', 'heading'];

/** The pictogram an element names (icon="…"), or an error naming its line. */
function pictogramAt(node: MarkupElement, place: ErrorPlace): Pictogram {
  if (!node.attrs.icon && !node.attrs.name) throw new PamphletError(`template markup line ${node.line}: <${node.tag}> needs the name of a pictogram (${node.tag === 'icon' ? 'name' : 'icon'}="cash-banknote").`, place);
  try {
    return pictogram(node.attrs.icon ?? node.attrs.name);
  } catch (error) {
    if (error instanceof PamphletError) throw new PamphletError(`template markup line ${node.line}: ${error.detail}`, place);
    throw error;
  }
}

function blocks(nodes: MarkupNode[], place: ErrorPlace, logo: MarkupLogo): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      if (node.text.trim()) throw new PamphletError(`template markup: text "${node.text.trim().slice(0, 30)}" must be inside a block such as <p>.`, place);
      continue;
    }
    const kind = TEXT_TAGS[node.tag];
    if (kind) {
      const href = node.attrs.href;
      const problem = href === undefined ? null : linkTargetProblem(href);
      if (problem) throw new PamphletError(`template markup line ${node.line}: <${node.tag} href="…">: ${problem}.`, place);
      out.push({ type: 'text', kind, spans: inlineSpans(node.children, place), ...(href === undefined ? {} : { href }) });
    } else if (node.tag === 'ul') {
      const items = node.children.filter(isElement);
      for (const li of items) if (li.tag !== 'li') throw new PamphletError(`template markup line ${li.line}: <ul> may hold only <li>.`, place);
      out.push({
        type: 'list',
        items: items.map((li) => inlineSpans(li.children, place)),
        icons: items.map((li) => (li.attrs.icon === undefined ? null : pictogramAt(li, place))),
      });
    } else if (node.tag === 'band') {
      const inner = blocks(node.children, place, logo);
      // Text in a band prints in the band's colour (white on red): only display sizes, which stay legible when photocopied.
      if (!inner.every((b): b is TextBlock => b.type === 'text' && BAND_KINDS.includes(b.kind))) throw new PamphletError(`template markup line ${node.line}: <band> may hold only <title>, <endonym> and <h>: smaller text on a colour band is lost on a photocopy.`, place);
      out.push({ type: 'band', blocks: inner });
    } else if (node.tag === 'icon') {
      out.push({ type: 'icon', icon: pictogramAt(node, place) });
    } else if (node.tag === 'writein') {
      const lines = Number(node.attrs.lines ?? '1');
      if (!Number.isInteger(lines) || lines < 1 || lines > 6) throw new PamphletError(`template markup line ${node.line}: <writein lines="…"> must be a whole number from 1 to 6.`, place);
      out.push({ type: 'writein', label: inlineSpans(node.children, place), lines });
    } else if (node.tag === 'callout') {
      out.push({ type: 'callout', blocks: blocks(node.children, place, logo) });
    } else if (node.tag === 'contact') {
      const inner = blocks(node.children, place, logo);
      if (!inner.every((b): b is TextBlock => b.type === 'text')) throw new PamphletError(`template markup line ${node.line}: <contact> may hold only <label> and <value>.`, place);
      out.push({ type: 'contact', blocks: inner });
    } else if (node.tag === 'qr') {
      if (!node.attrs.value) throw new PamphletError(`template markup line ${node.line}: <qr> needs a value="…" attribute.`, place);
      out.push({ type: 'qr', value: node.attrs.value, caption: inlineSpans(node.children, place) });
    } else if (node.tag === 'logo') {
      // A template prints the logo only where the edition has one ({{#if logo}}<logo/>{{/if}}); anything else would be a silent gap.
      if (!logo) throw new PamphletError(`template markup line ${node.line}: <logo/>, but there is no logo to print (none in the edition). Write {{#if logo}}<logo/>{{/if}}.`, place);
      out.push({ type: 'logo', ...logo, caption: inlineSpans(node.children, place) });
    } else if (node.tag === 'spacer') {
      out.push({ type: 'spacer' });
    } else {
      throw new PamphletError(`template markup line ${node.line}: unknown block <${node.tag}>.`, place);
    }
  }
  return out;
}

export function parseMarkup(markup: string, place: ErrorPlace = {}, logo?: MarkupLogo): PamphletDocument {
  const root = tokenize(markup, place);
  const top = root.children.filter(isElement);
  const pamphlet = top[0];
  if (top.length !== 1 || !isElement(pamphlet) || pamphlet.tag !== 'pamphlet') throw new PamphletError(`template markup must have one <pamphlet> element at the top.`, place);
  const panels: Panel[] = pamphlet.children.filter(isElement).map((node) => {
    if (node.tag !== 'panel' || !node.attrs.name) throw new PamphletError(`template markup line ${node.line}: <pamphlet> holds only <panel name="…"> elements.`, place);
    return { name: node.attrs.name, blocks: blocks(node.children, place, logo) };
  });
  return { panels };
}
