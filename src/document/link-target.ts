import { checkWebAddress } from '../facts/url-policy';

/** The longest phone number a tel: link may dial: E.164 has 15 digits; separators and an extension fit in 30. */
const MAX_PHONE = 30;

/**
 * Whether `href` may become a clickable link in the PDF: a phone to dial
 * (tel:), an e-mail address (mailto:) or a web page (https:). A template is
 * input from outside the team, so anything else (javascript:, file:, a
 * launch of a program) is refused. Returns what is wrong, or null.
 */
export function linkTargetProblem(href: string): string | null {
  if (href.startsWith('tel:')) {
    return /^tel:\+?[0-9][0-9-]*$/.test(href) && href.length <= MAX_PHONE + 4 ? null : `"${href.slice(0, 40)}" is not a phone number to dial: write tel: and digits, an optional + first and hyphens between groups (tel:+1-613-996-8885)`;
  }
  if (href.startsWith('mailto:')) {
    return /^mailto:[^\s@<>"]{1,64}@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/.test(href) && href.length <= 127 ? null : `"${href.slice(0, 40)}" is not an e-mail address to write to (mailto:name@example.org)`;
  }
  const verdict = checkWebAddress(href);
  if (verdict?.severity === 'error') return `the link must be tel:, mailto: or ${verdict.message}`;
  return null;
}

/** A phone number as a tel: link: its digits, a leading + and the hyphens between groups (RFC 3966), spaces as hyphens. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[\u2066-\u2069]/g, '').trim().replace(/[\s.()]+/g, '-').replace(/[^0-9+-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return `tel:${digits}`;
}
