import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { FontRegistry } from '../../src/fonts/font-registry';
import { locaOffsets } from '../../src/fonts/loca-offsets';
import { shippedFontFiles } from '../support/shipped-fonts';

/**
 * fontkit is handed the loca table, read from the bytes, instead of decoding
 * it value by value: it must be what fontkit's own decoder gives, for every
 * shipped font, and what a loaded face reads.
 */

const registry = FontRegistry.default();

describe('the loca table', () => {
  it.each(shippedFontFiles(registry).map((file) => [path.basename(file), file]))('of %s is what fontkit decodes', (_name, file) => {
    const data = fs.readFileSync(file);
    const decoded = (fontkit.create(data) as unknown as { loca: { version: number; offsets: number[] } }).loca;
    const read = locaOffsets(data)!;
    expect(read.version).toBe(decoded.version);
    expect(read.offsets.length).toBe(decoded.offsets.length);
    expect(Array.from(read.offsets)).toEqual(decoded.offsets);
  });

  it('is what a loaded face reads, and its glyphs decode as before', () => {
    const font = registry.font('NotoSans', 'regular');
    const seeded = (font.face as unknown as { loca: { offsets: unknown } }).loca.offsets;
    expect(seeded).toBeInstanceOf(Uint32Array);
    const fresh = fontkit.create(fs.readFileSync(font.file)) as fontkit.Font;
    for (const char of 'Trafficking ÄŸ') {
      const id = font.face.glyphForCodePoint(char.codePointAt(0)!).id;
      expect(font.face.getGlyph(id).path.toSVG()).toBe(fresh.getGlyph(id).path.toSVG());
    }
  });

  it('is null for a font without a loca table, and fontkit then decodes as before', () => {
    const data = Buffer.from(fs.readFileSync(shippedFontFiles(registry)[0]));
    for (let entry = 12; entry < 12 + 16 * data.readUInt16BE(4); entry += 16) {
      if (data.toString('latin1', entry, entry + 4) === 'loca') data.write('locb', entry, 'latin1');
    }
    expect(locaOffsets(data)).toBeNull();
  });
});
