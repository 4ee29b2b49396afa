import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { FontRegistry } from '../../src/fonts/font-registry';
import { shippedFontFiles } from '../support/shipped-fonts';
import { postHeader, seedPostHeader } from '../../src/fonts/post-header';

/**
 * fontkit is handed the post table's header, read from the bytes, instead of
 * decoding the whole table (every glyph's name): the fields PDFKit reads must
 * be what fontkit's own decoder gives, for every shipped font.
 */

const registry = FontRegistry.default();
const shippedFiles = shippedFontFiles(registry);

describe('the post header', () => {
  it.each(shippedFiles.map((file) => [path.basename(file), file]))('of %s is what fontkit decodes', (_name, file) => {
    const data = fs.readFileSync(file);
    const decoded = (fontkit.create(data) as fontkit.Font & { post: Record<string, unknown> }).post;
    const header = postHeader(data)!;
    expect(header).not.toBeNull();
    for (const [field, value] of Object.entries(header)) expect([field, value]).toEqual([field, decoded[field]]);
  });

  it('is what a loaded face gives, without the glyph names decoded', () => {
    const font = registry.font('NotoSans', 'regular');
    const post = (font.face as unknown as { post: Record<string, unknown> }).post;
    expect(post).toEqual(postHeader(font.data));
    expect(post).not.toHaveProperty('names');
    expect(font.face.italicAngle).toBe(0);
  });

  it('is null for a font without a post table or with one too short, and fontkit then decodes as before', () => {
    const data = Buffer.from(fs.readFileSync(shippedFiles[0]));
    for (let entry = 12; entry < 12 + 16 * data.readUInt16BE(4); entry += 16) {
      if (data.toString('latin1', entry, entry + 4) === 'post') data.writeUInt32BE(20, entry + 12);
    }
    expect(postHeader(data)).toBeNull();
    const face = fontkit.create(data);
    seedPostHeader(face, data);
    expect((face as unknown as { _tables: Record<string, unknown> })._tables).not.toHaveProperty('post');
  });
});
