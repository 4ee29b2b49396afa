import { PamphletError } from '../core/errors';
import { Points } from '../core/units';

/** A sheet an office printer or a print shop takes. */
export type SheetName = 'letter' | 'a4' | 'a3' | 'tabloid';
/** A sheet, or `piece`: one piece alone at its trimmed size plus its bleed, for a print shop. */
export type PaperName = SheetName | 'piece';

/** Sheet sizes, portrait (width < height); a format says which way it turns them. */
export const PAPERS: Record<SheetName, { width: Points; height: Points; label: string }> = {
  letter: { width: 612, height: 792, label: 'Letter' },
  a4: { width: 595.28, height: 841.89, label: 'A4' },
  a3: { width: 841.89, height: 1190.55, label: 'A3' },
  tabloid: { width: 792, height: 1224, label: 'Tabloid' },
};

export const PIECE = 'piece';

/** Every paper a format may name, sheets first. */
export const PAPER_NAMES: readonly PaperName[] = [...(Object.keys(PAPERS) as SheetName[]), PIECE];

export function isSheet(name: PaperName): name is SheetName {
  return name !== PIECE;
}

/** "Letter paper", or "the single piece" (for messages: "on Letter paper, …"). */
export function paperLabel(name: PaperName): string {
  return isSheet(name) ? `${PAPERS[name].label} paper` : 'the single piece with bleed';
}

export function paperByName(name: string): PaperName {
  if ((PAPER_NAMES as readonly string[]).includes(name)) return name as PaperName;
  throw new PamphletError(`unknown paper "${name}". Use one of: ${PAPER_NAMES.join(', ')}.`, {}, 'usage');
}
