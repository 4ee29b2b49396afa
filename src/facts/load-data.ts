import * as path from 'node:path';
import { z } from 'zod';
import { PamphletError } from '../core/errors';
import { readJsonFile } from '../core/read-json';
import { Finding, findingFromError, hasErrors } from '../core/finding';
import { describeIssue } from '../core/schema-issue';
import { dateSchema } from './calendar-date';
import { plainText } from './plain-text';
import { encodeQr } from './qr-payload';
import { checkWebAddress } from './url-policy';
import { Logo } from '../logo/logo-image';

/** A string printed on the pamphlet or cited for it: not empty, no invisible characters. */
const text = () => plainText(z.string().min(1));

const sourceSchema = z.object({ title: text(), location: text() }).strict();

/** Currencies Intl can name in every language: "ZZZ" would print as "ZZZ". */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Counts and amounts are printed in full: beyond 2^53 a number loses its last digits. */
const printable = (schema: z.ZodNumber) => schema.nonnegative().max(Number.MAX_SAFE_INTEGER, `must be at most ${Number.MAX_SAFE_INTEGER}: a larger number loses its last digits`);

const quoted = {
  source: z.string().min(1),
  quote: text(),
  /** For a fact of law: the day it came into force, and the day it was repealed or replaced, where known. `check` refuses to print a law repealed before the edition. */
  inForce: dateSchema.optional(),
  repealed: dateSchema.optional(),
};
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as th');
const factSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('date'), value: dateSchema, ...quoted }).strict(),
  z.object({
    type: z.literal('amount'),
    value: printable(z.number()),
    currency: z.string().refine((code) => CURRENCIES.has(code), (code) => ({
      message: /^[A-Z]{3}$/.test(code) ? `an ISO 4217 currency code such as CAD or EUR; "${code}" is not one` : 'an ISO 4217 code such as CAD',
    })),
    ...quoted,
  }).strict(),
  z.object({ type: z.literal('count'), value: printable(z.number().int()), ...quoted }).strict(),
  z.object({
    type: z.literal('code'),
    value: text(),
    ...quoted,
    /** The name a language's readers know it by (LIPR for IRPA in French), each with its own source; other languages print `value`. */
    byLanguage: z.record(languageCode, z.object({ value: text(), source: z.string().min(1), quote: text() }).strict()).optional(),
  }).strict(),
]);

/**
 * A web address printed on the pamphlet; with `qr`, also encoded in its QR
 * code, which must scan at its printed size. Errors here; an http:// warning
 * once the file is read (see urlWarnings). One problem per address.
 */
const webAddress = (qr: boolean) => z.string().superRefine((value, ctx) => {
  const verdict = checkWebAddress(value);
  if (verdict?.severity === 'error') {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: verdict.message });
    return;
  }
  const encoded = qr ? encodeQr(value) : null;
  if (encoded && 'problem' in encoded) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `an address that fits the QR code; it is ${encoded.problem}. Use a shorter address` });
});

/** A text a contact prints: the same in every language, or one per language code (English the fallback). */
const perLanguage = (max: number) => z.union([plainText(z.string().min(1).max(max)), z.record(languageCode, plainText(z.string().min(1).max(max)))]);

/** What a contact prints: every field it has. */
const contactFields = {
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a plain identifier such as hotline'),
  /** Any common written form: "+66 (0) 2 646 4300", "1-833-900-1010", "613-996-8885 ext. 3". */
  phone: z.string().max(40).regex(/^\+?[0-9(][0-9 ()./-]*[0-9](\s*(ext\.?|x)\s*[0-9]{1,6})?$/, 'a phone number of digits, spaces, hyphens, dots and brackets, with an extension as "ext. 12"')
    .refine((phone) => /^[^()]*(\([^()]*\)[^()]*)*$/.test(phone), 'a phone number whose brackets come in pairs, as in +66 (0) 2 646 4300').optional(),
  email: z.string().email('an e-mail address such as name@example.org').optional(),
  url: webAddress(false).optional(),
  /** A street address, one string per printed line. */
  address: z.array(plainText(z.string().min(1).max(80))).min(1).max(6).optional(),
  /** Opening hours ("Mon-Fri 8:00-16:30"): one text, or one per language with English as the fallback. */
  hours: perLanguage(120).optional(),
  /** A short note ("collect calls accepted"): one text, or one per language with English as the fallback. */
  note: perLanguage(160).optional(),
  /** The contact's label in each language, by language code; English is the fallback. Without it, the translations' own label for its id. */
  label: z.record(languageCode, plainText(z.string().min(1).max(120))).optional(),
};

/**
 * Where a contact helps the reader, which decides where it prints: `abroad`,
 * before they leave (the Canadian embassy or consulate, a local office of
 * the International Organization for Migration), or in `canada`.
 */
export const CONTACT_GROUPS = ['abroad', 'canada'] as const;
export type ContactGroup = (typeof CONTACT_GROUPS)[number];
const group = z.enum(CONTACT_GROUPS);

/** A contact of the shared data: every value with its source. */
export const contactSchema = z.object({ ...contactFields, group, sources: z.array(z.string().min(1)).min(1) }).strict();

/** A contact of a mission's edition: the mission is its source; a new one helps the reader abroad unless it says otherwise. */
export const editionContactSchema = z.object({ ...contactFields, group: group.optional(), sources: z.array(z.string().min(1)).optional() }).strict();

/** A contact that prints nothing (a label over empty space) is an error: what it lacks. */
export function nothingPrintable(contact: { phone?: string; email?: string; url?: string; address?: string[] }): boolean {
  return !contact.phone && !contact.email && !contact.url && !contact.address;
}

const factsFileSchema = z.object({
  /** The date this edition of the facts was checked: the PDFs' creation date, so builds are reproducible. */
  edition: dateSchema,
  sources: z.record(sourceSchema),
  facts: z.record(factSchema),
}).strict();
const contactsFileSchema = z.object({
  contacts: z.array(contactSchema).min(1),
  /** The id of the contact whose number is the piece's key number: on the cover and at the foot of the inside panels. */
  keyContact: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'the id of one of the contacts, such as hotline'),
  moreInformation: z.object({ url: webAddress(true), sources: z.array(z.string().min(1)).min(1) }).strict(),
}).strict();

export type Fact = z.infer<typeof factSchema>;
/** A contact as the pieces print it: from the shared data, or a mission's edition (whose sources are the mission), its group settled. */
export type Contact = z.infer<typeof editionContactSchema> & { group: ContactGroup };
export type Source = z.infer<typeof sourceSchema>;

/** Facts and contacts, each value with its source: the only place numbers, dates, phones and URLs live. */
export interface PamphletData {
  /** Where the data was read from, for findings that point at it. */
  files: { facts: string; contacts: string };
  edition: string;
  sources: Record<string, Source>;
  facts: Record<string, Fact>;
  contacts: Contact[];
  /** The id of the contact whose number is the key number: on the cover and at the foot of the inside panels. */
  keyContact: string;
  moreInformation: { url: string; sources: string[] };
  /** A mission's logo, from its edition (src/edition/edition.ts); none in the shared data. */
  logo?: Logo;
  /** The mission whose edition this is, by its name (src/edition/edition.ts), for the PDF's metadata; none in the shared data. */
  mission?: string;
}

/** Parses one file against its schema, every problem a finding. */
function parse<T>(schema: z.ZodType<T>, file: string, dir: string, findings: Finding[]): T | null {
  let json: unknown;
  try {
    // Within the data folder: a link to a file elsewhere is refused, as for translations.
    json = readJsonFile(file, {}, { within: dir });
  } catch (error) {
    if (!(error instanceof PamphletError) || error.kind === 'usage') throw error;
    findings.push(findingFromError(error, 'data'));
    return null;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const { field, message } = describeIssue(issue);
    findings.push({ check: 'data', severity: 'error', file, key: field, message });
  }
  return null;
}

/** The warnings about printed addresses that work but should not be printed as they are (http://). */
function urlWarnings(contacts: z.infer<typeof contactsFileSchema>, file: string): Finding[] {
  const addresses: [string, string | undefined][] = [
    ...contacts.contacts.map((contact, i): [string, string | undefined] => [`contacts.${i}.url`, contact.url]),
    ['moreInformation.url', contacts.moreInformation.url],
  ];
  return addresses.flatMap(([key, url]) => {
    const verdict = url === undefined ? null : checkWebAddress(url);
    return verdict?.severity === 'warning' ? [{ check: 'data' as const, severity: 'warning' as const, file, key, message: verdict.message }] : [];
  });
}

/**
 * A fact of law is printed as the law stands on the edition date: one
 * repealed by then, or not yet in force, must not be stated (the source page
 * of 2004 names an offence repealed in 2014).
 */
function lawAsOf(fact: Fact, edition: string, file: string, key: string): Finding[] {
  const error = (field: string, message: string): Finding[] => [{ check: 'data', severity: 'error', file, key: `${key}.${field}`, message }];
  if (fact.repealed && fact.inForce && fact.repealed <= fact.inForce) return error('repealed', `is ${fact.repealed}, not after the day it came into force (${fact.inForce}). Fix one of the dates.`);
  if (fact.repealed && fact.repealed <= edition) return error('repealed', `this law was repealed on ${fact.repealed}, before the edition date ${edition}: a pamphlet printed now must not state it. Remove the fact and the text that prints it, or state the law that replaced it.`);
  if (fact.inForce && fact.inForce > edition) return error('inForce', `this law comes into force on ${fact.inForce}, after the edition date ${edition}: the pamphlet would state a law not yet in force. Print it in a later edition.`);
  return [];
}

/**
 * Reads facts.json and contacts.json from `dir`, collecting every schema
 * problem and every citation of an unknown source as a finding.
 */
export function readData(dir: string): { data: PamphletData | null; findings: Finding[] } {
  const factsFile = path.join(dir, 'facts.json');
  const contactsFile = path.join(dir, 'contacts.json');
  const findings: Finding[] = [];
  const facts = parse(factsFileSchema, factsFile, dir, findings);
  const contacts = parse(contactsFileSchema, contactsFile, dir, findings);
  if (contacts) findings.push(...urlWarnings(contacts, contactsFile));
  if (!facts || !contacts) return { data: null, findings };
  const error = (file: string, key: string, message: string) => findings.push({ check: 'data', severity: 'error', file, key, message });
  const checkSource = (file: string, field: string, id: string) => {
    if (!facts.sources[id]) {
      error(file, field, `cites the source "${id}", which is not under "sources" in ${factsFile}. Add the source (title and location) or fix the name.`);
    }
  };
  for (const [name, fact] of Object.entries(facts.facts)) {
    checkSource(factsFile, `facts.${name}.source`, fact.source);
    if (fact.type === 'code') for (const [code, own] of Object.entries(fact.byLanguage ?? {})) checkSource(factsFile, `facts.${name}.byLanguage.${code}.source`, own.source);
    findings.push(...lawAsOf(fact, facts.edition, factsFile, `facts.${name}`));
  }
  contacts.contacts.forEach((contact, i) => {
    contact.sources.forEach((id, j) => checkSource(contactsFile, `contacts.${i}.sources.${j}`, id));
    if (nothingPrintable(contact)) {
      error(contactsFile, `contacts.${i}`, `the contact "${contact.id}" has no phone, email, url or address. Add one, or remove the contact.`);
    }
  });
  const ids = contacts.contacts.map((c) => c.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) error(contactsFile, `contacts.${i}.id`, `the id "${id}" is used twice. Each contact needs its own id.`);
  });
  contacts.moreInformation.sources.forEach((id, j) => checkSource(contactsFile, `moreInformation.sources.${j}`, id));
  const key = contacts.contacts.find((c) => c.id === contacts.keyContact);
  if (!key?.phone) error(contactsFile, 'keyContact', key ? `names "${key.id}", which has no phone: the key number is a number to call. Name a contact with a phone.` : `names "${contacts.keyContact}", which is not a contact. Use one of: ${ids.join(', ')}.`);
  if (hasErrors(findings)) return { data: null, findings };
  return {
    data: {
      files: { facts: factsFile, contacts: contactsFile },
      edition: facts.edition, sources: facts.sources, facts: facts.facts, contacts: contacts.contacts, keyContact: contacts.keyContact, moreInformation: contacts.moreInformation },
    findings,
  };
}

/** Reads the data, or throws the first problem: for callers that cannot go on without it. */
export function loadData(dir: string): PamphletData {
  const { data, findings } = readData(dir);
  if (!data) {
    const first = findings.find((f) => f.severity === 'error')!;
    throw new PamphletError(first.message, { file: first.file, key: first.key });
  }
  return data;
}
