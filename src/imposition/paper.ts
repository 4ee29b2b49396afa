import { PamphletError } from '../core/errors';
import { Points } from '../core/units';

export type PaperName = 'letter' | 'a4';

/** Paper sizes in landscape, as a tri-fold is printed. */
export const PAPERS: Record<PaperName, { width: Points; height: Points; label: string }> = {
  letter: { width: 792, height: 612, label: 'Letter' },
  a4: { width: 841.89, height: 595.28, label: 'A4' },
};

export function paperByName(name: string): PaperName {
  if (Object.hasOwn(PAPERS, name)) return name as PaperName;
  throw new PamphletError(`unknown paper "${name}". Use one of: ${Object.keys(PAPERS).join(', ')}.`, {}, 'usage');
}
