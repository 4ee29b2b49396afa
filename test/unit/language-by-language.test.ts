import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTemplate, localWork, prepareOutput, TemplateBuild, TemplateJob } from '../../src/cli/build-template';
import { runChecks } from '../../src/check/run-checks';
import { FontRegistry, FontWeight, LoadedFont } from '../../src/fonts/font-registry';
import { parsePiece } from '../../src/languages/piece-languages';
import { hbFontOf, hbMemoryBytes, hbShape, releaseHbFont } from '../../src/text/harfbuzz';
import { ROOT } from '../support/build';
import { temporaryFolders } from '../support/temp';

const tempDir = temporaryFolders('pamphlet-by-language-');

/** A registry that says, in order, which fonts it parsed and which families it was told to release. */
class RecordingFonts extends FontRegistry {
  readonly events: string[] = [];
  private readonly seen = new Set<LoadedFont>();

  font(family: string, weight: FontWeight): LoadedFont {
    const font = super.font(family, weight);
    if (!this.seen.has(font)) this.events.push(`load ${font.key}`);
    this.seen.add(font);
    return font;
  }

  release(family: string): LoadedFont[] {
    const released = super.release(family);
    if (released.length) this.events.push(`release ${family}`);
    return released;
  }
}

describe('a build checks and builds language by language', () => {
  const codes = ['ar', 'en', 'fr', 'ko', 'th', 'zh'];
  let translationsDir: string;
  let fonts: RecordingFonts;
  let job: TemplateJob;
  let built: TemplateBuild;

  beforeAll(async () => {
    translationsDir = tempDir();
    for (const code of codes) fs.copyFileSync(path.join(ROOT, 'translations', `${code}.json`), path.join(translationsDir, `${code}.json`));
    // Two languages with errors, on either side of ko: their findings must keep their places in the report.
    fs.writeFileSync(path.join(translationsDir, 'fr.json'), '{ "meta": ');
    const th = JSON.parse(fs.readFileSync(path.join(translationsDir, 'th.json'), 'utf8'));
    th.strings.cover.title += ' 中';
    fs.writeFileSync(path.join(translationsDir, 'th.json'), JSON.stringify(th));
    fonts = new RecordingFonts(path.join(ROOT, 'fonts', 'fonts.json'));
    job = {
      paths: { translationsDir, templateFile: path.join(ROOT, 'templates', 'trifold.hbs'), dataDir: path.join(ROOT, 'data'), fonts },
      format: 'trifold',
      papers: ['letter'],
      prints: ['office'],
      pieces: codes.map(parsePiece),
    };
    const starting = (pdf: { piece: string }) => fonts.events.push(`pdf ${pdf.piece}`);
    const out = tempDir();
    prepareOutput(out, job);
    built = await buildTemplate(job, out, () => {}, { starting }, localWork(job, out));
  });

  it('loads a language\'s own fonts at its first PDF and releases them after its last; Noto Sans, in every stack, is parsed once', () => {
    const at = (event: string) => fonts.events.indexOf(event);
    expect(at('load NotoSansKR-regular')).toBeGreaterThan(at('pdf ko'));
    expect(at('release NotoSansKR')).toBeGreaterThan(at('load NotoSansKR-regular'));
    expect(at('release NotoSansKR')).toBeLessThan(at('pdf th'));
    // Chinese fonts only once Korean's are gone: the batch never holds both.
    expect(at('load NotoSansSC-regular')).toBeGreaterThan(at('release NotoSansKR'));
    expect(at('release NotoNaskhArabic')).toBeLessThan(at('pdf en'));
    // A language whose checks fail still had its fonts loaded (the glyph check) and released.
    expect(at('release NotoSansThai')).toBeGreaterThan(at('load NotoSansThai-regular'));
    expect(fonts.events.filter((e) => e.startsWith('load NotoSans-')).length).toBe(2);
    expect(new Set(fonts.events.filter((e) => e.startsWith('load '))).size).toBe(fonts.events.filter((e) => e.startsWith('load ')).length);
  });

  it('reports what the checks of every language up front report, in the same order', () => {
    const upFront = runChecks({ ...job.paths, fonts: FontRegistry.default() }, codes, []);
    expect(built.findings).toEqual(upFront.findings);
    expect(built.findings.filter((f) => f.severity === 'error').map((f) => f.language)).toEqual(['fr', 'th']);
    expect([...built.names]).toEqual([...upFront.names]);
    expect(built.built.map((b) => b.language)).toEqual(['ar', 'en', 'ko', 'zh']);
    expect(built.failed.map((f) => f.language)).toEqual(['fr', 'th']);
  });
});

describe('releasing a HarfBuzz font', () => {
  it('frees its tables for the next font: loading and releasing Noto Sans SC again and again does not grow HarfBuzz\'s memory', () => {
    const fonts = FontRegistry.default();
    const text = [...'中文'].map((c) => c.codePointAt(0)!);
    const first = fonts.font('NotoSansSC', 'regular');
    const ids = hbShape(hbFontOf(first), text, false).map((g) => g.id);
    releaseHbFont(first);
    fonts.release('NotoSansSC');
    const before = hbMemoryBytes();
    for (let turn = 0; turn < 5; turn++) {
      const font = fonts.font('NotoSansSC', 'regular');
      expect(font).not.toBe(first);
      expect(hbShape(hbFontOf(font), text, false).map((g) => g.id)).toEqual(ids);
      releaseHbFont(font);
      fonts.release('NotoSansSC');
    }
    expect(hbMemoryBytes() - before).toBeLessThan(1 << 20);
  });
});

describe('a font file that is missing', () => {
  it('stops the run before any PDF is written, though its language comes last', async () => {
    // fonts.json's own folder, with the Thai families pointed at a file that is not there.
    const folder = tempDir();
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'fonts', 'fonts.json'), 'utf8'));
    config.families.NotoSansThai = { regular: 'missing-thai.ttf', bold: 'missing-thai.ttf', letters: ['Thai'] };
    const configFile = path.join(folder, 'fonts.json');
    fs.writeFileSync(configFile, JSON.stringify(config));
    const job: TemplateJob = {
      paths: { translationsDir: path.join(ROOT, 'translations'), templateFile: path.join(ROOT, 'templates', 'trifold.hbs'), dataDir: path.join(ROOT, 'data'), fonts: new FontRegistry(configFile) },
      format: 'trifold',
      papers: ['letter'],
      prints: ['office'],
      pieces: ['en', 'th'].map(parsePiece),
    };
    const out = tempDir();
    prepareOutput(out, job);
    await expect(buildTemplate(job, out, () => {}, {})).rejects.toThrow(/missing-thai\.ttf does not exist/);
    expect(fs.readdirSync(path.join(out, 'trifold', 'letter'))).toEqual([]);
  });
});
