import { MarkupLogo } from '../document/parse-markup';
import { inLanguage } from '../facts/contact-label';
import { LanguageCode } from '../languages/language';
import { Logo } from './logo-image';

/** The logo a piece in one language prints for <logo/>: the image, with its alt text in that language (else the English one). */
export function markupLogo(logo: Logo | undefined, code: LanguageCode): MarkupLogo {
  return logo && { image: logo.image, alt: inLanguage(logo.alt, code) };
}
