import * as path from 'node:path';
import { z } from 'zod';
import { PamphletError } from '../core/errors';
import { readJsonFile } from '../core/read-json';
import { Finding, findingFromError } from '../core/finding';
import { describeIssue } from '../core/schema-issue';

const sourceSchema = z.object({ title: z.string().min(1), location: z.string().min(1) }).strict();

const quoted = { source: z.string().min(1), quote: z.string().min(1) };
const factSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('date'), value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'), ...quoted }).strict(),
  z.object({ type: z.literal('amount'), value: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CAD'), ...quoted }).strict(),
  z.object({ type: z.literal('count'), value: z.number().int().nonnegative(), ...quoted }).strict(),
  z.object({ type: z.literal('code'), value: z.string().min(1), ...quoted }).strict(),
]);

const contactSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a plain identifier such as hotline'),
  phone: z.string().regex(/^\+?[0-9][0-9 -]*[0-9]$/, 'a phone number of digits, spaces and hyphens').optional(),
  email: z.string().email('an e-mail address such as name@example.org').optional(),
  url: z.string().url('a full web address starting with https://').optional(),
  sources: z.array(z.string().min(1)).min(1),
}).strict();

const factsFileSchema = z.object({
  /** The date this edition of the facts was checked: the PDFs' creation date, so builds are reproducible. */
  edition: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
  sources: z.record(sourceSchema),
  facts: z.record(factSchema),
}).strict();
const contactsFileSchema = z.object({
  contacts: z.array(contactSchema).min(1),
  moreInformation: z.object({ url: z.string().url('a full web address starting with https://'), sources: z.array(z.string().min(1)).min(1) }).strict(),
}).strict();

export type Fact = z.infer<typeof factSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Source = z.infer<typeof sourceSchema>;

/** Facts and contacts, each value with its source: the only place numbers, dates, phones and URLs live. */
export interface PamphletData {
  /** Where the data was read from, for findings that point at it. */
  files: { facts: string; contacts: string };
  edition: string;
  sources: Record<string, Source>;
  facts: Record<string, Fact>;
  contacts: Contact[];
  moreInformation: { url: string; sources: string[] };
}

/** Parses one file against its schema, every problem a finding. */
function parse<T>(schema: z.ZodType<T>, file: string, findings: Finding[]): T | null {
  let json: unknown;
  try {
    json = readJsonFile(file);
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

/**
 * Reads facts.json and contacts.json from `dir`, collecting every schema
 * problem and every citation of an unknown source as a finding.
 */
export function readData(dir: string): { data: PamphletData | null; findings: Finding[] } {
  const factsFile = path.join(dir, 'facts.json');
  const contactsFile = path.join(dir, 'contacts.json');
  const findings: Finding[] = [];
  const facts = parse(factsFileSchema, factsFile, findings);
  const contacts = parse(contactsFileSchema, contactsFile, findings);
  if (!facts || !contacts) return { data: null, findings };
  const error = (file: string, key: string, message: string) => findings.push({ check: 'data', severity: 'error', file, key, message });
  const checkSource = (file: string, field: string, id: string) => {
    if (!facts.sources[id]) {
      error(file, field, `cites the source "${id}", which is not under "sources" in ${factsFile}. Add the source (title and location) or fix the name.`);
    }
  };
  for (const [name, fact] of Object.entries(facts.facts)) checkSource(factsFile, `facts.${name}.source`, fact.source);
  contacts.contacts.forEach((contact, i) => {
    contact.sources.forEach((id, j) => checkSource(contactsFile, `contacts.${i}.sources.${j}`, id));
    if (!contact.phone && !contact.email && !contact.url) {
      error(contactsFile, `contacts.${i}`, `the contact "${contact.id}" has no phone, email or url. Add one, or remove the contact.`);
    }
  });
  const ids = contacts.contacts.map((c) => c.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) error(contactsFile, `contacts.${i}.id`, `the id "${id}" is used twice. Each contact needs its own id.`);
  });
  contacts.moreInformation.sources.forEach((id, j) => checkSource(contactsFile, `moreInformation.sources.${j}`, id));
  if (findings.length) return { data: null, findings };
  return {
    data: {
      files: { facts: factsFile, contacts: contactsFile },
      edition: facts.edition, sources: facts.sources, facts: facts.facts, contacts: contacts.contacts, moreInformation: contacts.moreInformation },
    findings,
  };
}

/** Reads the data, or throws the first problem: for callers that cannot go on without it. */
export function loadData(dir: string): PamphletData {
  const { data, findings } = readData(dir);
  if (!data) {
    const [first] = findings;
    throw new PamphletError(first.message, { file: first.file, key: first.key });
  }
  return data;
}
