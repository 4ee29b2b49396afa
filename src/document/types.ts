import { Pictogram } from '../icons/pictogram';
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
  /** Where the text links to (<value href="tel:…">): a tel:, mailto: or https: address (link-target.ts). */
  href?: string;
}

export interface ListBlock {
  type: 'list';
  items: InlineSpan[][];
  /** Per item, the pictogram drawn in place of its bullet (<li icon="cash-banknote">), or null for a bullet. */
  icons: (Pictogram | null)[];
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

/** A solid band of the theme's band colour across the column, its text in the band's text colour: the cover's title. */
export interface BandBlock {
  type: 'band';
  blocks: TextBlock[];
}

/** A pictogram on its own, at the theme's icon size, at the start side (the cover's). */
export interface IconBlock {
  type: 'icon';
  icon: Pictogram;
}

/** A label and ruled lines to write on, for what the reader fills in (the embassy near them, a person they trust). */
export interface WriteInBlock {
  type: 'writein';
  label: InlineSpan[];
  /** How many ruled lines follow the label. */
  lines: number;
}

/** Takes whatever height is left in the panel, shared with the other spacers. */
export interface SpacerBlock {
  type: 'spacer';
}

export type Block = TextBlock | ListBlock | CalloutBlock | ContactBlock | QrBlock | LogoBlock | BandBlock | IconBlock | WriteInBlock | SpacerBlock;

export interface Panel {
  /** The panel's name in the template, e.g. "cover"; reading order is template order. */
  name: string;
  blocks: Block[];
}

export interface PamphletDocument {
  panels: Panel[];
}
