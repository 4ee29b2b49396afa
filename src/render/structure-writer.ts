import PDFDocument from 'pdfkit';
import { Box } from '../layout/draw-items';
import { StructNode } from '../layout/structure';

/**
 * Writes the structure tree of a tagged PDF (PDF/UA) through PDFKit's own
 * support: a Document element holding each panel's section in reading
 * order, and under them the headings, paragraphs, lists, figures and links
 * that layout gave each drawn item (src/layout/structure.ts). Content
 * without an element is marked as an artifact, so that a screen reader
 * skips decoration. Links get their annotation, tied to their element;
 * in a file with no annotations (a PDF/X print file, where none may lie on
 * the printed area) a link's text is a Span.
 */
type Doc = InstanceType<typeof PDFDocument>;

/** PDFKit's structure element (0.17): public API plus the dictionary it writes, for a link's OBJR. */
interface StructElement {
  add(child: unknown): StructElement;
  dictionary: PdfRef;
}
interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}
/** The parts of PDFKit's document (0.17) this uses, some of them internal (annotations with a structure parent). */
interface TaggedDoc {
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(element: StructElement): void;
  markContent(tag: string, options?: Record<string, unknown>): void;
  markStructureContent(tag: string): unknown;
  endMarkedContent(): void;
  getStructTreeRoot(): PdfRef;
  page: { annotations: PdfRef[]; dictionary: PdfRef };
  ref(data: Record<string, unknown>): PdfRef;
  _convertRect(x: number, y: number, w: number, h: number): number[];
}

export class StructureWriter {
  private readonly doc: TaggedDoc;
  private readonly elements = new Map<StructNode, StructElement>();
  /** Per Link element, its annotations: written into its children when PDFKit writes the element. */
  private readonly linkAnnotations = new Map<StructElement, PdfRef[]>();

  /** The sections are created at once, so that the tree is in reading order whatever order the pages draw them in. */
  constructor(doc: Doc, sections: StructNode[], private readonly links = true) {
    this.doc = doc as unknown as TaggedDoc;
    const root = this.doc.struct('Document');
    this.doc.addStructure(root);
    for (const section of sections) {
      const element = this.doc.struct(section.role, section.lang ? { lang: section.lang } : {});
      root.add(element);
      this.elements.set(section, element);
    }
  }

  /** Draws content as the content of `node`'s element, or as an artifact when it has none. */
  mark(node: StructNode | undefined, draw: () => void): void {
    if (!node) {
      this.doc.markContent('Artifact', { type: 'Layout' });
      draw();
      this.doc.endMarkedContent();
      return;
    }
    const element = this.element(node);
    const content = this.doc.markStructureContent(node.role);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
  }

  /**
   * A clickable area over a link's drawn text (top-down page coordinates),
   * with its target, its text for tools that show it, and its place in the
   * structure tree (PDF/UA: a link annotation is a child of its Link element).
   */
  link(node: StructNode, box: Box, text: string): void {
    if (!node.href || !this.links) return;
    const element = this.element(node);
    const root = this.doc.getStructTreeRoot();
    const key = root.data.ParentTreeNextKey as number;
    root.data.ParentTreeNextKey = key + 1;
    (root.data.ParentTree as { add(key: number, value: unknown): void }).add(key, element.dictionary);
    const annotation = this.doc.ref({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: this.doc._convertRect(box.x, box.y, box.width, box.height),
      Border: [0, 0, 0],
      F: 4,
      A: { S: 'URI', URI: new String(node.href) },
      Contents: new String(text),
      StructParent: key,
    });
    this.doc.page.annotations.push(annotation);
    annotation.end();
    // Screen readers and keyboards go through annotations in structure order.
    this.doc.page.dictionary.data.Tabs = 'S';
    this.linkAnnotations.get(element)!.push(annotation);
  }

  /** The node's element, created under its parent's the first time content of it is drawn. */
  private element(node: StructNode): StructElement {
    const known = this.elements.get(node);
    if (known) return known;
    if (!node.parent) throw new Error(`a ${node.role} element has no section: layout must give every node a parent`);
    const parent = this.element(node.parent);
    const options: Record<string, unknown> = {};
    if (node.lang) options.lang = node.lang;
    if (node.alt) options.alt = node.alt;
    const link = node.role === 'Link';
    const element = this.doc.struct(link && !this.links ? 'Span' : node.role, options);
    if (link && this.links) this.withAnnotations(element);
    parent.add(element);
    this.elements.set(node, element);
    return element;
  }

  /**
   * PDFKit's elements take marked content and other elements as children,
   * not annotations: the Link's object references are appended to its kids
   * just before PDFKit writes its dictionary.
   */
  private withAnnotations(element: StructElement): void {
    const annotations: PdfRef[] = [];
    this.linkAnnotations.set(element, annotations);
    const dictionary = element.dictionary;
    const end = dictionary.end.bind(dictionary);
    dictionary.end = () => {
      const kids = dictionary.data.K as unknown[];
      kids.push(...annotations.map((annotation) => ({ Type: 'OBJR', Obj: annotation })));
      end();
    };
  }
}
