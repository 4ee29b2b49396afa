/** The QR encoder of the qrcode package alone, without its renderers (their PNG one loads pngjs). */
declare module 'qrcode/lib/core/qrcode' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
}
