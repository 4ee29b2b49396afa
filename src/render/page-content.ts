/**
 * PDFKit turns each operator written to a page into a Buffer of its own
 * (PDFReference.write adds the newline and converts), and joins them all
 * when the page ends; a page of text is thousands of small operators
 * (glyph-run-writer.ts). Here the page's operators are kept as strings and
 * turned into one Buffer when the page ends: the same bytes, in the same
 * order (a Buffer written meanwhile goes after the strings before it).
 */
interface PageContent {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
}

/** Makes the content stream of `page` (PDFKit's page just added) collect its operators as strings. */
export function collectPageContent(page: unknown): void {
  const content = (page as { content: PageContent }).content;
  const write = content.write.bind(content);
  const end = content.end.bind(content);
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    // 'binary', as PDFKit converts them: one byte per character. Each operator ends in a newline: the last one's
    // comes from joining an empty string on, so that the page's text is made once, not copied to append it.
    pending.push('');
    write(Buffer.from(pending.join('\n'), 'binary'));
    pending = [];
  };
  content.write = (chunk: unknown) => {
    if (chunk instanceof Uint8Array) {
      flush();
      write(chunk);
    } else pending.push(`${chunk}`);
  };
  content.end = (chunk?: unknown) => {
    if (chunk) content.write(chunk);
    flush();
    end();
  };
}
