/**
 * An error meant for the person running the tool: it names the file, the
 * language and the key where it can, and says what to do. The CLI prints its
 * message alone, never a stack trace.
 */
export type ErrorKind = 'usage' | 'content';

export interface ErrorPlace {
  file?: string;
  language?: string;
  key?: string;
}

export class PamphletError extends Error {
  readonly kind: ErrorKind;
  readonly place: ErrorPlace;
  /** The message without the place: what is wrong and what to do. */
  readonly detail: string;

  constructor(message: string, place: ErrorPlace = {}, kind: ErrorKind = 'content') {
    super(PamphletError.format(message, place));
    this.detail = message;
    this.name = 'PamphletError';
    this.kind = kind;
    this.place = place;
  }

  private static format(message: string, place: ErrorPlace): string {
    const where = [
      place.file,
      place.language && `language ${place.language}`,
      place.key && `key ${place.key}`,
    ].filter(Boolean);
    return where.length ? `${where.join(', ')}: ${message}` : message;
  }
}

/** Several problems at once, such as every panel that overflows; the message is the first one's. */
export class PamphletErrors extends PamphletError {
  constructor(readonly errors: PamphletError[]) {
    super(errors[0].detail + (errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''), errors[0].place, errors[0].kind);
  }
}

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
