import { LogoImage } from '../logo/logo-image';

/** The typed document tree that the template's markup parses into. Plain data. */

export interface InlineSpan {
  text: string;
  bold: boolean;
  /** Inside <nobr>: no line ends within this text (nor between it and a following span that is also kept). */
  nobr?: boolean;
}

/** Text blocks: what each one is decides its style (layout/styles.ts). */
export const TEXT_BLOCK_KINDS = ['endonym', 'title', 'lead', 'heading', 'subheading', 'paragraph', 'small', 'issuer', 'label', 'value', 'link'] as const;
export type TextBlockKind = (typeof TEXT_BLOCK_KINDS)[number];

export interface TextBlock {
  type: 'text';
  kind: TextBlockKind;
  spans: InlineSpan[];
}

export interface ListBlock {
  type: 'list';
  items: InlineSpan[][];
}

export interface CalloutBlock {
  type: 'callout';
  blocks: Block[];
}

export interface ContactBlock {
  type: 'contact';
  blocks: TextBlock[];
}

export interface QrBlock {
  type: 'qr';
  value: string;
  caption: InlineSpan[];
}

/** The edition's logo, at the theme's logo height, at the start side of the panel, with an optional caption beside it. */
export interface LogoBlock {
  type: 'logo';
  image: LogoImage;
  /** What the logo shows, in the piece's language, kept for tagging it as a figure; null when the edition gives none. */
  alt: string | null;
  /** Small text set beside the logo, at its end side (the card's language and edition line); may be empty. */
  caption: InlineSpan[];
}

/** Takes whatever height is left in the panel, shared with the other spacers. */
export interface SpacerBlock {
  type: 'spacer';
}

export type Block = TextBlock | ListBlock | CalloutBlock | ContactBlock | QrBlock | LogoBlock | SpacerBlock;

export interface Panel {
  /** The panel's name in the template, e.g. "cover"; reading order is template order. */
  name: string;
  blocks: Block[];
}

export interface PamphletDocument {
  panels: Panel[];
}
