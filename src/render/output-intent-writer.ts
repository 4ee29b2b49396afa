import PDFDocument from 'pdfkit';
import { OutputCondition } from '../print/output-intent';

interface PdfRef {
  write(chunk: Buffer): void;
  end(): void;
}
type Doc = Omit<InstanceType<typeof PDFDocument>, 'ref'> & {
  ref(data: Record<string, unknown>): PdfRef;
  _root: { data: Record<string, unknown> };
  info: Record<string, unknown>;
};

/** The version PDF/X-4 is built on: its files say 1.6 or less. */
export const PDFX4_VERSION = '1.6';

/**
 * A PDF name where PDFKit would write a string. PDFKit writes each Info
 * entry through PDFObject.convert, which makes every JS string a PDF string
 * there, and falls back to `${value}` for an object it does not know: this
 * is such an object.
 */
class PdfName {
  constructor(private readonly name: string) {}
  get [Symbol.toStringTag]() { return 'PdfName'; }
  toString() { return `/${this.name}`; }
}

/**
 * Makes the document a PDF/X-4 print file (ISO 15930-7): the output intent
 * with its profile embedded, and the Info entries PDF/X asks for (its
 * version, and /Trapped /False: the shop traps, we do not). The XMP half of
 * the identification is in document-metadata.ts.
 */
export function writeOutputIntent(pdf: InstanceType<typeof PDFDocument>, condition: OutputCondition): void {
  const doc = pdf as unknown as Doc;
  const profile = doc.ref({ N: 4 });
  profile.write(condition.profile);
  profile.end();
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(condition.identifier),
    RegistryName: new String(condition.registry),
    Info: new String(condition.info),
    DestOutputProfile: profile,
  });
  intent.end();
  doc._root.data.OutputIntents = [intent];
  doc.info.GTS_PDFXVersion = 'PDF/X-4';
  doc.info.Trapped = new PdfName('False');
}
