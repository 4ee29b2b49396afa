import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { PamphletError } from '../../src/core/errors';
import { INPUT_LIMITS } from '../../src/core/read-input';
import { readJsonFile } from '../../src/core/read-json';
import { readData } from '../../src/facts/load-data';
import { FontRegistry } from '../../src/fonts/font-registry';
import { loadTranslation } from '../../src/languages/load-translations';
import { ROOT } from '../support/build';

/**
 * Random JSON structures (any depth up to 200, keys that JavaScript reserves,
 * keys written twice) and random bytes, fed to every reader of JSON input:
 * each must return, or throw a PamphletError of one line. Never a RangeError,
 * a TypeError, a polluted prototype or a hang.
 */

/** A JSON document as written: objects are lists of entries, so a key can appear twice. */
type Node =
  | { leaf: string | number | boolean | null }
  | { items: Node[] }
  | { entries: [string, Node][] };

const reserved = fc.constantFrom('__proto__', 'constructor', 'prototype');
const plainKey = fc.oneof(fc.constantFrom('toString', 'meta', 'strings', 'a', 'b'), fc.string({ unit: 'binary', maxLength: 6 }));
const key = fc.oneof({ arbitrary: reserved, weight: 1 }, { arbitrary: plainKey, weight: 8 });
const leaf = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
).map((value): Node => ({ leaf: value }));

const { node: shallow } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }).map((items): Node => ({ items })),
    fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((entries): Node => ({ entries })),
  ),
}));

/** A shallow document wrapped in up to 200 arrays and objects. */
const wrappers = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 200 })).chain((count) => fc.array(fc.option(fc.oneof({ arbitrary: reserved, weight: 1 }, { arbitrary: plainKey, weight: 50 }), { nil: undefined }), { minLength: count, maxLength: count }));
const node: fc.Arbitrary<Node> = fc.tuple(shallow, wrappers)
  .map(([inner, wraps]) => wraps.reduce<Node>((n, k) => (k === undefined ? { items: [n] } : { entries: [[k, n]] }), inner));

function write(n: Node): string {
  if ('leaf' in n) return JSON.stringify(n.leaf);
  if ('items' in n) return `[${n.items.map(write).join(', ')}]`;
  return `{${n.entries.map(([k, v]) => `\n${JSON.stringify(k)}: ${write(v)}`).join(',')}}`;
}

function depth(n: Node): number {
  if ('leaf' in n) return 0;
  return 1 + Math.max(0, ...('items' in n ? n.items : n.entries.map(([, v]) => v)).map(depth));
}

/** A key JavaScript reserves, or a key twice in one object, anywhere in the document. */
function badKey(n: Node): boolean {
  if ('leaf' in n) return false;
  if ('items' in n) return n.items.some(badKey);
  const keys = n.entries.map(([k]) => k);
  return keys.some((k, i) => ['__proto__', 'constructor', 'prototype'].includes(k) || keys.indexOf(k) !== i) || n.entries.some(([, v]) => badKey(v));
}

/** The value the document means, when it has no bad key. */
function value(n: Node): unknown {
  if ('leaf' in n) return n.leaf;
  if ('items' in n) return n.items.map(value);
  return Object.fromEntries(n.entries.map(([k, v]) => [k, value(v)]));
}

const shipped = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The document as a whole file, spliced into a shipped file so that the reader's later checks see it, or random bytes. */
function documents(into: string, opening: string): fc.Arbitrary<Buffer> {
  return fc.oneof(
    node.map((n) => Buffer.from(write(n))),
    node.map((n) => Buffer.from(into.replace(opening, `${opening}\n"x": ${write(n)},`))),
    fc.tuple(fc.constantFrom('', 'EFBBBF', 'FFFE', 'FEFF'), fc.uint8Array({ maxLength: 300 }))
      .map(([prefix, bytes]) => Buffer.concat([Buffer.from(prefix, 'hex'), bytes])),
  );
}

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamphlet-property-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
// A reserved key that got through could add properties to every object.
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
afterAll(() => expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeNames));

/** Calls a reader; anything thrown must be a one-line PamphletError. */
function returnsOrRefuses(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof PamphletError)) throw new Error(`not a PamphletError: ${(error as Error)?.stack ?? error}`);
    expect(error.message).not.toContain('\n');
  }
}

/** Modest by default, so the file runs in seconds; RUNS=5000 for a longer hunt. */
const RUNS = { numRuns: Number(process.env.RUNS ?? 150) };

describe('every reader of JSON input returns or refuses with a PamphletError', () => {
  it('readJsonFile gives the document it meant, or refuses a bad key or nesting over the limit', () => {
    fc.assert(fc.property(node, (n) => {
      const file = path.join(dir, 'doc.json');
      fs.writeFileSync(file, write(n));
      const bad = badKey(n) || depth(n) > INPUT_LIMITS.jsonDepth;
      let result: unknown;
      try {
        result = readJsonFile(file);
      } catch (error) {
        expect(error).toBeInstanceOf(PamphletError);
        expect(bad).toBe(true);
        return;
      }
      expect(bad).toBe(false);
      expect(result).toEqual(value(n));
    }), RUNS);
  });

  it('readJsonFile on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const file = path.join(dir, 'doc.json');
      fs.writeFileSync(file, bytes);
      returnsOrRefuses(() => readJsonFile(file));
    }), RUNS);
  });

  it('loadTranslation', () => {
    fc.assert(fc.property(documents(shipped('translations/en.json'), '"strings": {'), (bytes) => {
      fs.writeFileSync(path.join(dir, 'xx.json'), bytes);
      returnsOrRefuses(() => loadTranslation(dir, 'xx'));
    }), RUNS);
  });

  it('readData, with a random facts.json or contacts.json', () => {
    const facts = shipped('data/facts.json');
    const contacts = shipped('data/contacts.json');
    const files = fc.oneof(
      documents(facts, '"facts": {').map((bytes) => ({ facts: bytes, contacts })),
      documents(contacts, '"moreInformation": {').map((bytes) => ({ facts, contacts: bytes })),
    );
    fc.assert(fc.property(files, (data) => {
      fs.writeFileSync(path.join(dir, 'facts.json'), data.facts);
      fs.writeFileSync(path.join(dir, 'contacts.json'), data.contacts);
      returnsOrRefuses(() => readData(dir));
    }), RUNS);
  });

  it('FontRegistry, with a random fonts.json', () => {
    fc.assert(fc.property(documents(shipped('fonts/fonts.json'), '"families": {'), (bytes) => {
      const file = path.join(dir, 'fonts.json');
      fs.writeFileSync(file, bytes);
      returnsOrRefuses(() => new FontRegistry(file));
    }), RUNS);
  });
});
