import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import inflateRaw = require('../../src/core/inflate-raw');
import { ROOT } from '../support/build';

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
// tiny-inflate (a dependency of fontkit and linebreak) has no types.
const tinyInflate = require('tiny-inflate') as Inflate;

/** What a call returns, or the message it throws: the two inflaters must agree on both. */
function outcome(inflate: Inflate, source: Uint8Array, size: number): { bytes: number[] } | { thrown: string } {
  try {
    return { bytes: Array.from(inflate(source, new Uint8Array(size))) };
  } catch (error) {
    return { thrown: String(error) };
  }
}

describe('inflate-raw, tiny-inflate done by zlib in the bundle', () => {
  // Real data: a shipped font, deflated as the Unicode tables of fontkit and linebreak are.
  const font = fs.readFileSync(path.join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans', '400Regular', 'NotoSans_400Regular.ttf'));
  const deflated = zlib.deflateRawSync(font);

  it('inflates real data into the buffer it is given, as tiny-inflate does', () => {
    const dest = new Uint8Array(font.length);
    const out = inflateRaw(deflated, dest);
    expect(out).toBe(dest);
    expect(Buffer.from(out).equals(font)).toBe(true);
    expect(Buffer.from(out).equals(Buffer.from(tinyInflate(deflated, new Uint8Array(font.length))))).toBe(true);
  });

  it('returns a shorter copy when the data is shorter than the buffer, as tiny-inflate does', () => {
    const dest = new Uint8Array(font.length + 100);
    const out = inflateRaw(deflated, dest);
    expect(out).not.toBe(dest);
    expect(out.length).toBe(font.length);
    expect(Buffer.from(out).equals(font)).toBe(true);
  });

  // Not on cut data: tiny-inflate reads past the end as zero bits and may never stop (zlib stops;
  // the fallback would then hang as tiny-inflate always did).
  it('gives what tiny-inflate gives on data larger than the buffer, or not DEFLATE at all', () => {
    const cases: Array<[Uint8Array, number]> = [
      [deflated, font.length >> 1],
      [deflated, 0],
      // A block of the reserved type 3: tiny-inflate's "Data error".
      [Uint8Array.from([0x07, 0x00]), 64],
      // A stored block whose length and its complement disagree.
      [Uint8Array.from([0x01, 0x05, 0x00, 0x00, 0x00]), 64],
    ];
    for (const [source, size] of cases) expect(outcome(inflateRaw, source, size)).toEqual(outcome(tinyInflate, source, size));
    expect(outcome(inflateRaw, Uint8Array.from([0x07, 0x00]), 64)).toEqual({ thrown: 'Error: Data error' });
  });

  it('agrees with tiny-inflate on any DEFLATE stream and buffer size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 2100 }), (bytes, level, size) => {
        const source = zlib.deflateRawSync(bytes, { level });
        expect(outcome(inflateRaw, source, size)).toEqual(outcome(tinyInflate, source, size));
      }),
      { numRuns: 300 },
    );
  });
});
