import { PamphletError, ErrorPlace } from '../core/errors';

/**
 * The markup a translator may write inside a string: emphasis and a forced
 * line break. Everything else is text, escaped before it reaches the document.
 */
export const ALLOWED_INLINE_MARKUP = ['<b>…</b>', '<br>'];

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
  let open = false;
  for (const match of text.matchAll(TAG)) {
    const tag = match[0];
    out += escapeText(text.slice(last, match.index));
    last = match.index! + tag.length;
    const normal = tag.replace(/\s+/g, '').toLowerCase();
    if (normal === '<b>') {
      if (open) throw new PamphletError(`<b> is opened twice without </b> in between. Close the first one.`, place);
      open = true;
      out += '<b>';
    } else if (normal === '</b>') {
      if (!open) throw new PamphletError(`</b> has no matching <b>. Remove it or add <b> before it.`, place);
      open = false;
      out += '</b>';
    } else if (normal === '<br>' || normal === '<br/>') {
      out += '<br/>';
    } else if (tag === '<' || tag === '>') {
      out += escapeText(tag);
    } else {
      throw new PamphletError(`the markup ${tag} is not allowed. Only ${ALLOWED_INLINE_MARKUP.join(' and ')} may be used in a translation.`, place);
    }
  }
  if (open) throw new PamphletError(`<b> is never closed. Add </b> where the emphasis ends.`, place);
  return out + escapeText(text.slice(last));
}
