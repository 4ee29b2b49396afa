import { PamphletError, ErrorPlace } from '../core/errors';

/**
 * The markup a translator may write inside a string: emphasis, words kept on
 * one line, and a forced line break. Everything else is text, escaped before
 * it reaches the document.
 */
export const ALLOWED_INLINE_MARKUP = ['<b>…</b>', '<nobr>…</nobr>', '<br>'];

/** Tags that enclose text, with what each one is for (in the messages). */
const ENCLOSING: Record<string, string> = { b: 'the emphasis', nobr: 'the words kept together' };

const TAG = /<\/?[a-zA-Z][^<>]*\/?>|<|>/g;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Turns a translated string into document markup: text escaped, the allowed
 * tags kept, anything else an error naming the tag.
 */
export function translatorStringToMarkup(text: string, place: ErrorPlace): string {
  let out = '';
  let last = 0;
  /** The enclosing tags open at this point, innermost last: they must close in reverse order. */
  const open: string[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = match[0];
    out += escapeText(text.slice(last, match.index));
    last = match.index! + tag.length;
    const normal = tag.replace(/\s+/g, '').toLowerCase();
    const name = /^<\/?([a-z]+)>$/.exec(normal)?.[1];
    if (name && name in ENCLOSING && !normal.startsWith('</')) {
      if (open.includes(name)) throw new PamphletError(`<${name}> is opened twice without </${name}> in between. Close the first one.`, place);
      open.push(name);
      out += `<${name}>`;
    } else if (name && name in ENCLOSING) {
      if (!open.includes(name)) throw new PamphletError(`</${name}> has no matching <${name}>. Remove it or add <${name}> before it.`, place);
      const inner = open[open.length - 1];
      if (inner !== name) throw new PamphletError(`</${name}> comes before </${inner}>: tags must close in the reverse order they opened, as in <${name}><${inner}>…</${inner}></${name}>.`, place);
      open.pop();
      out += `</${name}>`;
    } else if (normal === '<br>' || normal === '<br/>') {
      if (open.includes('nobr')) throw new PamphletError(`<br> inside <nobr>…</nobr> would break the words it keeps together. Put the <br> outside.`, place);
      out += '<br/>';
    } else if (tag === '<' || tag === '>') {
      out += escapeText(tag);
    } else {
      throw new PamphletError(`the markup ${tag} is not allowed. Only ${ALLOWED_INLINE_MARKUP.slice(0, -1).join(', ')} and ${ALLOWED_INLINE_MARKUP[ALLOWED_INLINE_MARKUP.length - 1]} may be used in a translation.`, place);
    }
  }
  if (open.length) {
    const name = open[open.length - 1];
    throw new PamphletError(`<${name}> is never closed. Add </${name}> where ${ENCLOSING[name]} end${name === 'b' ? 's' : ''}.`, place);
  }
  return out + escapeText(text.slice(last));
}
