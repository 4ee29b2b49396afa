import { InlineSpan } from '../document/types';
import { KeptRange } from './keep-together';
import { StyledRange } from './types';

/**
 * Step 1: the paragraph's spans as one logical string with style ranges, and
 * the ranges kept on one line (<nobr>; neighbouring kept spans make one range).
 */
export function collect(spans: InlineSpan[], baseBold: boolean): { text: string; styles: StyledRange[]; kept: KeptRange[] } {
  let text = '';
  const styles: StyledRange[] = [];
  const kept: KeptRange[] = [];
  for (const span of spans) {
    const start = text.length;
    text += span.text;
    const bold = baseBold || span.bold;
    const last = styles[styles.length - 1];
    if (last && last.bold === bold && last.end === start) last.end = text.length;
    else styles.push({ start, end: text.length, bold });
    if (span.nobr) {
      const lastKept = kept[kept.length - 1];
      if (lastKept && lastKept.end === start) lastKept.end = text.length;
      else kept.push({ start, end: text.length });
    }
  }
  return { text, styles, kept };
}
