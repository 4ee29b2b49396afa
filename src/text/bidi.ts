import bidiFactory from 'bidi-js';
import { Direction } from '../languages/language';

const bidi = bidiFactory();

/** Levels found, by direction and text: the fit step lays a paragraph out again at each smaller size. */
const found = new Map<string, Uint8Array>();
/** Past this many paragraphs (a long watch session) the levels are forgotten and found again. */
const MAX_REMEMBERED = 20_000;

/** Step 2: embedding levels of every UTF-16 unit, by the Unicode Bidirectional Algorithm. Callers only read them. */
export function embeddingLevels(text: string, direction: Direction): Uint8Array {
  if (direction === 'ltr' && allLeftToRight(text)) return new Uint8Array(text.length);
  const key = `${direction}\u0000${text}`;
  let levels = found.get(key);
  if (!levels) {
    if (found.size >= MAX_REMEMBERED) found.clear();
    levels = bidi.getEmbeddingLevels(text, direction).levels;
    found.set(key, levels);
  }
  return levels;
}

/**
 * Bidi classes that can raise a level above a left-to-right paragraph's 0:
 * right-to-left letters (R, AL), Arabic numbers (AN), explicit embeddings,
 * overrides and isolates. Without them every character of such a paragraph
 * resolves to level 0 (European numbers follow the paragraph's L by rule W7,
 * neutrals the L around them or the paragraph's direction by N1 and N2).
 */
const RAISING = new Set(['R', 'AL', 'AN', 'LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI']);

/** Per UTF-16 unit of the BMP: 1 when it can raise a level, 2 when not, 0 not yet asked. */
const raises = new Uint8Array(0x10000);

/** No character of the text can raise a level in a left-to-right paragraph (most paragraphs of most languages). A surrogate pair is left to the algorithm. */
function allLeftToRight(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return false;
    let known = raises[unit];
    if (known === 0) raises[unit] = known = RAISING.has(bidi.getBidiCharTypeName(String.fromCharCode(unit))) ? 1 : 2;
    if (known === 1) return false;
  }
  return true;
}

/** Forgets the levels found: once the languages whose paragraphs they are are built, they are not asked for again. */
export function forgetLevels(): void {
  found.clear();
}

/** Text with the characters of right-to-left levels mirrored: "(" becomes ")" (rule L4). */
export function mirrorForLevels(text: string, levels: Uint8Array): string {
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  if (mirrored.size === 0) return text;
  const chars = text.split('');
  for (const [index, char] of mirrored) chars[index] = char;
  return chars.join('');
}

/** Text of a right-to-left run with its mirrored characters turned back: what the writer wrote. */
export function unmirror(text: string): string {
  return Array.from(text, (char) => bidi.getMirroredCharacter(char) ?? char).join('');
}

/** Bidi formatting characters: they steer the algorithm and are never drawn. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'g');

/** The text without bidi formatting characters: what is shaped, and what copying a line out gives. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS_ALL, '');
}
