import { Points } from '../core/units';

/**
 * The y operand (PDF space, up from the page's bottom) a line's text is
 * written at.
 *
 * poppler (pdftotext, and the viewers built on it) adds a line to the block
 * above it only if its baseline is at most 1.5 times the font size below
 * that block's last line (TextPage::coalesce, maxLineSpacingDelta).
 * Devanagari, Thai and Vietnamese body text is set at exactly 1.5
 * (lineSpacing in fonts/fonts.json): the two sides of that test then differ
 * only by floating-point noise, and a paragraph falls apart into one-line
 * blocks wherever the noise goes the wrong way. Those one-line blocks line
 * up with the lines of the panel beside them, poppler takes them for the
 * cells of a table and reads them row by row, across the panels.
 *
 * So each baseline, rounded to 1/1000 pt as before, is written higher by a
 * billionth of its distance from the page's top: the distance between two
 * lines shrinks by a billionth (2e-8 pt for 20 pt leading, a million times
 * the noise), which settles poppler's test, while no line moves by more
 * than 1e-6 pt, which no renderer resolves (MuPDF even keeps coordinates in
 * single-precision floats).
 */
export function baselineOperand(pageHeight: Points, baseline: Points): string {
  const rounded = Math.round((pageHeight - baseline) * 1000) / 1000;
  const raised = rounded + HAIR * (pageHeight - rounded);
  // Nine decimals keep the hair (at least 1e-8 pt between lines 10 pt apart); trailing zeros go.
  return raised.toFixed(9).replace(/\.?0+$/, '');
}

/** The share of its distance from the page's top by which a baseline is raised. */
export const HAIR = 1e-9;
