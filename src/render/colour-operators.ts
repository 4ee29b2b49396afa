import PDFDocument from 'pdfkit';
import { RecordedOperators } from './recorded-operators';

/** PDFKit's colour setter behind fillColor and strokeColor (0.17), and the spot colours it looks names up in. */
type ColourDoc = InstanceType<typeof PDFDocument> & {
  _setColorCore(colour: unknown, stroke: boolean): boolean;
  spotColors: Record<string, unknown>;
  addContent(op: string): unknown;
};

/** A colour's operators, for every PDF of the process. */
const colours = new RecordedOperators();

/**
 * Makes `doc` write each colour's operators (a hex code or a named colour,
 * an RGB or CMYK array, for fill or stroke) as PDFKit wrote them the first
 * time (recorded-operators.ts). A spot colour's name, which is the
 * document's own, is passed to PDFKit every time.
 */
export function recordColours(pdf: InstanceType<typeof PDFDocument>): void {
  const doc = pdf as ColourDoc;
  const setColour = doc._setColorCore;
  doc._setColorCore = function (this: ColourDoc, colour: unknown, stroke: boolean): boolean {
    const key = typeof colour === 'string' ? (this.spotColors[colour] ? undefined : `s:${colour}`) : Array.isArray(colour) && colour.every((n) => typeof n === 'number') ? `a:${colour.join(',')}` : undefined;
    if (key === undefined) return setColour.call(this, colour, stroke);
    return colours.write(this, `${stroke ? 'stroke' : 'fill'} ${key}`, (recorder) => setColour.call(recorder, colour, stroke));
  };
}
