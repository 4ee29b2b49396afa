import { createHash } from 'node:crypto';

/**
 * A short fingerprint of the English text a string was translated from, kept
 * in the translation's `sources` map (dotted key -> hash). When the English
 * changes, its hash no longer matches and the string needs review. Eight hex
 * digits of SHA-256: a file has about 100 strings, so a chance match is about
 * one in 40 million per edit, and the map stays short enough to read.
 */
export type SourceHash = string;

export const SOURCE_HASH_PATTERN = /^[0-9a-f]{8}$/;

export function sourceHash(englishText: string): SourceHash {
  // NFC, so that the same words typed by another editor hash the same.
  return createHash('sha256').update(englishText.normalize('NFC'), 'utf8').digest('hex').slice(0, 8);
}
