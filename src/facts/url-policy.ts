import { invisibleCharacter } from './plain-text';

/**
 * The longest web address printed on the pamphlet. A reader without a QR
 * scanner types it from paper, letter by letter: 120 characters is two lines
 * of a panel, longer than real deep links to a government page (50 to 110),
 * and any address of that length fits a QR code that scans (see qr-payload.ts).
 * A longer one should be replaced by a short link on the organisation's site.
 */
export const MAX_URL_LENGTH = 120;

export interface UrlVerdict {
  severity: 'error' | 'warning';
  /** For an error, a phrase that follows "must be" (see describeIssue); for a warning, a sentence. */
  message: string;
}

/**
 * What the pamphlet may print as a link or encode in a QR code: an https://
 * address of a named host, without credentials. http:// is a warning (it
 * works, but anyone on the reader's network can change the page);
 * javascript:, data:, file:, ftp: and any other scheme are errors.
 */
export function checkWebAddress(value: string): UrlVerdict | null {
  const error = (why: string): UrlVerdict => ({ severity: 'error', message: `a web address starting with https://, ${why}` });
  if (value.length > MAX_URL_LENGTH) return error(`at most ${MAX_URL_LENGTH} characters so that it can be typed from paper (this one has ${value.length}). Use a shorter address`);
  if (/\s/u.test(value)) return error('without spaces or line breaks');
  const invisible = invisibleCharacter(value);
  if (invisible) return error(`without invisible characters: remove ${invisible}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return error(`such as https://example.org ("${value}" is not a web address)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return error(`not a ${url.protocol} link, which a reader's phone would not open as a web page`);
  // The parser also reads "https:example.org"; what is printed must be what is meant.
  if (!value.toLowerCase().startsWith(`${url.protocol}//`)) return error(`written in full as ${url.protocol}//`);
  if (url.username || url.password) return error('without a user name or password (nothing before an @ in the address)');
  if (!url.hostname.includes('.')) return error(`with a public host name such as example.org, not "${url.hostname}"`);
  if (url.protocol === 'http:') {
    return { severity: 'warning', message: 'the address starts with http://, so the page can be changed on its way to the reader. Use https:// if the site offers it.' };
  }
  return null;
}
