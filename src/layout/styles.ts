import { Points } from '../core/units';
import { TextBlockKind } from '../document/types';
import { TextWrap } from '../text/balance';

/** A colour as a CSS hex string. */
export type Colour = string;

export const COLOURS = {
  text: '#1f1f1f',
  muted: '#4d4d4d',
  accent: '#a6192e',
  calloutFill: '#f6e3e5',
  rule: '#a6192e',
  fold: '#b3b3b3',
} as const;

export interface BlockStyle {
  size: Points;
  bold: boolean;
  /** Baseline-to-baseline distance as a multiple of the primary font's natural height (ascent - descent). */
  leading: number;
  spaceBefore: Points;
  spaceAfter: Points;
  colour: Colour;
  align: 'start' | 'center';
  /** A short accent rule drawn above the block. */
  rule?: boolean;
  /**
   * Words may be hyphenated at line ends (where the language hyphenates).
   * Off in every style here: many readers of this pamphlet have little
   * schooling, and a word cut in two ("arrê-tez") is a word they may not read.
   */
  hyphenate: boolean;
  /** Which break opportunities become line ends: balanced lines (titles, headings), no short word alone on the last line (body text), or first-fit. */
  wrap: TextWrap;
}

const style = (size: Points, bold: boolean, colour: Colour, spaceBefore: Points, spaceAfter: Points, leading: number, wrap: TextWrap): BlockStyle =>
  ({ size, bold, leading, spaceBefore, spaceAfter, colour, align: 'start', hyphenate: false, wrap });

/** The type scale: the cover title is always the largest text on the page. */
export const TEXT_STYLES: Record<TextBlockKind, BlockStyle> = {
  endonym: style(14, true, COLOURS.accent, 0, 4, 0.98, 'balance'),
  title: { ...style(30, true, COLOURS.accent, 6, 12, 0.9, 'balance'), rule: true },
  lead: style(15, false, COLOURS.text, 0, 6, 0.98, 'balance'),
  heading: style(16, true, COLOURS.accent, 0, 6, 0.92, 'balance'),
  subheading: style(12, true, COLOURS.text, 7, 2.5, 0.95, 'balance'),
  paragraph: style(11, false, COLOURS.text, 0, 6, 0.98, 'pretty'),
  small: style(8.5, false, COLOURS.muted, 6, 0, 0.98, 'pretty'),
  issuer: style(12, true, COLOURS.text, 0, 0, 0.98, 'balance'),
  label: style(9, false, COLOURS.muted, 0, 1, 0.98, 'pretty'),
  value: style(12, true, COLOURS.text, 0, 1, 0.98, 'normal'),
  link: style(10.5, false, COLOURS.accent, 0, 1, 0.98, 'normal'),
};

/** Text in a callout stands out, like a heading: its lines are balanced (long ones are set pretty, see balance.ts). */
export const CALLOUT_WRAP: TextWrap = 'balance';

export const LIST_ITEM_STYLE: BlockStyle = { ...TEXT_STYLES.paragraph, spaceAfter: 3 };
export const LIST_INDENT: Points = 12;
export const BULLET_RADIUS: Points = 1.6;
export const CALLOUT_PADDING: Points = 6;
export const CALLOUT_BAR: Points = 2.5;
export const CONTACT_SPACE_AFTER: Points = 6;
export const QR_SIZE: Points = 68;
export const QR_GAP: Points = 8;
export const RULE = { width: 44 as Points, height: 3.5 as Points, gap: 9 as Points };

/** How far the fit step may tighten a panel before the build fails. */
export const FIT_LIMITS = {
  /** Smallest scale of the type sizes (11 pt body text goes down to 8.25 pt). */
  minScale: 0.75,
  scaleStep: 0.025,
  /** Smallest leading multiplier. */
  minLeading: 0.9,
  leadingStep: 0.02,
};
