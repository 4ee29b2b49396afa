import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** One typeset line as drawn in the PDF (one text object), in logical order. */
export interface DrawnLine {
  /** The line's text as a reader copies it: its ActualText, else its glyphs through ToUnicode. */
  text: string;
  /** Whether the text came from an ActualText span. */
  actualText: boolean;
  /** Left edge and width of the drawn glyphs, in points from the page's left. */
  x: number;
  width: number;
  /** Baseline, in points from the page's top. */
  baseline: number;
  /** The largest font size in the line (points). */
  size: number;
  /** Every visible run of the line is set in a bold face. */
  bold: boolean;
  fonts: string[];
  /** Fill colour, #rrggbb. */
  fill: string;
}

export interface DrawnPage {
  width: number;
  height: number;
  /** In the order the typesetter drew them: panel by panel, line after line. */
  lines: DrawnLine[];
}

/**
 * Reads the typeset lines of many PDFs with MuPDF, in one child process
 * (MuPDF's WASM module loads once, and is an ES module with top-level await).
 */
export function readDrawnLines(files: string[]): Map<string, DrawnPage[]> {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'read-lines.mjs'), ...files], { maxBuffer: 256 * 1024 * 1024 });
  const parsed = JSON.parse(out.toString('utf8')) as Record<string, { pages: DrawnPage[] }>;
  return new Map(files.map((file) => [file, parsed[file].pages]));
}
