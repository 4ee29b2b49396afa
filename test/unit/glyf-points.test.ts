import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { FontRegistry } from '../../src/fonts/font-registry';
import { shippedFontFiles } from '../support/shipped-fonts';
import { glyfOutline, simpleGlyph } from '../../src/fonts/glyf-points';
import { glyphProblem } from '../../src/fonts/verify-font';

/**
 * The glyph check reads a simple glyph's boxes from its bytes instead of
 * having fontkit decode its outline: the boxes must be the ones fontkit's
 * outline gives, glyph for glyph, in every shipped font, and damaged bytes
 * must be refused, never read past the glyph.
 */

const registry = FontRegistry.default();
const shippedFiles = shippedFontFiles(registry);

type Box = { minX: number; minY: number; maxX: number; maxY: number };
const plain = (box: Box) => ({ minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY });

describe('a simple glyph read from its bytes', () => {
  it.each(shippedFiles.map((file) => [path.basename(file), file]))('has the boxes fontkit decodes, in %s', (_name, file) => {
    const face = fontkit.create(fs.readFileSync(file)) as fontkit.Font;
    // Every glyph of the smaller fonts; an even spread of some 1,500 of a CJK font's tens of thousands.
    const step = Math.max(1, Math.floor(face.numGlyphs / 1500));
    const kinds = { points: 0, empty: 0, other: 0 };
    for (let id = 0; id < face.numGlyphs; id += step) {
      const read = glyfOutline(face, id);
      kinds[read.kind]++;
      const glyph = face.getGlyph(id);
      if (read.kind === 'points') {
        expect([id, read.points]).toEqual([id, plain(glyph.path.cbox)]);
        expect([id, read.recorded]).toEqual([id, plain(glyph.cbox)]);
      } else if (read.kind === 'empty') {
        expect([id, glyph.path.commands.length]).toEqual([id, 0]);
      }
    }
    expect(kinds.points).toBeGreaterThan(0);
  });

  it('gives the box of points far from the glyph, as damage would place them', () => {
    // One contour of two points, both coordinates as 16-bit deltas (flags 0): (30000, -5) and (30010, 20).
    const bytes = Buffer.alloc(10 + 2 + 2 + 2 + 8);
    bytes.writeInt16BE(1, 0);
    bytes.writeUInt16BE(1, 10); // the last point of the only contour
    bytes.writeUInt16BE(0, 12); // no instructions
    bytes.writeInt16BE(30000, 16); bytes.writeInt16BE(10, 18); // x deltas
    bytes.writeInt16BE(-5, 20); bytes.writeInt16BE(25, 22); // y deltas
    expect(simpleGlyph(new DataView(bytes.buffer, bytes.byteOffset, bytes.length))).toEqual({
      kind: 'points', recorded: { minX: 0, minY: 0, maxX: 0, maxY: 0 }, points: { minX: 30000, minY: -5, maxX: 30010, maxY: 20 },
    });
  });

  it('is refused when its bytes end before its points do', () => {
    const face = fontkit.create(fs.readFileSync(shippedFiles[0])) as fontkit.Font;
    const offsets = (face as unknown as { loca: { offsets: number[] } }).loca.offsets;
    const id = face.glyphForCodePoint(0x61).id;
    const stream = (face as unknown as { _getTableStream(tag: string): { pos: number; buffer: Buffer } })._getTableStream('glyf');
    const bytes = Buffer.from(stream.buffer.subarray(stream.pos + offsets[id], stream.pos + offsets[id + 1]));
    expect(simpleGlyph(new DataView(bytes.buffer, bytes.byteOffset, bytes.length)).kind).toBe('points');
    for (const cut of [4, 12, 30, bytes.length - 8]) {
      expect(() => simpleGlyph(new DataView(bytes.buffer, bytes.byteOffset, cut))).toThrow(/shorter than a glyph header|run past the end of its data/);
    }
    // A glyph whose loca range is cut short is reported as damage by the glyph check, not read on into the next glyph.
    const data = Buffer.from(fs.readFileSync(shippedFiles[0]));
    const cutFace = fontkit.create(data) as fontkit.Font;
    (cutFace as unknown as { loca: { offsets: number[] } }).loca.offsets[id + 1] = offsets[id] + 20;
    expect(glyphProblem(cutFace, 0x61, true)).toMatch(/^cannot be decoded \(its points run past the end of its data\)$/);
    // A loca offset past the glyf table's end is damage too, never read on into the tables after it.
    const glyfLength = (cutFace as unknown as { directory: { tables: { glyf: { length: number } } } }).directory.tables.glyf.length;
    (cutFace as unknown as { loca: { offsets: number[] } }).loca.offsets[id + 1] = glyfLength + 64;
    expect(glyphProblem(cutFace, 0x61, true)).toBe(`cannot be decoded (glyph ${id} lies outside the glyf table)`);
  });
});
