import { PamphletError } from '../core/errors';
import { LanguageCode } from './language';
import { assertLanguageCode } from './load-translations';

/**
 * The languages of one printed piece: one, or two for a bilingual piece
 * (`th+en`: Thai first, English second), each typeset in its own direction
 * and fonts. Its name is the file name of its PDF.
 */
export interface PieceLanguages {
  name: string;
  codes: LanguageCode[];
}

/** Joins the two languages of a bilingual piece, as on the command line. */
export const PAIR_SEPARATOR = '+';

/** A piece's languages as asked (`th`, `th+en`): each a plain language code, at most two, not the same twice. */
export function parsePiece(asked: string): PieceLanguages {
  const codes = asked.split(PAIR_SEPARATOR).map((code) => assertLanguageCode(code.trim()));
  if (codes.length > 2) throw new PamphletError(`"${asked}" names ${codes.length} languages; a bilingual piece has two (such as th+en).`, {}, 'usage');
  if (codes.length === 2 && codes[0] === codes[1]) throw new PamphletError(`"${asked}" names the same language twice; a bilingual piece has two languages (such as th+en).`, {}, 'usage');
  return { name: codes.join(PAIR_SEPARATOR), codes };
}

export const isBilingual = (piece: PieceLanguages): boolean => piece.codes.length > 1;

/** Every language the pieces need, each once, in the order first asked: each is checked once. */
export function languagesOf(pieces: PieceLanguages[]): LanguageCode[] {
  return [...new Set(pieces.flatMap((piece) => piece.codes))];
}
