import { z } from 'zod';
import { Points } from '../core/units';
import { TEXT_BLOCK_KINDS, TextBlockKind } from '../document/types';
import { BLACK, cmykSchema } from '../print/cmyk';

/** A colour as a CSS hex string, #rrggbb. */
export type Colour = string;

/**
 * The smallest a QR code may be printed, after the fit step has shrunk it:
 * 18 mm, where modules of 0.396 mm (GS1's least) hold version 7 at error
 * correction M. The data check bounds web addresses by it (facts/qr-payload.ts).
 */
export const SMALLEST_QR: Points = 51;

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #a6192e');
const points = (max: number) => z.number().min(0).max(max);
const COLOUR_NAMES = ['text', 'muted', 'accent', 'calloutFill', 'keyline', 'band', 'onBand', 'rule', 'fold'] as const;

/** Text smaller than this prints in the text colour, pure black: grey or colour at small sizes breaks up on a photocopy. */
export const SMALL_TEXT: Points = 14;
const TEXT_KINDS = TEXT_BLOCK_KINDS;

const styleSchema = z.object({
  /** Design size, in points of Latin type: a font's size factor (fonts.json) multiplies it. */
  size: points(200),
  /** The smallest size the fit step may set, in points of Latin type, or the name of a floor ("text", "label"). */
  minSize: z.union([points(200), z.enum(['text', 'label'])]),
  bold: z.boolean().default(false),
  colour: z.enum(COLOUR_NAMES),
  /** Baseline-to-baseline distance as a multiple of the language's body line spacing. */
  leading: z.number().min(0.5).max(3).default(1),
  spaceBefore: points(100).default(0),
  spaceAfter: points(100).default(0),
  align: z.enum(['start', 'center']).default('start'),
  /** A short accent rule drawn above the block. */
  rule: z.boolean().default(false),
  /** Words may be hyphenated at line ends, with the language's patterns. */
  hyphenate: z.boolean().default(false),
  /** Balanced lines (titles, headings), no short word alone on the last line (body text), or first-fit. */
  wrap: z.enum(['balance', 'pretty', 'normal']),
  /** Set smaller, down to its floor, rather than break a <nobr> phrase or keep word. */
  shrinkToKeep: z.boolean().default(false),
}).strict();

/**
 * A theme: colours, the type scale and its floors, spacing, how far a panel
 * may shrink to fit. A file beside the template (templates/themes/*.json):
 * a communications team restyles the pamphlet without touching src/.
 * Sizes and spaces are in points of Latin type.
 */
export const themeSchema = z.object({
  _comment: z.string().optional(),
  colours: z.object(Object.fromEntries(COLOUR_NAMES.map((name) => [name, colour])) as Record<(typeof COLOUR_NAMES)[number], typeof colour>).strict(),
  /**
   * For a print shop (`--print shop`): a colour's CMYK as the printer
   * specifies it, [c, m, y, k] in per cent. A colour without one is converted
   * by formula (src/print/cmyk.ts); black and the text colour are 0/0/0/100.
   */
  cmyk: z.object(Object.fromEntries(COLOUR_NAMES.map((name) => [name, cmykSchema.optional()])) as Record<(typeof COLOUR_NAMES)[number], z.ZodOptional<typeof cmykSchema>>).strict().optional(),
  /** Floors of the type scale: 12 pt for anything read as text, 9 pt for labels (CNIB Clear Print). Lower floors are refused. */
  sizeFloors: z.object({ text: z.number().min(12).max(100), label: z.number().min(9).max(100) }).strict(),
  styles: z.object(Object.fromEntries(TEXT_KINDS.map((kind) => [kind, styleSchema])) as Record<TextBlockKind, typeof styleSchema>).strict(),
  list: z.object({
    indent: points(100), bulletRadius: points(20), itemSpace: points(50), spaceAfter: points(50),
    /** An item with a pictogram (<li icon="…">): the pictogram's size and the gap to its text, which starts after it. */
    iconSize: points(100).default(18), iconGap: points(50).default(6), iconItemSpace: points(50).default(6),
  }).strict(),
  /** A callout has a fill, a bar at its start side and a keyline round it, so that it survives a black-and-white photocopy. */
  callout: z.object({ padding: points(50), bar: points(30), keyline: points(5).default(0.75), spaceBefore: points(50), spaceAfter: points(50), wrap: z.enum(['balance', 'pretty', 'normal']) }).strict(),
  /** A solid colour band (the cover's title): its padding and spacing. */
  band: z.object({ padding: points(50), spaceBefore: points(50).default(0), spaceAfter: points(50).default(8) }).strict(),
  /** A pictogram on its own (the cover's): its size; its strokes are in the accent colour. */
  icon: z.object({ size: points(300), spaceAfter: points(50).default(8) }).strict(),
  /** Write-in lines: the space between the label and each ruled line, the line's weight. */
  writeIn: z.object({ lineGap: points(60), lineWidth: points(3).default(0.6), spaceAfter: points(50).default(6) }).strict(),
  contact: z.object({ spaceAfter: points(50) }).strict(),
  qr: z.object({ size: points(500), gap: points(100), spaceAfter: points(50) }).strict(),
  /** A mission's logo (an edition's `logo`): its height at the design size (its width follows from its proportions), the gap to a caption beside it. A theme without it prints the logo 36 pt tall. */
  logo: z.object({ height: points(500), gap: points(100).default(8), spaceBefore: points(100).default(0), spaceAfter: points(100).default(0) }).strict().default({ height: 36, gap: 8, spaceBefore: 0, spaceAfter: 6 }),
  rule: z.object({ width: points(500), height: points(50), gap: points(100) }).strict(),
  fit: z.object({ minScale: z.number().min(0.5).max(1), scaleStep: z.number().min(0.005).max(0.25) }).strict(),
}).strict().superRefine((theme, ctx) => {
  for (const kind of TEXT_KINDS) {
    const style = theme.styles[kind];
    const floor = typeof style.minSize === 'number' ? style.minSize : theme.sizeFloors[style.minSize];
    const least = ['label', 'small', 'link'].includes(kind) ? theme.sizeFloors.label : theme.sizeFloors.text;
    if (floor < least) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['styles', kind, 'minSize'], message: `at least ${least} pt: no ${kind} text is set smaller (the floor of sizeFloors)` });
    if (style.size < floor) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['styles', kind, 'size'], message: `at least its minSize (${floor} pt)` });
  }
  for (const [name, given] of Object.entries(theme.cmyk ?? {})) {
    if (!given) continue;
    const hex = theme.colours[name as (typeof COLOUR_NAMES)[number]].toLowerCase();
    if ((name === 'text' || hex === '#000000') && given.join() !== BLACK.join()) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['cmyk', name], message: `[0, 0, 0, 100]: ${name === 'text' ? 'the text colour' : 'pure black'} prints in black ink alone, never a rich black that blurs small type` });
    const twin = Object.entries(theme.cmyk ?? {}).find(([other, value]) => other !== name && value && theme.colours[other as (typeof COLOUR_NAMES)[number]].toLowerCase() === hex && value.join() !== given.join());
    if (twin) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['cmyk', name], message: `the same as cmyk.${twin[0]} (${twin[1]!.join(', ')}): both colours are ${hex}, which prints in one ink mix` });
  }
  if (theme.colours.text.toLowerCase() !== '#000000') ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['colours', 'text'], message: '#000000: body text prints in pure black, which a photocopier and a one-colour press keep sharp' });
  for (const kind of TEXT_KINDS) {
    const style = theme.styles[kind];
    const least = typeof style.minSize === 'number' ? style.minSize : theme.sizeFloors[style.minSize];
    // Fitted, a style may be set down to its floor: coloured text must stay at 14 pt or more even there.
    if (style.colour !== 'text' && style.size >= SMALL_TEXT && least < SMALL_TEXT) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['styles', kind, 'minSize'], message: `at least ${SMALL_TEXT} pt for ${style.colour} text: set smaller to fit, it would break up on a black-and-white photocopy` });
    if (style.size < SMALL_TEXT && style.colour !== 'text') ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['styles', kind, 'colour'], message: `"text" (pure black): at ${style.size} pt, under ${SMALL_TEXT} pt, grey or colour breaks up on a black-and-white photocopy` });
  }
  if (theme.qr.size * theme.fit.minScale < SMALLEST_QR) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['qr', 'size'], message: `at least ${Math.ceil(SMALLEST_QR / theme.fit.minScale)} pt: shrunk to fit (× ${theme.fit.minScale}) it must stay ${SMALLEST_QR} pt (18 mm) to scan` });
  }
});

type ThemeFile = z.infer<typeof themeSchema>;

/** A text style, resolved: colours as hex, the floor in points. */
export interface BlockStyle extends Omit<ThemeFile['styles'][TextBlockKind], 'colour' | 'minSize'> {
  colour: Colour;
  minSize: Points;
}

/** A theme resolved for layout. */
export interface Theme extends Omit<ThemeFile, 'styles' | '_comment'> {
  name: string;
  styles: Record<TextBlockKind, BlockStyle>;
  /** List items: body text with the list's item spacing. */
  listItem: BlockStyle;
}

export function resolveTheme(file: ThemeFile, name: string): Theme {
  const styles = Object.fromEntries(TEXT_KINDS.map((kind) => {
    const style = file.styles[kind];
    return [kind, { ...style, colour: file.colours[style.colour], minSize: typeof style.minSize === 'number' ? style.minSize : file.sizeFloors[style.minSize] }];
  })) as Record<TextBlockKind, BlockStyle>;
  const { _comment, ...rest } = file;
  return { ...rest, name, styles, listItem: { ...styles.paragraph, spaceAfter: file.list.itemSpace } };
}
