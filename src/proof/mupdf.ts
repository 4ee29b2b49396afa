/**
 * MuPDF (WASM) for proofs: an ES module, which this CommonJS build cannot
 * require() on Node 20. A real import() is kept from being compiled into a
 * require() by building it at run time; the specifier is this fixed one, never
 * input. The types below are the few parts the proofs use.
 */
export interface MupdfPixmap { asPNG(): Uint8Array }
export interface MupdfAnnotation {
  setRect(rect: [number, number, number, number]): void;
  setContents(text: string): void;
  setDefaultAppearance(font: string, size: number, colour: number[]): void;
  setColor(colour: number[]): void;
  setBorderWidth(width: number): void;
  update(): boolean;
}
export interface MupdfPage {
  toStructuredText(options?: string): { asJSON(): string };
  toPixmap(matrix: unknown, colourspace: unknown, alpha?: boolean, showExtras?: boolean): MupdfPixmap;
  createAnnotation(type: string): MupdfAnnotation;
  update(): boolean;
}
export interface Mupdf {
  Document: { openDocument(data: Uint8Array, magic: string): { countPages(): number; loadPage(i: number): MupdfPage } };
  Matrix: { scale(x: number, y: number): unknown };
  ColorSpace: { DeviceRGB: unknown };
}

const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Mupdf>;

let loaded: Promise<Mupdf> | null = null;

export function loadMupdf(): Promise<Mupdf> {
  loaded ??= importModule('mupdf');
  return loaded;
}
