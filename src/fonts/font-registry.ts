import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { z } from 'zod';
import { PamphletError } from '../core/errors';
import { readJsonFile } from '../core/read-json';
import { ScriptCode } from '../languages/language';

export type FontWeight = 'regular' | 'bold';

/** One parsed font face, shared by every language and document of the process. */
export interface LoadedFont {
  /** Stable key, e.g. "NotoSans-bold"; also the PDF resource name. */
  key: string;
  family: string;
  weight: FontWeight;
  file: string;
  data: Buffer;
  face: fontkit.Font;
  unitsPerEm: number;
  /** Letters this font may set; null for any letter it has. */
  letters: RegExp | null;
  /** Ascent and descent as fractions of the em (descent is negative). */
  ascent: number;
  descent: number;
  /** Natural distance between baselines, in em. */
  lineHeight: number;
}

const familySchema = z.object({
  /** The npm package the files are in; without it, files are relative to fonts.json. */
  package: z.string().optional(),
  regular: z.string(),
  bold: z.string(),
  /** Unicode script names (e.g. "Arabic"): the only letters this family is used for. */
  letters: z.array(z.string()).optional(),
  /** Natural line height in em, where ascent - descent leaves too little room for marks. */
  lineHeight: z.number().min(0.8).max(3).optional(),
}).strict();
const configSchema = z.object({
  _comment: z.string().optional(),
  families: z.record(familySchema),
  scripts: z.record(z.array(z.string()).min(1)),
}).strict();
type FontConfig = z.infer<typeof configSchema>;

/**
 * Maps scripts to font stacks (fonts/fonts.json) and parses each font file
 * once per process, on first use, so a language loads only what it needs.
 */
export class FontRegistry {
  private readonly config: FontConfig;
  private readonly loaded = new Map<string, LoadedFont>();

  constructor(readonly configFile: string) {
    const parsed = configSchema.safeParse(readJsonFile(configFile));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PamphletError(`${issue.message} at "${issue.path.join('.')}".`, { file: configFile });
    }
    this.config = parsed.data;
    for (const [script, families] of Object.entries(this.config.scripts)) {
      for (const family of families) {
        if (!this.config.families[family]) {
          throw new PamphletError(`script ${script} names the font family "${family}", which is not under "families".`, { file: configFile });
        }
      }
    }
  }

  static default(): FontRegistry {
    return new FontRegistry(path.join(__dirname, '..', '..', 'fonts', 'fonts.json'));
  }

  hasScript(script: ScriptCode): boolean {
    return script in this.config.scripts;
  }

  scripts(): ScriptCode[] {
    return Object.keys(this.config.scripts);
  }

  familiesFor(script: ScriptCode): string[] {
    const families = this.config.scripts[script];
    if (!families) {
      throw new PamphletError(`no font stack for script "${script}". Add it under "scripts" in ${this.configFile}.`, { file: this.configFile }, 'usage');
    }
    return families;
  }

  /** The font stack of a script at one weight, primary font first. */
  stack(script: ScriptCode, weight: FontWeight): LoadedFont[] {
    return this.familiesFor(script).map((family) => this.font(family, weight));
  }

  fileOf(family: string, weight: FontWeight): string {
    const entry = this.config.families[family];
    if (!entry.package) return path.resolve(path.dirname(this.configFile), entry[weight]);
    let packageDir: string;
    try {
      packageDir = path.dirname(require.resolve(`${entry.package}/package.json`));
    } catch {
      throw new PamphletError(`the font package ${entry.package} is not installed. Run \`npm ci\`.`, { file: this.configFile }, 'usage');
    }
    return path.join(packageDir, entry[weight]);
  }

  font(family: string, weight: FontWeight): LoadedFont {
    const key = `${family}-${weight}`;
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const file = this.fileOf(family, weight);
    let data: Buffer;
    let face: fontkit.Font;
    try {
      data = fs.readFileSync(file);
      const created = fontkit.create(data);
      if (!('glyphsForString' in created)) throw new Error('a font collection, not a single font');
      face = created as fontkit.Font;
      face.getGlyph(0); // forces the tables a broken file would fail on
    } catch (error) {
      throw new PamphletError(`the font file ${file} cannot be read as a font (${(error as Error).message}). Reinstall with \`npm ci\` or fix fonts/fonts.json.`, { file: this.configFile }, 'usage');
    }
    const scripts = this.config.families[family].letters;
    let letters: RegExp | null = null;
    try {
      letters = scripts ? new RegExp(`^[${scripts.map((name) => `\\p{Script=${name}}`).join('')}]$`, 'u') : null;
    } catch {
      throw new PamphletError(`"letters" of ${family} names an unknown Unicode script (${scripts!.join(', ')}).`, { file: this.configFile });
    }
    const font: LoadedFont = {
      key,
      letters,
      family,
      weight,
      file,
      data,
      face,
      unitsPerEm: face.unitsPerEm,
      ascent: face.ascent / face.unitsPerEm,
      descent: face.descent / face.unitsPerEm,
      lineHeight: this.config.families[family].lineHeight ?? (face.ascent - face.descent) / face.unitsPerEm,
    };
    this.loaded.set(key, font);
    return font;
  }
}
