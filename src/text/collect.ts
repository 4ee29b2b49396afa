import { InlineSpan } from '../document/types';
import { StyledRange } from './types';

/** Step 1: the paragraph's spans as one logical string with style ranges. */
export function collect(spans: InlineSpan[], baseBold: boolean): { text: string; styles: StyledRange[] } {
  let text = '';
  const styles: StyledRange[] = [];
  for (const span of spans) {
    const start = text.length;
    text += span.text;
    const bold = baseBold || span.bold;
    const last = styles[styles.length - 1];
    if (last && last.bold === bold && last.end === start) last.end = text.length;
    else styles.push({ start, end: text.length, bold });
  }
  return { text, styles };
}
