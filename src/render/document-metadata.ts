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

/** The XMP descriptions PDFKit puts inside its packet (it adds the PDF/UA identification itself). */
export function xmpDescriptions(meta: DocumentMetadata): string {
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
  <pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">
  <pdfx:Edition>${escapeXml(meta.edition)}</pdfx:Edition>
</rdf:Description>
`;
}
