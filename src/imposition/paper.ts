import { PamphletError } from '../core/errors';
import { Points } from '../core/units';

export type PaperName = 'letter' | 'a4' | 'a3' | 'tabloid';

/** Sheet sizes, portrait (width < height); a format says which way it turns them. */
export const PAPERS: Record<PaperName, { width: Points; height: Points; label: string }> = {
  letter: { width: 612, height: 792, label: 'Letter' },
  a4: { width: 595.28, height: 841.89, label: 'A4' },
  a3: { width: 841.89, height: 1190.55, label: 'A3' },
  tabloid: { width: 792, height: 1224, label: 'Tabloid' },
};

export function paperByName(name: string): PaperName {
  if (Object.hasOwn(PAPERS, name)) return name as PaperName;
  throw new PamphletError(`unknown paper "${name}". Use one of: ${Object.keys(PAPERS).join(', ')}.`, {}, 'usage');
}
