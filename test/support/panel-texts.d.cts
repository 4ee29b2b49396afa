import type { LaidOutPamphlet } from '../../src/build/build-pamphlet';
export function panelTexts(laidOut: LaidOutPamphlet): string[][];
