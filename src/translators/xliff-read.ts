import { DOMParser } from '@xmldom/xmldom';
import xliff12ToJs from 'xliff/cjs/xliff12ToJs';
import xliff2js from 'xliff/cjs/xliff2js';
import { PamphletError } from '../core/errors';
import { INPUT_LIMITS, readInputText } from '../core/read-input';
import { synchronously, XliffVersion, XLIFF_FILE_ID } from './xliff-write';

/** What a delivered XLIFF file may be: a pamphlet's is about 60 kB, 700 elements, 5 levels deep. */
export const XLIFF_LIMITS = { bytes: 5 * 1024 * 1024, depth: INPUT_LIMITS.jsonDepth, elements: 50_000 };

export interface DeliveredUnit {
  source: string;
  target?: string;
  /** The state the CAT tool left (1.2 target state, 2.0 segment state), if any. */
  state?: string;
}

export interface DeliveredXliff {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string;
  units: Map<string, DeliveredUnit>;
}

/**
 * Refuses what an XML parser should never be handed from outside: a DOCTYPE
 * (entities, billion laughs, external files) and, by a flat scan of the tags
 * before any tree is built, nesting deeper than JSON's limit or more
 * elements than any pamphlet has.
 */
function assertPlainXml(text: string, file: string): void {
  const fail = (message: string, at: number) => {
    const line = text.slice(0, at).split('\n').length;
    throw new PamphletError(`line ${line}: ${message}`, { file });
  };
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) fail(`a <!${doctype[1].toUpperCase()}> declaration: pamphlet reads XLIFF without DTDs or entities (they can expand without end or read other files). Export the file again from the CAT tool, or remove the declaration.`, doctype.index);
  let depth = 0;
  let elements = 0;
  for (const tag of text.matchAll(/<(\/?)[A-Za-z_][^<>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g)) {
    if (tag[0].startsWith('<!') || tag[0].startsWith('<?')) continue;
    if (tag[1]) depth--;
    else if (!tag[2]) {
      elements++;
      if (++depth > XLIFF_LIMITS.depth) fail(`elements are nested more than ${XLIFF_LIMITS.depth} deep; an XLIFF file of pamphlet's is 5 deep.`, tag.index!);
    } else elements++;
    if (elements > XLIFF_LIMITS.elements) fail(`more than ${XLIFF_LIMITS.elements.toLocaleString('en')} elements; a pamphlet's XLIFF has under a thousand.`, tag.index!);
  }
}

/** The DOM of a checked file; a syntax error is one line naming where. */
function parseDom(text: string, file: string) {
  try {
    return new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new PamphletError(`not well-formed XML: ${String(message).split('\n')[0].replace(/\s*\[xmldom [^\]]*\]\s*/g, ' ').trim()}. Export the file again from the CAT tool.`, { file });
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    if (error instanceof PamphletError) throw error;
    throw new PamphletError(`not well-formed XML: ${String((error as Error)?.message ?? error).split('\n')[0]}. Export the file again from the CAT tool.`, { file });
  }
}

type Unit = { source?: unknown; target?: unknown };

/** Reads a delivered XLIFF 1.2 or 2.0 file: bounded, refused with one line if it is anything but plain XLIFF with text units. */
export function readXliff(file: string): DeliveredXliff {
  const text = readInputText(file, { maxBytes: XLIFF_LIMITS.bytes, place: { file } });
  assertPlainXml(text, file);
  const doc = parseDom(text, file);
  const root = doc.documentElement;
  if (!root || root.localName !== 'xliff') throw new PamphletError(`this is not an XLIFF file (its root element is <${root?.localName ?? 'none'}>, not <xliff>).`, { file });
  const version = root.getAttribute('version');
  if (version !== '1.2' && version !== '2.0') throw new PamphletError(`XLIFF version ${JSON.stringify(version)}: pamphlet reads 1.2 and 2.0. Export as one of those.`, { file });

  // The units' text, by the xliff package.
  const js = synchronously<{ sourceLanguage?: string; targetLanguage?: string; resources?: Record<string, Record<string, Unit>> }>((done) =>
    (version === '1.2' ? xliff12ToJs : xliff2js)(text, {}, done as (e: unknown, r: unknown) => void));
  const resources = js.resources ?? {};
  const files = Object.keys(resources);
  if (files.length !== 1) throw new PamphletError(`the file holds ${files.length} <file> elements; pamphlet exports one ("${XLIFF_FILE_ID}"). Deliver the file as exported.`, { file });
  if (!js.targetLanguage) throw new PamphletError(`the file names no target language (${version === '1.2' ? 'target-language on <file>' : 'trgLang on <xliff>'}). Deliver the file as exported.`, { file });

  // States, which the package does not read.
  const states = new Map<string, string>();
  const stateHolders = doc.getElementsByTagName(version === '1.2' ? 'target' : 'segment');
  for (let i = 0; i < stateHolders.length; i++) {
    const holder = stateHolders[i];
    const unit = holder.parentNode as unknown as { getAttribute(name: string): string | null } | null;
    const id = unit?.getAttribute('id');
    const state = holder.getAttribute('subState') === 'pamphlet:needs-review' ? 'needs-review-translation' : holder.getAttribute('state');
    if (id && state) states.set(id, state);
  }

  const units = new Map<string, DeliveredUnit>();
  for (const [key, unit] of Object.entries(resources[files[0]])) {
    const textOf = (value: unknown, what: string): string | undefined => {
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'string') return value;
      throw new PamphletError(`the ${what} holds XLIFF inline elements (<g>, <ph>, <x/>…); pamphlet's strings are text, with <b>, <nobr> and <br> written as text. Deliver the string as plain text.`, { file, key });
    };
    if (typeof unit !== 'object' || unit === null || !('source' in unit)) throw new PamphletError(`a group or a unit without <source>: pamphlet exports one unit per string. Deliver the file as exported.`, { file, key });
    units.set(key, { source: textOf(unit.source, 'source') ?? '', target: textOf(unit.target, 'target'), state: states.get(key) });
  }
  return { version, sourceLanguage: js.sourceLanguage ?? '', targetLanguage: js.targetLanguage, units };
}
