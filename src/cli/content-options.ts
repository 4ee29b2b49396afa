import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContentPaths } from '../check/run-checks';
import { PamphletError } from '../core/errors';
import { debugStack, unexpectedMessage } from '../core/unexpected-error';
import { FontRegistry } from '../fonts/font-registry';
import { loadFormat, SHIPPED_TEMPLATES } from '../format/load-format';
import { templateHeader } from '../format/template-header';
import { paperByName, PaperName } from '../imposition/paper';
import { isKnownLanguage, listLanguages } from '../languages/load-translations';
import { isBilingual, languagesOf, parsePiece, PieceLanguages } from '../languages/piece-languages';
import { ALL_TEMPLATES, ContentArgs } from './command-options';
import { Edition } from '../edition/edition';

/** What the options name, checked and loaded: the content folders and files, the fonts, the languages and papers asked for. */

/** The templates to build or check: the one given, or every shipped one (of the `formats` named, when an edition names them). */
export function selectTemplates(template: string, formats?: string[]): string[] {
  if (template !== ALL_TEMPLATES) return [template];
  const shipped = fs.readdirSync(SHIPPED_TEMPLATES).filter((name) => name.endsWith('.hbs')).sort().map((name) => path.join(SHIPPED_TEMPLATES, name));
  if (!formats) return shipped;
  const byFormat = new Map(shipped.map((file) => [templateHeader(file).format, file]));
  for (const format of formats) {
    if (!byFormat.has(format)) throw new PamphletError(`the edition asks for the format "${format}", which no shipped template has. Use one of: ${[...byFormat.keys()].join(', ')}.`, {}, 'usage');
  }
  return shipped.filter((file) => formats.includes(templateHeader(file).format));
}

const fontSetups = new Map<string, FontRegistry>();

/** The font setup is the tool's, not a translator's: any problem there is a usage error naming fonts.json. Read once per file. */
export function loadFonts(file: string): FontRegistry {
  try {
    const known = fontSetups.get(file);
    if (known) return known;
    const fonts = new FontRegistry(file);
    fontSetups.set(file, fonts);
    return fonts;
  } catch (error) {
    if (error instanceof PamphletError) throw new PamphletError(error.detail, error.place, 'usage');
    debugStack(error);
    throw new PamphletError(unexpectedMessage(error, 'reading the font setup'), { file }, 'usage');
  }
}

/** Checks that the content named on the command line exists, for one template; the contents themselves are checked later. */
export function contentPaths(args: ContentArgs, template = args.template, otherTemplates: string[] = [], edition?: Edition): ContentPaths {
  // What is there instead of a file (a folder, a FIFO) is named by the reader, later.
  if (!fs.existsSync(template)) {
    throw new PamphletError(`the template does not exist. Check the path given to --template.`, { file: template }, 'usage');
  }
  if (!fs.existsSync(args.data) || !fs.statSync(args.data).isDirectory()) {
    throw new PamphletError(`the data folder does not exist. Pass --data with a folder holding facts.json and contacts.json.`, { file: args.data }, 'usage');
  }
  return { translationsDir: args.translations, templateFile: template, dataDir: args.data, fonts: loadFonts(args.fonts), otherTemplates, edition };
}

/**
 * The pieces asked for: "all" (every language, each alone), or codes checked
 * to be plain codes with a translation file, alone (`th`) or paired for a
 * bilingual piece (`th+en`).
 */
export function selectPieces(lang: string, translationsDir: string): PieceLanguages[] {
  const known = listLanguages(translationsDir);
  const asked = lang.split(',').map((c) => c.trim());
  const pieces = asked.flatMap((entry) => (entry === 'all' ? known.map((code) => parsePiece(code)) : [parsePiece(entry)]));
  for (const code of languagesOf(pieces)) {
    if (!isKnownLanguage(translationsDir, code)) throw new PamphletError(`there is no translation for "${code}". Known languages: ${known.join(', ')}.`, { language: code }, 'usage');
  }
  const names = pieces.map((piece) => piece.name);
  return pieces.filter((piece, i) => names.indexOf(piece.name) === i);
}

/**
 * The papers asked for, among those the template's format is printed on;
 * "all" is all of those. A paper the format is not printed on is a usage
 * error for one template; among several (`--template all`), that format is
 * built on the others only (a tri-fold is not printed on A3).
 */
export function selectPapers(paper: string, templateFile: string, strict = true): PaperName[] {
  const format = loadFormat(templateFile, templateHeader(templateFile).format);
  const printedOn = format.papers as PaperName[];
  const asked = paper.split(',').map((p) => p.trim());
  if (asked.includes('all')) return printedOn;
  const papers = [...new Set(asked.map(paperByName))];
  if (!strict) return papers.filter((p) => printedOn.includes(p));
  const other = papers.find((p) => !printedOn.includes(p));
  if (other) throw new PamphletError(`the format "${format.name}" of this template is printed on ${printedOn.join(', ')}, not ${other}. Choose one of those, or "all".`, { file: templateFile }, 'usage');
  return papers;
}

/**
 * The pieces one template is built in: a bilingual piece only where its
 * format has a bilingual arrangement. For one template asked by name, a
 * bilingual piece it cannot make is a usage error; among several
 * (`--template all`), that format is built in the single languages only.
 */
export function piecesFor(pieces: PieceLanguages[], templateFile: string, strict = true): PieceLanguages[] {
  const format = loadFormat(templateFile, templateHeader(templateFile).format);
  if (format.bilingual) return pieces;
  const pair = pieces.find(isBilingual);
  if (pair && strict) throw new PamphletError(`the format "${format.name}" of this template is printed in one language at a time, not ${pair.name}: it has no bilingual arrangement. Bilingual pieces are made by the formats that have one (poster, wallet-card).`, { file: templateFile }, 'usage');
  return pieces.filter((piece) => !isBilingual(piece));
}

/**
 * The templates a fact printed by none of `template`'s strings may still be
 * printed by: the others of the run, or, for one template alone, those
 * beside it (the poster does not print the working group's credit; the
 * tri-fold next to it does).
 */
export function companionTemplates(template: string, templates: string[]): string[] {
  if (templates.length > 1) return templates.filter((t) => t !== template);
  const folder = path.dirname(template);
  try {
    return fs.readdirSync(folder).filter((name) => name.endsWith('.hbs')).map((name) => path.join(folder, name)).filter((t) => path.resolve(t) !== path.resolve(template));
  } catch {
    return [];
  }
}
