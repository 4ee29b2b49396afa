import * as fs from 'node:fs';
import { packageFile } from '../core/package-file';
import { shapingTables } from './shaping-font';
import type { LoadedFont } from '../fonts/font-registry';

/**
 * HarfBuzz (the shaper of Chrome, Firefox and Android), from the WebAssembly
 * build that the harfbuzzjs package ships. Its own JavaScript wrapper is an
 * ES module that starts with a top-level await, which a CommonJS program
 * cannot require and which would make every layout asynchronous; the
 * WebAssembly module needs only five small imports, so it is instantiated
 * here synchronously, once per process, and called through its C API.
 */

/** What is used of the WebAssembly API, which the project's type libraries (ES2022, Node) do not describe. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The few C functions of HarfBuzz used here (hb.h), and the allocator. */
interface HbExports {
  memory: WasmMemory;
  __wasm_call_ctors(): void;
  malloc(bytes: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_font_create(face: number): number;
  hb_font_destroy(font: number): void;
  hb_buffer_create(): number;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_codepoints(buffer: number, text: number, length: number, itemOffset: number, itemLength: number): void;
  hb_buffer_set_direction(buffer: number, direction: number): void;
  hb_buffer_set_cluster_level(buffer: number, level: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void;
}

const HB_MEMORY_MODE_READONLY = 1;
/** Marks keep clusters of their own (as fontkit gave them code points of their own), rather than joining their base's. */
const HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS = 1;
const HB_DIRECTION_LTR = 4;
const HB_DIRECTION_RTL = 5;
/** hb_glyph_info_t and hb_glyph_position_t are five 32-bit words each. */
const RECORD_WORDS = 5;

/** One shaped glyph as HarfBuzz gives it: font units, y up; cluster is the index of its cluster's first code point. */
export interface HbGlyph {
  id: number;
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

let hb: HbExports | undefined;
let buffer = 0;
let text = { pointer: 0, capacity: 0 };

function instance(): HbExports {
  if (hb) return hb;
  const wasm = fs.readFileSync(packageFile('harfbuzzjs', 'dist/harfbuzz.wasm', 'harfbuzzjs/dist/harfbuzz.wasm'));
  let memory: WasmMemory | undefined;
  const fail = (what: string) => () => { throw new Error(`HarfBuzz ${what}`); };
  const imports = {
    env: {
      _abort_js: fail('aborted'),
      _emscripten_runtime_keepalive_clear: () => {},
      _setitimer_js: fail('asked for a timer'),
      // malloc asks for more memory: grow by whole 64 KiB pages, or say no (malloc then returns 0).
      emscripten_resize_heap: (requested: number) => {
        const pages = Math.ceil((requested >>> 0) / 65536) - memory!.buffer.byteLength / 65536;
        try {
          memory!.grow(Math.max(pages, 0));
          return 1;
        } catch {
          return 0;
        }
      },
    },
    wasi_snapshot_preview1: { proc_exit: fail('exited') },
  };
  const exports = new wasmApi.Instance(new wasmApi.Module(wasm), imports).exports as unknown as HbExports;
  memory = exports.memory;
  exports.__wasm_call_ctors();
  hb = exports;
  buffer = hb.hb_buffer_create();
  // Kept by hb_buffer_clear_contents (it clears the text and the segment properties, not the cluster level): set once.
  hb.hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  return hb;
}

/** Memory that malloc could not give: a program error, not the text's. */
function allocate(bytes: number): number {
  const pointer = instance().malloc(bytes);
  if (pointer === 0) throw new Error(`HarfBuzz could not allocate ${bytes} bytes`);
  return pointer;
}

/** A HarfBuzz font (hb_font_t), and the copy of the font's tables in HarfBuzz's memory that it reads. */
interface HbFont {
  font: number;
  tables: number;
}

/**
 * A HarfBuzz font for the font file `font`, at its own units per em. Its
 * shaping tables are copied into HarfBuzz's memory, where they stay until
 * the font is destroyed (destroyHbFont).
 */
function createHbFont(font: Uint8Array): HbFont {
  const h = instance();
  const data = shapingTables(font);
  const tables = allocate(data.length);
  new Uint8Array(h.memory.buffer, tables, data.length).set(data);
  const blob = h.hb_blob_create(tables, data.length, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = h.hb_face_create(blob, 0);
  h.hb_blob_destroy(blob);
  const made = h.hb_font_create(face);
  // The font holds the face, and the face the blob: our references go.
  h.hb_face_destroy(face);
  return { font: made, tables };
}

/** Frees a font and its tables: the blob was made without a destroy callback, so its memory is ours to free. */
function destroyHbFont(made: HbFont): void {
  const h = instance();
  h.hb_font_destroy(made.font);
  h.free(made.tables);
}

/** One HarfBuzz font per font file, made on first use and kept for the process, as the parsed fonts are. */
const hbFonts = new Map<string, { data: Buffer } & HbFont>();

/**
 * The HarfBuzz font of a loaded font. A file whose bytes changed within the
 * process (only tests do that) gets a new one, and the old one is freed:
 * HarfBuzz's memory never shrinks, but what is freed in it is used again.
 */
export function hbFontOf(font: LoadedFont): number {
  const known = hbFonts.get(font.file);
  if (known && known.data === font.data) return known.font;
  // The same bytes in another Buffer (the file read again): kept by it, so the whole file is compared once.
  if (known && known.data.equals(font.data)) {
    known.data = font.data;
    return known.font;
  }
  if (known) destroyHbFont(known);
  const made = { data: font.data, ...createHbFont(font.data) };
  hbFonts.set(font.file, made);
  return made.font;
}

/**
 * Frees the HarfBuzz font of a font no language left to build uses: its
 * tables' room in HarfBuzz's memory is used again by the next font, so the
 * memory grows to the largest fonts in use at once, not to all of them.
 */
export function releaseHbFont(font: LoadedFont): void {
  const known = hbFonts.get(font.file);
  if (!known || known.data !== font.data) return;
  destroyHbFont(known);
  hbFonts.delete(font.file);
}

/** The size of HarfBuzz's memory, in bytes: for tests that it does not grow without bound. */
export function hbMemoryBytes(): number {
  return instance().memory.buffer.byteLength;
}

/** hb_feature_t: tag, value, start, end (32-bit words). */
const FEATURE_WORDS = 4;
let features = { pointer: 0, capacity: 0 };

/** Four-letter OpenType tag as HarfBuzz's 32-bit number. */
function tag(name: string): number {
  return ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0;
}

/**
 * Shapes `codePoints` with the font's default features (those fontkit
 * applied by default too) and `extra` features turned on over the whole
 * text, script and language guessed from the text. Glyphs come in visual
 * order: reversed for right to left.
 */
export function hbShape(font: number, codePoints: readonly number[], rtl: boolean, extra: readonly string[] = []): HbGlyph[] {
  const h = instance();
  if (features.capacity < extra.length) {
    if (features.pointer) h.free(features.pointer);
    features = { pointer: allocate(extra.length * FEATURE_WORDS * 4), capacity: extra.length };
  }
  if (text.capacity < codePoints.length) {
    if (text.pointer) h.free(text.pointer);
    text = { pointer: allocate(codePoints.length * 4), capacity: codePoints.length };
  }
  new Uint32Array(h.memory.buffer, text.pointer, codePoints.length).set(codePoints);
  h.hb_buffer_clear_contents(buffer);
  h.hb_buffer_add_codepoints(buffer, text.pointer, codePoints.length, 0, codePoints.length);
  h.hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  h.hb_buffer_guess_segment_properties(buffer);
  if (extra.length > 0) {
    const words = new Uint32Array(h.memory.buffer, features.pointer, extra.length * FEATURE_WORDS);
    extra.forEach((name, i) => words.set([tag(name), 1, 0, 0xffffffff], i * FEATURE_WORDS));
  }
  h.hb_shape(font, buffer, extra.length > 0 ? features.pointer : 0, extra.length);
  const length = h.hb_buffer_get_length(buffer);
  // Read after shaping: growing the memory during it would have detached earlier views.
  const infos = new Uint32Array(h.memory.buffer, h.hb_buffer_get_glyph_infos(buffer, 0), length * RECORD_WORDS);
  const positions = new Int32Array(h.memory.buffer, h.hb_buffer_get_glyph_positions(buffer, 0), length * RECORD_WORDS);
  const glyphs: HbGlyph[] = [];
  for (let i = 0; i < length; i++) {
    const at = i * RECORD_WORDS;
    glyphs.push({ id: infos[at], cluster: infos[at + 2], xAdvance: positions[at], xOffset: positions[at + 2], yOffset: positions[at + 3] });
  }
  return glyphs;
}
