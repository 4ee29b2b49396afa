import * as path from 'node:path';
import { z } from 'zod';
import { PamphletError } from '../core/errors';
import { Finding } from '../core/finding';
import { readCheckedData } from '../core/read-checked-json';
import { Contact, editionContactSchema, nothingPrintable, PamphletData } from '../facts/load-data';
import { plainText } from '../facts/plain-text';
import { PAPER_NAMES } from '../imposition/paper';
import { loadLogo } from '../logo/load-logo';
import { Logo } from '../logo/logo-image';
import { LanguageCode, SOURCE_LANGUAGE } from '../languages/language';

/**
 * A mission's edition (editions/*.json): who it is for, the languages,
 * papers and formats it prints, and its own contacts, which add to the
 * shared ones or override one by its id. The facts always come from the
 * shared data, so an edition never goes stale when they change.
 */
const altText = plainText(z.string().min(1).max(250));

const editionSchema = z.object({
  _comment: z.string().optional(),
  /** The mission's name, as it prints. */
  name: plainText(z.string().min(1).max(120)),
  /** Each a language code (th), or two joined by + for a bilingual piece (th+en). */
  languages: z.array(z.string().regex(/^[a-z]{2,3}(\+[a-z]{2,3})?$/, 'a language code such as th, or two for a bilingual piece such as th+en')).min(1).max(20).optional(),
  papers: z.array(z.string().refine((p) => (PAPER_NAMES as readonly string[]).includes(p), `a paper: ${PAPER_NAMES.join(', ')}`)).min(1).optional(),
  formats: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a format name such as trifold')).min(1).optional(),
  contacts: z.array(editionContactSchema).max(12).default([]),
  /** Shared contacts this edition leaves out, by id (911 is no help to a reader abroad). */
  omit: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a contact id such as emergency')).max(12).default([]),
  /** The mission's logo: an SVG or PNG beside the edition file (src/logo/), with its alternative text; a bare file name is { "file": name }. */
  logo: z.preprocess((value) => (typeof value === 'string' ? { file: value } : value), z.object({
    file: z.string().min(1).max(200),
    /** What the logo shows, for a reader who cannot see it: one text, or one per language with English the fallback. */
    alt: z.union([altText, z.record(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as th'), altText)]).optional(),
  }).strict()).optional(),
}).strict();

export type Edition = Omit<z.infer<typeof editionSchema>, 'logo'> & { file: string; logo?: Logo };

/** Reads an edition file: strict JSON or YAML, bounded, inside its folder; every problem a usage error naming the file and the field. */
export function loadEdition(file: string): Edition {
  const edition = readCheckedData(file, editionSchema, 'usage');
  edition.contacts.forEach((contact, i) => {
    if (nothingPrintable(contact)) throw new PamphletError(`the contact "${contact.id}" has no phone, email, url or address: it would print a label over nothing. Add one, or remove the contact.`, { file, key: `contacts.${i}` }, 'usage');
    for (const field of ['label', 'hours', 'note'] as const) {
      const value = contact[field];
      if (value && typeof value !== 'string' && !Object.hasOwn(value, SOURCE_LANGUAGE)) {
        throw new PamphletError(`the contact "${contact.id}" has its ${field} by language but none in English ("${SOURCE_LANGUAGE}"), the one printed where a language has none. Add it.`, { file, key: `contacts.${i}.${field}` }, 'usage');
      }
    }
  });
  const ids = edition.contacts.map((c) => c.id);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) throw new PamphletError(`the id "${ids[twice]}" is used twice. Each contact needs its own id; to change a shared contact, give its id once.`, { file, key: `contacts.${twice}.id` }, 'usage');
  const { logo, ...rest } = edition;
  if (!logo) return { ...rest, file };
  if (logo.alt && typeof logo.alt !== 'string' && !Object.hasOwn(logo.alt, SOURCE_LANGUAGE)) {
    throw new PamphletError(`the logo has its alt text by language but none in English ("${SOURCE_LANGUAGE}"), the one used where a language has none. Add it.`, { file, key: 'logo.alt' }, 'usage');
  }
  return { ...rest, file, logo: { image: loadLogo(file, logo.file, 'logo.file'), alt: logo.alt } };
}

/** The shared data with the edition's contacts: a contact with a shared id replaces it, in its place; a new one comes after the shared ones; an omitted one goes. */
export function withEdition(data: PamphletData, edition: Edition | undefined): PamphletData {
  if (edition) data = { ...data, mission: edition.name };
  if (edition?.logo) data = { ...data, logo: edition.logo };
  if (!edition || (edition.contacts.length === 0 && edition.omit.length === 0)) return data;
  edition.omit.forEach((id, i) => {
    if (!data.contacts.some((c) => c.id === id)) {
      throw new PamphletError(`"omit" names the contact "${id}", which the shared data does not have. Use one of: ${data.contacts.map((c) => c.id).join(', ')}.`, { file: edition.file, key: `omit.${i}` }, 'usage');
    }
  });
  const keyOmitted = edition.omit.indexOf(data.keyContact);
  if (keyOmitted >= 0) throw new PamphletError(`"omit" leaves out "${data.keyContact}", the contact whose number is the key number on the cover and the inside panels (keyContact in ${data.files.contacts}). Keep it.`, { file: edition.file, key: `omit.${keyOmitted}` }, 'usage');
  const own = new Map(edition.contacts.map((c) => [c.id, c]));
  edition.contacts.forEach((contact, i) => {
    if (!contact.label && !data.contacts.some((c) => c.id === contact.id)) {
      throw new PamphletError(`the contact "${contact.id}" is the edition's own, so it needs its label: give "label" at least in English ({ "en": "…" }).`, { file: edition.file, key: `contacts.${i}.label` }, 'usage');
    }
  });
  // A contact that replaces a shared one keeps its group unless it names one; a new one helps the reader abroad.
  const contacts: Contact[] = data.contacts.filter((c) => !edition.omit.includes(c.id)).map((c) => {
    const replacement = own.get(c.id);
    return replacement ? { ...replacement, group: replacement.group ?? c.group } : c;
  });
  for (const contact of edition.contacts) if (!data.contacts.some((c) => c.id === contact.id)) contacts.push({ ...contact, group: contact.group ?? 'abroad' });
  return { ...data, contacts, files: { ...data.files, contacts: edition.file } };
}

/**
 * A contact's label, hours and note may be given per language: where a
 * language has none, the English one prints, and `check` says so. A contact
 * with no label at all takes the translations' own (help.contact.<id>).
 */
export function missingLabels(edition: Edition | undefined, code: LanguageCode, file: string): Finding[] {
  if (!edition) return [];
  const alt = edition.logo?.alt;
  const logo: Finding[] = alt && typeof alt !== 'string' && !Object.hasOwn(alt, code)
    ? [{ check: 'data', severity: 'warning', file: edition.file, language: code, key: `logo.alt.${code}`,
      message: `the logo has no alt text in this language; the English one is used. Add "${code}" to its alt (${path.basename(file)} needs no change).` }]
    : [];
  return [...logo, ...edition.contacts.flatMap((contact, i) => (['label', 'hours', 'note'] as const).flatMap((field) => {
    const value = contact[field];
    if (!value || typeof value === 'string' || Object.hasOwn(value, code)) return [];
    return [{ check: 'data' as const, severity: 'warning' as const, file: edition.file, language: code, key: `contacts.${i}.${field}.${code}`,
      message: `the contact "${contact.id}" has no ${field} in this language; the English one prints. Add "${code}" to its ${field} (${path.basename(file)} needs no change).` }];
  }))];
}
