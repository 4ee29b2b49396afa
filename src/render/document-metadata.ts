import { createHash } from 'node:crypto';

/**
 * What a PDF says about itself, in its Info dictionary and in XMP (which
 * PDF/UA and archives read): title in the piece's language, language,
 * subject, author, keywords and the edition of the facts. All of it comes
 * from translations and editions, which are input: XMP is written escaped.
 */
export interface DocumentMetadata {
  title: string;
  /** BCP 47 language of the document. */
  lang: string;
  /** One sentence on what the piece is for, in its language. */
  subject: string;
  /** Who issues the piece, in its language. */
  author: string;
  keywords: string[];
  /** The date the facts were checked (data/facts.json), and the mission's edition, if any. */
  edition: string;
  creationDate: Date;
}

/** The Info dictionary's entries (PDFKit writes them as PDF text strings). Edition is a custom key, mirrored in XMP as pdfx:Edition. */
export function infoEntries(meta: DocumentMetadata): Record<string, string | Date> {
  return {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    Keywords: meta.keywords.join(', '),
    Edition: meta.edition,
    Creator: 'pamphlet',
    Producer: 'pamphlet (PDFKit)',
    CreationDate: meta.creationDate,
    ModDate: meta.creationDate,
  };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
  // XML 1.0 has no place for control characters other than tab and line ends.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** A language-tagged alternative, as dc:title and dc:description take it: the text under x-default and under its language. */
function alternative(text: string, lang: string): string {
  const value = escapeXml(text);
  return `<rdf:Alt><rdf:li xml:lang="x-default">${value}</rdf:li><rdf:li xml:lang="${escapeXml(lang)}">${value}</rdf:li></rdf:Alt>`;
}

/**
 * The XMP descriptions PDFKit puts inside its packet (it adds the PDF/UA
 * identification itself). A PDF/X-4 print file (`printFile`: what makes
 * it this document, as the subset tags' seed) also says so, with the
 * identifiers PDF/X-4 asks of its XMP.
 */
export function xmpDescriptions(meta: DocumentMetadata, printFile?: string): string {
  const date = meta.creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:format>application/pdf</dc:format>
  <dc:title>${alternative(meta.title, meta.lang)}</dc:title>
  <dc:description>${alternative(meta.subject, meta.lang)}</dc:description>
  <dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
  <dc:language><rdf:Bag><rdf:li>${escapeXml(meta.lang)}</rdf:li></rdf:Bag></dc:language>
  <dc:subject><rdf:Bag>${meta.keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${date}</xmp:CreateDate>
  <xmp:ModifyDate>${date}</xmp:ModifyDate>
  <xmp:MetadataDate>${date}</xmp:MetadataDate>
  <xmp:CreatorTool>pamphlet</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>pamphlet (PDFKit)</pdf:Producer>
  <pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>${printFile === undefined ? '' : `
  <pdf:Trapped>False</pdf:Trapped>`}
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">
  <pdfx:Edition>${escapeXml(meta.edition)}</pdfx:Edition>
</rdf:Description>
${printFile === undefined ? '' : pdfxDescriptions(meta, printFile)}`;
}

/**
 * PDF/X-4's identification, and the document's identity that it asks for:
 * the same document (language, format, paper, target) keeps its DocumentID
 * from build to build; an edition of other facts is another instance. Both
 * are derived, never random, so that the same inputs give the same bytes.
 */
function pdfxDescriptions(meta: DocumentMetadata, printFile: string): string {
  return `<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
  <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
  <xmpMM:DocumentID>${uuidOf(printFile)}</xmpMM:DocumentID>
  <xmpMM:InstanceID>${uuidOf(`${printFile}\u0000${meta.edition}\u0000${meta.creationDate.toISOString()}`)}</xmpMM:InstanceID>
  <xmpMM:VersionID>1</xmpMM:VersionID>
  <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
</rdf:Description>
`;
}

/** A name-based UUID (RFC 9562's version 8 layout) from a SHA-256 of the text, as XMP writes it. */
function uuidOf(text: string): string {
  const bytes = createHash('sha256').update(text).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
