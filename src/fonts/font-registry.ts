import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { z } from 'zod';
import { displayPath } from '../core/display-path';
import { ErrorPlace, PamphletError } from '../core/errors';
import { FileBytes, fileIdentity, INPUT_LIMITS, readFileInBackground, readInputFile } from '../core/read-input';
import { readJsonFile } from '../core/read-json';
import { describeIssue } from '../core/schema-issue';
import { ScriptCode } from '../languages/language';
import { fontFileProblem, hasTrueTypeOutlines } from './verify-font';
import { rememberVerified, verifiedBefore } from './verified-fonts';
import { seedLocaOffsets } from './loca-offsets';
import { seedPostHeader } from './post-header';
import { PROJECT_ROOT } from '../core/project-root';

export type FontWeight = 'regular' | 'bold';
/** Every weight a family names a file for. */
export const FONT_WEIGHTS: readonly FontWeight[] = ['regular', 'bold'];

/** How a script is set, beside its fonts (fonts.json). */
export interface ScriptTypography {
  /** The size factor of the script's primary font: what one point of the type scale becomes in its lines (Arabic Naskh 1.25). */
  sizeFactor: number;
  /** Baseline to baseline of body text, in em of the size set. */
  lineSpacing: number;
}

/** One parsed font face, shared by every language and document of the process. */
export interface LoadedFont {
  /** Stable key, e.g. "NotoSans-bold"; also the PDF resource name. */
  key: string;
  family: string;
  weight: FontWeight;
  file: string;
  /** Where the font is configured (fonts.json and the family's key), for errors about the font. */
  source: ErrorPlace;
  data: Buffer;
  face: fontkit.Font;
  /** TrueType (glyf) outlines rather than CFF. */
  trueType: boolean;
  unitsPerEm: number;
  /** Letters this font may set; null for any letter it has. */
  letters: RegExp | null;
  /**
   * Size set for one point of the type scale (fonts.json): 1 for Latin;
   * about 1.25 for Arabic Naskh, whose letters look two-thirds as tall at one
   * size. Like CSS font-size-adjust, it is the font's: a Latin word or a
   * phone number in an Arabic line keeps its Latin size.
   */
  sizeFactor: number;
  /** Ascent and descent as fractions of the em (descent is negative). */
  ascent: number;
  descent: number;
  /** Natural distance between baselines, in em. */
  lineHeight: number;
}

/** An npm package name, as npm allows it: nothing that makes a path of its own (`..`, `/` beyond the scope). */
const NPM_PACKAGE = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const FAMILY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** A Unicode script name as \p{Script=…} takes it (Arabic, Old_Italic). */
const UNICODE_SCRIPT = /^[A-Za-z][A-Za-z_]{0,39}$/;

const familyName = z.string().regex(FAMILY_NAME, 'a family name: letters, digits, "-" and "_", starting with a letter or digit');
const fontFile = z.string().min(1).max(1024).refine((name) => !name.includes('\0'), 'a file name without NUL characters');
const familySchema = z.object({
  /** The npm package the files are in; without it, files are relative to fonts.json. */
  package: z.string().regex(NPM_PACKAGE, 'a plain npm package name such as @expo-google-fonts/noto-sans').optional(),
  regular: fontFile,
  bold: fontFile,
  /** Unicode script names (e.g. "Arabic"): the only letters this family is used for. */
  letters: z.array(z.string().regex(UNICODE_SCRIPT, 'a Unicode script name such as Arabic')).optional(),
  /** Natural line height in em, where ascent - descent leaves too little room for marks. */
  lineHeight: z.number().min(0.8).max(3).optional(),
  /** How much larger than Latin type this family is set for the same legibility (Arabic Naskh about 1.25). */
  sizeFactor: z.number().min(0.5).max(2).optional(),
}).strict();
const fontStack = z.array(familyName).min(1);
/** A script's stack with how its type is set; a bare array is a stack set like Latin. */
const scriptSchema = z.preprocess((entry) => (Array.isArray(entry) ? { fonts: entry } : entry), z.object({
  fonts: fontStack,
  /** Baseline to baseline of body text, in em of the size set (CSS line-height). */
  lineSpacing: z.number().min(1).max(3).optional(),
}).strict());
const configSchema = z.object({
  _comment: z.string().optional(),
  // Names are checked as keys too: "__proto__" never reaches an object, and every lookup below is by own key.
  families: z.record(familyName, familySchema),
  scripts: z.record(z.string().regex(/^[A-Z][a-z]{3}$/, 'an ISO 15924 script code such as Latn'), scriptSchema),
}).strict();
type ScriptEntry = z.infer<typeof scriptSchema>;
type FamilyEntry = z.infer<typeof familySchema>;

/**
 * Tables fontkit may parse during layout or PDF writing; absent ones cost
 * nothing. The layout tables (GSUB, GPOS, GDEF, kern, morx) are not among
 * them: HarfBuzz shapes, and checks those tables itself before it reads them.
 * Of post, fontkit is given the header (post-header.ts).
 */
const PARSED_TABLES = ['head', 'hhea', 'maxp', 'hmtx', 'cmap', 'OS/2', 'post', 'name', 'loca', 'fvar', 'CFF ', 'CFF2'];

const REINSTALL = 'Reinstall with `npm ci` or fix fonts/fonts.json.';


/** True when `file` is `folder` or inside it. */
function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Maps scripts to font stacks (fonts/fonts.json) and parses each font file
 * once per process, on first use, so a language loads only what it needs.
 * Names in fonts.json are data: a family is found by its own key only, a
 * package must be a plain package name, and a font file must stay inside
 * its package or the folder of fonts.json, links followed.
 */
export class FontRegistry {
  private readonly families: Map<string, FamilyEntry>;
  private readonly stacks: Map<ScriptCode, string[]>;
  private readonly settings: Map<ScriptCode, ScriptEntry>;
  private readonly loaded = new Map<string, LoadedFont>();
  /** Font files being read ahead (readAhead), and those read, by font key, until `font` takes them. */
  private readonly reading = new Map<string, Promise<void>>();
  private readonly readEarly = new Map<string, FileBytes>();

  constructor(readonly configFile: string) {
    const parsed = configSchema.safeParse(readJsonFile(configFile, {}, { kind: 'usage' }));
    if (!parsed.success) {
      const { field, message } = describeIssue(parsed.error.issues[0]);
      throw new PamphletError(message, { file: configFile, key: field || undefined }, 'usage');
    }
    this.families = new Map(Object.entries(parsed.data.families));
    this.settings = new Map(Object.entries(parsed.data.scripts));
    this.stacks = new Map([...this.settings].map(([script, entry]) => [script, entry.fonts]));
    for (const [script, families] of this.stacks) {
      for (const family of families) {
        if (!this.families.has(family)) {
          throw new PamphletError(`names the font family "${family}", which is not under "families". Add the family or fix the name.`, { file: configFile, key: `scripts.${script}` }, 'usage');
        }
      }
    }
  }

  static default(): FontRegistry {
    return new FontRegistry(path.join(PROJECT_ROOT, 'fonts', 'fonts.json'));
  }

  hasScript(script: ScriptCode): boolean {
    return this.stacks.has(script);
  }

  scripts(): ScriptCode[] {
    return [...this.stacks.keys()];
  }

  familiesFor(script: ScriptCode): string[] {
    const families = this.stacks.get(script);
    if (!families) {
      throw new PamphletError(`no font stack for script "${script}". Add it under "scripts" in ${this.configFile}.`, { file: this.configFile }, 'usage');
    }
    return families;
  }

  /**
   * How a script's lines are set: its primary font's size factor, and its
   * body line spacing (the primary font's natural line height unless given).
   */
  typography(script: ScriptCode): ScriptTypography {
    this.familiesFor(script);
    const entry = this.settings.get(script)!;
    const primary = this.font(entry.fonts[0], 'regular');
    return { sizeFactor: primary.sizeFactor, lineSpacing: entry.lineSpacing ?? primary.lineHeight };
  }

  /** The font stack of a script at one weight, primary font first. */
  stack(script: ScriptCode, weight: FontWeight): LoadedFont[] {
    return this.familiesFor(script).map((family) => this.font(family, weight));
  }

  private entry(family: string): FamilyEntry {
    const entry = this.families.get(family);
    if (!entry) throw new PamphletError(`there is no font family "${family}" under "families".`, { file: this.configFile }, 'usage');
    return entry;
  }

  private place(family: string, weight?: FontWeight): ErrorPlace {
    return { file: this.configFile, key: weight ? `families.${family}.${weight}` : `families.${family}` };
  }

  /**
   * The font file of a family, resolved and checked to stay inside its
   * package (or the folder of fonts.json), after following links.
   */
  fileOf(family: string, weight: FontWeight): string {
    const entry = this.entry(family);
    let folder: string;
    let where: string;
    if (entry.package) {
      try {
        folder = path.dirname(require.resolve(`${entry.package}/package.json`));
      } catch {
        throw new PamphletError(`the font package ${entry.package} is not installed. Run \`npm ci\`, or fix the package name in fonts/fonts.json.`, this.place(family), 'usage');
      }
      where = `the package ${entry.package}`;
    } else {
      folder = path.dirname(path.resolve(this.configFile));
      where = `the folder of ${displayPath(this.configFile)}`;
    }
    const file = path.resolve(folder, entry[weight]);
    if (!isInside(folder, file)) {
      throw new PamphletError(`the font file "${entry[weight]}" is outside ${where}. Name a file inside it.`, this.place(family, weight), 'usage');
    }
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist (or is a link to nothing)' : `cannot be reached (${code ?? 'error'})`;
      throw new PamphletError(`the font file ${displayPath(file)} ${why}. ${REINSTALL}`, this.place(family, weight), 'usage');
    }
    let realFolder: string;
    try {
      realFolder = fs.realpathSync(folder);
    } catch {
      realFolder = folder;
    }
    if (!isInside(realFolder, real)) {
      throw new PamphletError(`the font file ${displayPath(file)} is a link to ${real}, outside ${where}. Put the font file itself there.`, this.place(family, weight), 'usage');
    }
    return file;
  }

  /**
   * Forgets a family's parsed faces, both weights, so that their memory can
   * go once nothing else holds them; a later `font` parses the file again.
   * Returns the fonts forgotten, for what else holds data of theirs (HarfBuzz).
   */
  release(family: string): LoadedFont[] {
    const released: LoadedFont[] = [];
    for (const weight of FONT_WEIGHTS) {
      const key = `${family}-${weight}`;
      const font = this.loaded.get(key);
      if (font) released.push(font);
      this.loaded.delete(key);
      this.reading.delete(key);
      this.readEarly.delete(key);
    }
    return released;
  }

  /**
   * Starts reading the files of a script's fonts, both weights, that are not
   * parsed yet, in libuv's threads: a batch reads the next language's fonts
   * while it lays out this one (issue 12). Resolves once they are read.
   * `font` takes the bytes if the file is still the same one, else reads it
   * itself, as it does when nothing was read ahead.
   */
  readAhead(script: ScriptCode): Promise<void> {
    const reads: Promise<void>[] = [];
    for (const family of this.stacks.get(script) ?? []) {
      for (const weight of FONT_WEIGHTS) {
        const key = `${family}-${weight}`;
        if (this.loaded.has(key)) continue;
        let read = this.reading.get(key);
        if (!read) {
          let file: string;
          try {
            file = this.fileOf(family, weight);
          } catch {
            continue; // Said when the font is loaded.
          }
          const started: Promise<void> = readFileInBackground(file, INPUT_LIMITS.fontBytes).then((early) => {
            if (early && this.reading.get(key) === started) this.readEarly.set(key, early);
          });
          this.reading.set(key, started);
          read = started;
        }
        reads.push(read);
      }
    }
    return Promise.all(reads).then(() => undefined);
  }

  /** Lets go of what was read ahead and not used (a language whose checks failed before it was typeset). */
  forgetReadAhead(): void {
    this.reading.clear();
    this.readEarly.clear();
  }

  /** The bytes read ahead for a font, if the file at `file` is still the one they were read from. */
  private takeReadAhead(key: string, file: string): FileBytes | undefined {
    const early = this.readEarly.get(key);
    this.reading.delete(key);
    this.readEarly.delete(key);
    if (!early) return undefined;
    try {
      return fileIdentity(fs.statSync(file)) === early.identity ? early : undefined;
    } catch {
      return undefined;
    }
  }

  font(family: string, weight: FontWeight): LoadedFont {
    const key = `${family}-${weight}`;
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const entry = this.entry(family);
    const place = this.place(family, weight);
    const file = this.fileOf(family, weight);
    let read: FileBytes;
    try {
      read = this.takeReadAhead(key, file) ?? readInputFile(file, { maxBytes: INPUT_LIMITS.fontBytes, kind: 'usage', place });
    } catch (error) {
      if (!(error instanceof PamphletError)) throw error;
      // The reader names the font file; the place to fix it is fonts.json.
      throw new PamphletError(`the font file ${displayPath(file)} ${error.detail}`, place, 'usage');
    }
    const cannotRead = (why: string) => new PamphletError(`the font file ${displayPath(file)} cannot be read as a font: ${why}. ${REINSTALL}`, place, 'usage');
    const data = read.bytes;
    const verified = verifiedBefore(file, read);
    const problem = fontFileProblem(data, { checksums: !verified });
    if (problem) throw cannotRead(problem);
    if (!verified) rememberVerified(file, read);
    let face: fontkit.Font;
    try {
      const created = fontkit.create(data);
      if (!('glyphsForString' in created)) throw new Error('a font collection, not a single font');
      face = created as fontkit.Font;
      seedPostHeader(face, data);
      seedLocaOffsets(face, data);
      // fontkit parses tables when first used: a table it cannot parse fails here, not during layout.
      const tables = face as unknown as Record<string, unknown>;
      for (const table of PARSED_TABLES) void tables[table];
      // One face per file serves layout, the glyph check (coverage.ts) and every PDF's embedding (render/embed-font.ts).
      face.getGlyph(0);
    } catch (error) {
      throw cannotRead(`fontkit cannot parse it (${(error as Error).message})`);
    }
    if (!(face.unitsPerEm >= 16 && face.unitsPerEm <= 16384) || !Number.isFinite(face.ascent) || !Number.isFinite(face.descent) || face.ascent <= face.descent) {
      throw cannotRead(`its metrics are impossible (units per em ${face.unitsPerEm}, ascent ${face.ascent}, descent ${face.descent})`);
    }
    const scripts = entry.letters;
    let letters: RegExp | null = null;
    try {
      letters = scripts ? new RegExp(`^[${scripts.map((name) => `\\p{Script=${name}}`).join('')}]$`, 'u') : null;
    } catch {
      throw new PamphletError(`"letters" names an unknown Unicode script (${scripts!.join(', ')}). Use names such as Arabic, Thai, Devanagari.`, this.place(family), 'usage');
    }
    const font: LoadedFont = {
      key,
      letters,
      family,
      weight,
      file,
      source: place,
      data,
      face,
      trueType: hasTrueTypeOutlines(data),
      unitsPerEm: face.unitsPerEm,
      ascent: face.ascent / face.unitsPerEm,
      descent: face.descent / face.unitsPerEm,
      lineHeight: entry.lineHeight ?? (face.ascent - face.descent) / face.unitsPerEm,
      sizeFactor: entry.sizeFactor ?? 1,
    };
    this.loaded.set(key, font);
    return font;
  }
}
