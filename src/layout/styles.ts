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
  /** Design size, in points of Latin type: a script's size factor (fonts.json) multiplies it. */
  size: Points;
  /**
   * The smallest size the fit step may set, in points of Latin type: it
   * fails rather than go below. Body text reads at least like 12 pt Latin,
   * labels like 9 pt (CNIB Clear Print).
   */
  minSize: Points;
  bold: boolean;
  /** Baseline-to-baseline distance as a multiple of the language's body line spacing (fonts.json, or the language's own). */
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
  /**
   * Display text: where a `<nobr>` phrase or a keep word is wider than the
   * column (Thai อย่าตกหลุมพราง at 34.5 pt), set the block smaller, down to
   * its floor, rather than break inside it.
   */
  shrinkToKeep?: boolean;
}

/** The floors of the type scale, in points of Latin type (CNIB Clear Print: 12 pt for reading; 9 pt only for labels). */
export const SIZE_FLOORS = { text: 12 as Points, label: 9 as Points };

const style = (size: Points, minSize: Points, bold: boolean, colour: Colour, spaceBefore: Points, spaceAfter: Points, leading: number, wrap: TextWrap): BlockStyle =>
  ({ size, minSize, bold, leading, spaceBefore, spaceAfter, colour, align: 'start', hyphenate: false, wrap });

const { text: TEXT, label: LABEL } = SIZE_FLOORS;

/** The type scale: the cover title is always the largest text on the page. */
export const TEXT_STYLES: Record<TextBlockKind, BlockStyle> = {
  endonym: style(14, TEXT, true, COLOURS.accent, 0, 4, 1, 'balance'),
  title: { ...style(30, 22, true, COLOURS.accent, 6, 12, 0.92, 'balance'), rule: true, shrinkToKeep: true },
  lead: style(15, TEXT, false, COLOURS.text, 0, 6, 1, 'balance'),
  heading: { ...style(16, 13, true, COLOURS.accent, 0, 6, 0.94, 'balance'), shrinkToKeep: true },
  subheading: style(12, TEXT, true, COLOURS.text, 7, 2.5, 0.97, 'balance'),
  paragraph: style(12, TEXT, false, COLOURS.text, 0, 6, 1, 'pretty'),
  small: style(9, LABEL, false, COLOURS.muted, 6, 0, 1, 'pretty'),
  issuer: style(12, TEXT, true, COLOURS.text, 0, 0, 1, 'balance'),
  label: style(9, LABEL, false, COLOURS.muted, 0, 1, 1, 'pretty'),
  value: style(12, TEXT, true, COLOURS.text, 0, 1, 1, 'normal'),
  link: style(10.5, LABEL, false, COLOURS.accent, 0, 1, 1, 'normal'),
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

/**
 * How far the fit step may shrink a panel before the build fails: the type
 * scale (sizes, spaces, the QR code) goes down in steps, each size held at
 * its style's floor. Line spacing is never tightened: it is the script's.
 */
export const FIT_LIMITS = {
  minScale: 0.75,
  scaleStep: 0.025,
};
