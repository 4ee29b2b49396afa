import { InlineSpan, TextBlockKind } from '../document/types';

/**
 * What a screen reader is told a drawn item is: its element in the PDF's
 * structure tree (PDF/UA). Layout gives every text line, figure and link the
 * node of the block it came from; an item without a node is decoration (a
 * fold mark, a rule, a fill, a bullet), written as an artifact.
 */
export type StructRole = 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'LBody' | 'Div' | 'Figure' | 'Link';

export interface StructNode {
  readonly role: StructRole;
  /** The element it belongs to; null for a panel's section, which the document holds. */
  readonly parent: StructNode | null;
  /** A figure's alternative text, in the piece's language. */
  readonly alt?: string;
  /** BCP 47 language, where it differs from its parent's (a bilingual piece's panel, an address inside other text). */
  readonly lang?: string;
  /** A link's target: a tel:, mailto: or https: address. */
  readonly href?: string;
}

export function structNode(role: StructRole, parent: StructNode | null, details: Omit<StructNode, 'role' | 'parent'> = {}): StructNode {
  return { role, parent, ...details };
}

/** The role of a text block: the cover title is the document's heading, panel headings the next levels, the rest paragraphs. */
export const TEXT_ROLES: Record<TextBlockKind, StructRole> = {
  endonym: 'P', title: 'H1', lead: 'P', heading: 'H2', subheading: 'H3', paragraph: 'P',
  small: 'P', issuer: 'P', label: 'P', value: 'P', link: 'P',
};

/** Spans as one line of plain text, for alternative text: forced breaks as spaces, bidi isolates dropped. */
export function spansText(spans: InlineSpan[]): string {
  return spans.map((s) => s.text).join('').replace(/[\u2028\s]+/g, ' ').replace(/[\u2066-\u2069]/g, '').trim();
}
