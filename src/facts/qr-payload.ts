// The encoder alone: the package's entry loads its renderers too, PNG's with pngjs, for nothing (issue 12).
import * as QRCode from 'qrcode/lib/core/qrcode';
import { toMm } from '../core/units';
import { SMALLEST_QR } from '../theme/theme';

/** Error correction M: about 15% of the code may be smudged or folded and it still scans. */
const QR_ERROR_CORRECTION = 'M';

/**
 * The smallest module (one square) a phone reliably reads on paper: GS1's
 * General Specifications ask for at least 0.396 mm for QR codes scanned in
 * shops, and a pamphlet printed on an office printer is no better than a label.
 */
const MIN_MODULE_MM = 0.396;

/**
 * The largest QR version that still prints legibly: a version-v code is
 * 17 + 4v modules wide, and no theme may print the code smaller than
 * SMALLEST_QR (51 pt, 18 mm: version 7, 45 modules, up to 122 bytes of URL
 * at level M), even shrunk with the type.
 */
export const MAX_QR_VERSION = Math.floor((Math.floor(toMm(SMALLEST_QR) / MIN_MODULE_MM) - 17) / 4);

type QrCode = ReturnType<typeof QRCode.create>;

type Encoded = { code: QrCode } | { problem: string };

/**
 * Each value is encoded once per process: the data check and every PDF that
 * prints it ask for the same code (QRCode.create tries all eight masks, some
 * 6 ms a code, issue 12). Nothing changes a code once made. Bounded, as the
 * values come from the data files.
 */
const encoded = new Map<string, Encoded>();
const MAX_REMEMBERED = 256;

/** The QR code of `value`, or why it cannot be printed (a phrase that follows "it is"). */
export function encodeQr(value: string): Encoded {
  let result = encoded.get(value);
  if (result === undefined) {
    result = encode(value);
    if (encoded.size < MAX_REMEMBERED) encoded.set(value, result);
  }
  return result;
}

function encode(value: string): Encoded {
  let code: QrCode;
  try {
    code = QRCode.create(value, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  } catch {
    // The library's only failures are an empty value and one beyond the largest code (version 40).
    return { problem: value.length === 0 ? 'empty' : `too long for any QR code (${Buffer.byteLength(value)} bytes)` };
  }
  if (code.version > MAX_QR_VERSION) {
    return { problem: `too long for a QR code that scans at the size it is printed (it needs version ${code.version}; version ${MAX_QR_VERSION}, about ${maxBytes()} bytes, is the densest that prints legibly)` };
  }
  return { code };
}

let capacity: number | undefined;

/** How many bytes of a URL the densest legible code holds, for the message: found once, by trying. */
function maxBytes(): number {
  if (capacity === undefined) {
    let n = 0;
    while (QRCode.create('a'.repeat(n + 1), { errorCorrectionLevel: QR_ERROR_CORRECTION }).version <= MAX_QR_VERSION) n++;
    capacity = n;
  }
  return capacity;
}
