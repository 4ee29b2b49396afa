export function wordsOf(text: string, locale: string): string[];
export function wordsInOrder(reference: string, extracted: string, locale: string): { share: number; matched: number; words: number };
export function panelsInOrder(panels: string[], extracted: string, locale: string): { share: number; matched: number; words: number; contiguous: boolean[] };
