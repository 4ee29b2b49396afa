import { PNG } from 'pngjs';
import { PamphletError } from '../core/errors';
import { LogoImage } from './logo-image';

/** The largest PNG logo, in pixels on each side: 4000 px is 34 cm at 300 dpi, more than any piece prints. */
export const MAX_PNG_SIDE = 4000;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function fail(file: string, message: string): never {
  throw new PamphletError(message, { file }, 'usage');
}

/**
 * A PNG logo, checked: its signature and its size from the header first
 * (a 100,000 × 100,000 image is refused before a pixel is decoded), then
 * decoded whole with pngjs, every chunk's checksum checked, so that a file
 * cut short or damaged is one clear error here, never a broken PDF later.
 */
export function readPngLogo(file: string, bytes: Buffer): LogoImage {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE)) {
    fail(file, 'the logo is not a PNG file (its first bytes are not the PNG signature). Export it again as PNG, or name an SVG.');
  }
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') fail(file, 'the logo\'s PNG header (IHDR) is missing or damaged. Export it again as PNG.');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) fail(file, `the logo is ${width} × ${height} pixels: an image has pixels on each side. Export it again as PNG.`);
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    fail(file, `the logo is ${width} × ${height} pixels, more than the limit of ${MAX_PNG_SIDE} × ${MAX_PNG_SIDE}. Scale it down (600 px on the long side prints sharp at 300 dpi at the sizes used), or give an SVG.`);
  }
  try {
    PNG.sync.read(bytes, { checkCRC: true });
  } catch (error) {
    fail(file, `the logo is not a readable PNG (${String((error as Error).message).slice(0, 120)}): it may be cut short or damaged. Export it again as PNG.`);
  }
  return { kind: 'png', file, bytes, width, height };
}
