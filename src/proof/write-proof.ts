import * as path from 'node:path';
import { writeFileAtomic } from '../build/write-atomic';
import { Translation } from '../languages/language';
import { DrawItem, itemExtent } from '../layout/draw-items';
import { StringUse } from '../translators/string-notes';
import { locateStrings, PageLine } from './locate-strings';
import { loadMupdf } from './mupdf';

export interface ProofFiles {
  pages: string[];
  sheet: string;
  located: number;
  missing: string[];
}

const MM_PER_POINT = 25.4 / 72;

/**
 * A language's proof: each page of its PDF as PNG (MuPDF, as
 * scripts/render-pages.mjs renders), and beside them a contact sheet,
 * `<name>-keys.txt`, listing each numbered string with its key and where it
 * starts. With `numbered`, each string's number is also printed on the page,
 * in a red box at the start of its first line.
 */
/**
 * The lines of text of laid-out pages, with their logical text and inked box:
 * read from the layout, not back from the PDF, whose text extraction can
 * garble stacked marks (Vietnamese) or reverse right-to-left lines.
 */
export function pageLines(pages: DrawItem[][]): PageLine[] {
  return pages.flatMap((items, i) => items.flatMap((item) => {
    if (item.type !== 'line') return [];
    const box = itemExtent(item);
    return [{ page: i + 1, text: item.line.text, x: box.x, y: box.y, w: box.width, h: box.height }];
  }));
}

export async function writeProof(pdf: Buffer, lines: PageLine[], translation: Translation, uses: Map<string, StringUse[]>, facts: Record<string, string>, folder: string, name: string, options: { dpi: number; numbered: boolean }): Promise<ProofFiles> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(new Uint8Array(pdf), 'application/pdf');
  const pages = Array.from({ length: doc.countPages() }, (_, i) => doc.loadPage(i));
  const { located, missing } = locateStrings(lines, translation, uses, facts);
  if (options.numbered) {
    for (const place of located) {
      const label = String(place.number);
      const width = 4 + label.length * 4.5;
      // At the line's start, just outside it: to its left in a left-to-right language, its right in a right-to-left one.
      const x = translation.meta.direction === 'rtl' ? place.x + place.w + 1 : Math.max(0, place.x - width - 1);
      const note = pages[place.page - 1].createAnnotation('FreeText');
      note.setRect([x, place.y, x + width, place.y + 9]);
      note.setDefaultAppearance('Helv', 7, [1, 1, 1]);
      note.setColor([0.85, 0, 0]);
      note.setBorderWidth(0);
      note.setContents(label);
      note.update();
    }
  }
  const files: string[] = [];
  pages.forEach((page, i) => {
    const png = page.toPixmap(mupdf.Matrix.scale(options.dpi / 72, options.dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true).asPNG();
    const file = path.join(folder, `${name}-p${i + 1}.png`);
    writeFileAtomic(file, Buffer.from(png));
    files.push(file);
  });
  const sheet = path.join(folder, `${name}-keys.txt`);
  const rows = located.map((p) => `${String(p.number).padStart(3)}  page ${p.page}  ${String(Math.round(p.x * MM_PER_POINT)).padStart(3)} mm from the left, ${String(Math.round(p.y * MM_PER_POINT)).padStart(3)} mm from the top  ${p.key}`);
  const text = [
    `${translation.meta.englishName} (${translation.code}): where each translated string starts on the proof pages ${files.map((f) => path.basename(f)).join(', ')}.`,
    `Fix a string in ${translation.pseudo ? 'the source' : 'the translation'} file under its key. Numbers follow the reading order${options.numbered ? '; each is printed on the page in a red box' : ' (pamphlet proof --keys prints them on the pages)'}.`,
    '',
    ...rows,
    ...(missing.length ? ['', `Not found on these pages (printed only with other contacts or editions, or where the text starts inside another line): ${missing.join(', ')}`] : []),
    '',
  ].join('\n');
  writeFileAtomic(sheet, Buffer.from(text, 'utf8'));
  return { pages: files, sheet, located: new Set(located.map((l) => l.key)).size, missing };
}
