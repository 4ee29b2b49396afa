import { Contact } from './load-data';
import { LanguageCode, SOURCE_LANGUAGE } from '../languages/language';

/** A contact's text in a language: the same for all, or its own in that language, else the English one; null when there is none. */
export function inLanguage(value: string | Record<string, string> | undefined, code: LanguageCode): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  return (Object.hasOwn(value, code) ? value[code] : value[SOURCE_LANGUAGE]) ?? null;
}

/** The label a contact prints in a language; null when it has none of its own (the translations' label serves). */
export function contactLabel(contact: Contact, code: LanguageCode): string | null {
  return inLanguage(contact.label, code);
}
