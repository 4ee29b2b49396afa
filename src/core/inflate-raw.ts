import * as zlib from 'node:zlib';

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;

/**
 * tiny-inflate's function (raw DEFLATE into a buffer of the expected size),
 * done by Node's zlib: fontkit, linebreak and unicode-properties inflate their
 * Unicode tables with it at every start, some 50 ms in JavaScript against a few
 * in zlib (issue 12). The bundle (scripts/bundle.mjs) puts it in tiny-inflate's
 * place. Anything zlib does not inflate whole within `dest` (bad data, more
 * than expected) goes to tiny-inflate itself, so that what is returned or thrown
 * is exactly what it returns or throws.
 */
function inflateRaw(source: Uint8Array, dest: Uint8Array): Uint8Array {
  let out: Buffer | undefined;
  try {
    out = zlib.inflateRawSync(source, { maxOutputLength: Math.max(dest.length, 1) });
  } catch {
    out = undefined;
  }
  if (out === undefined || out.length > dest.length) return (require('tiny-inflate') as Inflate)(source, dest);
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
}

// As tiny-inflate exports it: the module is the function.
export = inflateRaw;
