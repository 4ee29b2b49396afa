import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { PamphletError } from '../../src/core/errors';
import { uncoveredCharacters } from '../../src/fonts/coverage';
import { FontRegistry } from '../../src/fonts/font-registry';
import { fontFileProblem, glyphProblem, tableChecksum } from '../../src/fonts/verify-font';
import { ROOT } from '../support/build';
import { pamphletErrorOf } from '../support/errors';

/**
 * Fonts and fonts.json are input like any other: a damaged font file must be
 * refused with its name before it is used, and names in fonts.json must
 * never reach an object's prototype, a module path or a file outside its folder.
 */

const NOTO_SANS = path.join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans', '400Regular', 'NotoSans_400Regular.ttf');
const shipped = fs.readFileSync(NOTO_SANS);

/** The table directory entry of `tag`: where its checksum, offset and length are. */
function table(data: Buffer, tag: string): { entry: number; offset: number; length: number } {
  for (let entry = 12; entry < 12 + 16 * data.readUInt16BE(4); entry += 16) {
    if (data.toString('latin1', entry, entry + 4) === tag) return { entry, offset: data.readUInt32BE(entry + 8), length: data.readUInt32BE(entry + 12) };
  }
  throw new Error(`no ${tag} table`);
}

/** Rewrites the directory's checksum of `tag`, as someone who edits a table on purpose would. */
function fixChecksum(data: Buffer, tag: string): void {
  const { entry, offset, length } = table(data, tag);
  data.writeUInt32BE(tableChecksum(data, offset, length), entry + 4);
}

/** NotoSans with the outline of glyph `id` overwritten by 0x55 bytes and the glyf checksum made to match. */
function withDamagedGlyph(id: number): Buffer {
  const data = Buffer.from(shipped);
  const face = fontkit.create(shipped) as fontkit.Font;
  const offsets = (face as unknown as { loca: { offsets: number[] } }).loca.offsets;
  const glyf = table(data, 'glyf');
  data.fill(0x55, glyf.offset + offsets[id], glyf.offset + offsets[id + 1]);
  fixChecksum(data, 'glyf');
  return data;
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A folder with fonts.json (families given, Latn using the first) and font files. */
function fontFolder(families: Record<string, unknown>, files: Record<string, Buffer> = {}, scripts?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-fonts-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, 'fonts'));
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'fonts', name), data);
  const config = { families, scripts: scripts ?? { Latn: [Object.keys(families)[0]] } };
  fs.writeFileSync(path.join(dir, 'fonts', 'fonts.json'), JSON.stringify(config));
  return path.join(dir, 'fonts', 'fonts.json');
}

/** The usage error `run` throws (a PamphletError of kind usage, never a TypeError or a crash). */
function usageError(run: () => unknown): PamphletError {
  const error = pamphletErrorOf(run);
  expect(error.kind).toBe('usage');
  expect(error.message).not.toContain('\n');
  return error;
}

describe('verifying a font file', () => {
  it('the table checksum is the sum of big-endian words, the last padded with zeros, at any offset and length', () => {
    /** The spec's definition, word by word. */
    const byWords = (data: Uint8Array, offset: number, length: number) => {
      let sum = 0;
      for (let i = offset; i < offset + length; i += 4) {
        let word = 0;
        for (let k = 0; k < 4; k++) word = word * 256 + (i + k < offset + length ? data[i + k] : 0);
        sum = (sum + word) % 2 ** 32;
      }
      return sum;
    };
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const full = Buffer.alloc(4099, 0xff);
    for (const data of [noise, full]) {
      for (const offset of [0, 1, 2, 3, 5]) {
        for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 8, 1023, 4090]) expect(tableChecksum(data, offset, length)).toBe(byWords(data, offset, length));
      }
    }
    // Every table of a shipped font, as its directory records it (head's adjustment aside).
    for (let entry = 12; entry < 12 + 16 * shipped.readUInt16BE(4); entry += 16) {
      const [offset, length] = [shipped.readUInt32BE(entry + 8), shipped.readUInt32BE(entry + 12)];
      expect(tableChecksum(shipped, offset, length)).toBe(byWords(shipped, offset, length));
    }
  });

  it('passes every font the tool ships, with their checksums', () => {
    const registry = FontRegistry.default();
    for (const script of registry.scripts()) {
      for (const family of registry.familiesFor(script)) {
        for (const weight of ['regular', 'bold'] as const) {
          expect([registry.fileOf(family, weight), fontFileProblem(fs.readFileSync(registry.fileOf(family, weight)))]).toEqual([registry.fileOf(family, weight), null]);
        }
      }
    }
  });

  it('says a file cut short is cut short, naming the table that runs past its end', () => {
    expect(fontFileProblem(shipped.subarray(0, 5000))).toBe('its table "GPOS" (bytes 181560 to 302680) runs past the end of the file (5000 bytes): the file is cut short');
    expect(fontFileProblem(shipped.subarray(0, 100))).toMatch(/its table directory runs past the end of the file \(100 bytes\): the file is cut short/);
    expect(fontFileProblem(shipped.subarray(0, 7))).toBe('it is 7 bytes long, too short to be a font');
  });

  it('finds changed bytes in any table through its checksum', () => {
    for (const tag of ['cmap', 'glyf', 'hmtx', 'GSUB', 'head']) {
      const data = Buffer.from(shipped);
      const { offset, length } = table(data, tag);
      data[offset + Math.floor(length / 2)] ^= 0x01;
      expect(fontFileProblem(data)).toBe(`the checksum of its table "${tag}" does not match its contents: the file is damaged`);
    }
  });

  it('leaves out checkSumAdjustment, which is set after the head table is summed', () => {
    const data = Buffer.from(shipped);
    data.writeUInt32BE(0x12345678, table(data, 'head').offset + 8);
    expect(fontFileProblem(data)).toBeNull();
  });

  it('refuses a table that points past the end of the file', () => {
    const data = Buffer.from(shipped);
    data.writeUInt32BE(data.length - 10, table(data, 'name').entry + 8);
    expect(fontFileProblem(data)).toBe(`its table "name" (bytes ${data.length - 10} to ${data.length - 10 + 2326}) runs past the end of the file (${data.length} bytes): the file is cut short`);
  });

  it('names other formats, and a font without a table the tool needs', () => {
    const collection = Buffer.from(shipped);
    collection.write('ttcf', 0, 'latin1');
    expect(fontFileProblem(collection)).toMatch(/a font collection \(\.ttc\)/);
    const woff = Buffer.from(shipped);
    woff.write('wOFF', 0, 'latin1');
    expect(fontFileProblem(woff)).toMatch(/a WOFF web font/);
    expect(fontFileProblem(Buffer.from('this is not a font at all'))).toBe('it does not start as a TrueType or OpenType font does');
    const noCmap = Buffer.from(shipped);
    noCmap.write('cmaq', table(noCmap, 'cmap').entry, 'latin1');
    expect(fontFileProblem(noCmap)).toBe('it has no "cmap" table, which the tool needs');
  });
});

describe('decoding the glyphs a language prints', () => {
  const face = fontkit.create(shipped) as fontkit.Font;
  const i = face.glyphForCodePoint(0x69).id;

  it('accepts every glyph of a sound font', () => {
    for (const char of 'fix Ünïcödé «quotes» 1234567890 – é') expect(glyphProblem(face, char.codePointAt(0)!, true)).toBeNull();
  });

  it('finds a damaged outline that the checksums were made to hide', () => {
    const data = withDamagedGlyph(i);
    expect(fontFileProblem(data)).toBeNull();
    const damaged = fontkit.create(data) as fontkit.Font;
    // fontkit decodes it without complaint, reading on past the glyph's own bytes; the check does not.
    expect(() => damaged.glyphForCodePoint(0x69).path).not.toThrow();
    expect(glyphProblem(damaged, 0x69, true)).toBe('cannot be decoded (its points run past the end of its data)');
    expect(glyphProblem(damaged, 0x61, true)).toBeNull();
  });

  it('finds a glyph whose recorded box lies outside the font', () => {
    const data = Buffer.from(shipped);
    const offsets = (face as unknown as { loca: { offsets: number[] } }).loca.offsets;
    // xMin, the header's second value, far to the left of anything the font draws.
    data.writeInt16BE(-30000, table(data, 'glyf').offset + offsets[i] + 2);
    fixChecksum(data, 'glyf');
    expect(glyphProblem(fontkit.create(data) as fontkit.Font, 0x69, true)).toMatch(/^reaches outside the font's own bounds \(-30000,/);
  });

  /** The shipped font with glyph i's advance in hmtx far wider than hhea's widest, its checksum made to hide it. */
  const withWideAdvance = () => {
    const data = Buffer.from(shipped);
    const numberOfHMetrics = data.readUInt16BE(table(data, 'hhea').offset + 34);
    expect(i).toBeLessThan(numberOfHMetrics);
    data.writeUInt16BE(0xfff0, table(data, 'hmtx').offset + 4 * i);
    fixChecksum(data, 'hmtx');
    expect(fontFileProblem(data)).toBeNull();
    return data;
  };

  it('finds an advance wider than the font says any glyph is, as the PDF would have it from hmtx', () => {
    const data = withWideAdvance();
    const widest = face.hhea.advanceWidthMax;
    expect(glyphProblem(fontkit.create(data) as fontkit.Font, 0x69, true)).toBe(`has an advance width of 65520 font units, outside the font's own range (0 to ${widest})`);
    expect(glyphProblem(fontkit.create(data) as fontkit.Font, 0x61, true)).toBeNull();
  });

  it('finds it in a language\'s check too, where the advance is read from the file\'s bytes', () => {
    const config = fontFolder({ Wide: { regular: 'wide.ttf', bold: 'wide.ttf' } }, { 'wide.ttf': withWideAdvance() });
    const stack = new FontRegistry(config).stack('Latn', 'regular');
    expect(uncoveredCharacters('a b c', stack)).toEqual([]);
    expect(usageError(() => uncoveredCharacters('Traffic', stack)).detail).toMatch(/its glyph for "i" \(U\+0069\) has an advance width of 65520 font units, outside the font's own range/);
  });

  it('finds a letter whose outline is empty, which would print as nothing', () => {
    const data = Buffer.from(shipped);
    // Long loca offsets: glyph i ends where it starts, so it has no data.
    const loca = table(data, 'loca');
    data.writeUInt32BE(data.readUInt32BE(loca.offset + 4 * i), loca.offset + 4 * (i + 1));
    fixChecksum(data, 'loca');
    expect(fontFileProblem(data)).toBeNull();
    expect(glyphProblem(fontkit.create(data) as fontkit.Font, 0x69, true)).toBe('has no outline, so it would print as nothing');
    // A space has no outline on purpose.
    expect(glyphProblem(fontkit.create(data) as fontkit.Font, 0x20, true)).toBeNull();
  });

  it('stops the check of a language with a usage error naming the damaged font file', () => {
    const config = fontFolder({ Damaged: { regular: 'damaged.ttf', bold: 'damaged.ttf' } }, { 'damaged.ttf': withDamagedGlyph(i) });
    const stack = new FontRegistry(config).stack('Latn', 'regular');
    expect(uncoveredCharacters('a b c', stack)).toEqual([]);
    const error = usageError(() => uncoveredCharacters('Traffic in persons', stack));
    expect(error.detail).toMatch(/^the font file \S*damaged\.ttf is damaged: its glyph for "i" \(U\+0069\) cannot be decoded \(its points run past the end of its data\)\. Reinstall with `npm ci` or fix fonts\/fonts\.json\.$/);
    expect(error.place).toEqual({ file: config, key: 'families.Damaged.regular' });
  });
});

describe('fonts.json', () => {
  const sound = { regular: 'sound.ttf', bold: 'sound.ttf' };

  it('finds families by their own names only: "constructor" or "toString" is no family', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const error = usageError(() => new FontRegistry(fontFolder({ Sound: sound }, { 'sound.ttf': shipped }, { Latn: [name] })));
      expect(error.message).toContain(`key scripts.Latn: names the font family "${name}", which is not under "families"`);
    }
    const registry = new FontRegistry(fontFolder({ Sound: sound }, { 'sound.ttf': shipped }));
    expect(registry.hasScript('constructor')).toBe(false);
    expect(usageError(() => registry.familiesFor('toString')).message).toContain('no font stack for script "toString"');
    expect(usageError(() => registry.font('constructor', 'regular')).message).toContain('there is no font family "constructor"');
  });

  it('refuses a family or script named __proto__', () => {
    const dir = path.dirname(fontFolder({ Sound: sound }, { 'sound.ttf': shipped }));
    fs.writeFileSync(path.join(dir, 'fonts.json'), '{"families": {"Sound": {"regular": "sound.ttf", "bold": "sound.ttf"}, "__proto__": {"regular": "sound.ttf", "bold": "sound.ttf"}}, "scripts": {"Latn": ["Sound"]}}');
    usageError(() => new FontRegistry(path.join(dir, 'fonts.json')));
  });

  it('takes a package only as a plain package name, never a path', () => {
    for (const name of ['../../etc', '/etc', '@expo-google-fonts/noto-sans/../../..', 'noto-sans/400Regular', '.', '..']) {
      const error = usageError(() => new FontRegistry(fontFolder({ Pkg: { package: name, ...sound } })));
      expect(error.message).toContain('key families.Pkg.package: must be a plain npm package name');
    }
  });

  it('keeps a font file inside its package', () => {
    const registry = new FontRegistry(fontFolder({ Pkg: { package: '@expo-google-fonts/noto-sans', regular: '../../../package.json', bold: '400Regular/NotoSans_400Regular.ttf' } }));
    expect(usageError(() => registry.font('Pkg', 'regular')).message).toContain('key families.Pkg.regular: the font file "../../../package.json" is outside the package @expo-google-fonts/noto-sans');
    expect(registry.font('Pkg', 'bold').face.familyName).toBe('Noto Sans');
  });

  it('keeps a font file without a package inside the folder of fonts.json, links followed', () => {
    const escape = new FontRegistry(fontFolder({ Up: { regular: '../../../../../../etc/passwd', bold: '/etc/passwd' } }));
    expect(usageError(() => escape.font('Up', 'regular')).message).toMatch(/key families\.Up\.regular: the font file "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the folder of /);
    expect(usageError(() => escape.font('Up', 'bold')).message).toMatch(/key families\.Up\.bold: the font file "\/etc\/passwd" is outside the folder of /);
    const config = fontFolder({ Linked: { regular: 'linked.ttf', bold: 'linked.ttf' } });
    fs.symlinkSync(NOTO_SANS, path.join(path.dirname(config), 'linked.ttf'));
    expect(usageError(() => new FontRegistry(config).font('Linked', 'regular')).message).toContain(`is a link to ${fs.realpathSync(NOTO_SANS)}, outside the folder of`);
  });

  it('refuses a font file that is not a regular file, before reading it', () => {
    const config = fontFolder({ Folder: { regular: 'folder.ttf', bold: 'missing.ttf' } });
    fs.mkdirSync(path.join(path.dirname(config), 'folder.ttf'));
    const registry = new FontRegistry(config);
    expect(usageError(() => registry.font('Folder', 'regular')).message).toMatch(/the font file \S*folder\.ttf is a folder, not a file/);
    expect(usageError(() => registry.font('Folder', 'bold')).message).toMatch(/the font file \S*missing\.ttf does not exist/);
  });

  it('reads how a script is set: its primary font\'s size factor and its line spacing, Latin-like when not given', () => {
    const files = { 'sound.ttf': shipped };
    const registry = new FontRegistry(fontFolder({ Sound: sound, Large: { ...sound, sizeFactor: 1.25 } }, files, { Latn: ['Sound'], Arab: { fonts: ['Large', 'Sound'], lineSpacing: 1.7 } }));
    expect(registry.typography('Arab')).toEqual({ sizeFactor: 1.25, lineSpacing: 1.7 });
    expect(registry.stack('Arab', 'regular').map((font) => font.sizeFactor)).toEqual([1.25, 1]);
    // A bare stack: no factor, the primary font's natural line height (Noto Sans: ascent 1069 + descent 293 per 1000).
    expect(registry.typography('Latn')).toEqual({ sizeFactor: 1, lineSpacing: 1.362 });
    expect(registry.familiesFor('Arab')).toEqual(['Large', 'Sound']);
    for (const bad of [0, 3, '1.25']) {
      expect(usageError(() => new FontRegistry(fontFolder({ Sound: { ...sound, sizeFactor: bad } }, files))).message).toContain('key families.Sound.sizeFactor');
    }
    for (const bad of [0.5, '1.5']) {
      expect(usageError(() => new FontRegistry(fontFolder({ Sound: sound }, files, { Latn: { fonts: ['Sound'], lineSpacing: bad } }))).message).toContain('key scripts.Latn.lineSpacing');
    }
    expect(usageError(() => new FontRegistry(fontFolder({ Sound: sound }, files, { Latn: { fonts: ['Sound'], size: 2 } }))).message).toContain('key scripts.Latn');
    expect(usageError(() => new FontRegistry(fontFolder({ Sound: sound }, files, { Latn: { fonts: ['Nope'] } }))).message).toContain('names the font family "Nope"');
  });

  it('refuses a damaged font file with its name and what to do', () => {
    const cut = new FontRegistry(fontFolder({ Cut: { regular: 'cut.ttf', bold: 'cut.ttf' } }, { 'cut.ttf': shipped.subarray(0, 5000) }));
    expect(usageError(() => cut.font('Cut', 'regular')).message).toMatch(/key families\.Cut\.regular: the font file \S*cut\.ttf cannot be read as a font: its table "GPOS" .* the file is cut short\. Reinstall with `npm ci` or fix fonts\/fonts\.json\.$/);
  });
});
