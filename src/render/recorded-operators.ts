/**
 * PDFKit works some operators out anew at every call from the same input,
 * though they come out the same: a colour's numbers from its hex code,
 * formatted again (every line of text sets its colour), an icon's path
 * from its SVG text, parsed and formatted again (every PDF draws the same
 * icons). Those are worked out once by PDFKit itself, on a stand-in for
 * the document that records the operators instead of writing them, and
 * written as recorded from then on: the same bytes.
 */
type Writer = { addContent(op: string): unknown };

export class RecordedOperators {
  private known = new Map<string, string[] | null>();

  /** `limit`: how many inputs are kept; past it, the record starts again (inputs may come from editions). */
  constructor(private readonly limit = 4096) {}

  /**
   * Writes to `doc` the operators `write` writes for `key`, recording them
   * the first time. `write` returns false when it wrote nothing and should
   * be asked again (PDFKit's colour setters do, for a colour they cannot
   * read): it returns what `write` returned.
   */
  write<D extends Writer>(doc: D, key: string, write: (doc: D) => boolean): boolean {
    let ops = this.known.get(key);
    if (ops === undefined) {
      const recorded: string[] = [];
      const recorder = Object.create(doc) as D;
      recorder.addContent = (op: string) => {
        recorded.push(op);
        return recorder;
      };
      ops = write(recorder) ? recorded : null;
      if (this.known.size >= this.limit) this.known.clear();
      this.known.set(key, ops);
    }
    if (ops === null) return false;
    for (const op of ops) doc.addContent(op);
    return true;
  }
}
