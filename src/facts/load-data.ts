import * as path from 'node:path';
import { z } from 'zod';
import { PamphletError } from '../core/errors';
import { readJsonFile } from '../core/read-json';

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
  email: z.string().email().optional(),
  url: z.string().url().optional(),
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
  moreInformation: z.object({ url: z.string().url(), sources: z.array(z.string().min(1)).min(1) }).strict(),
}).strict();

export type Fact = z.infer<typeof factSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Source = z.infer<typeof sourceSchema>;

/** Facts and contacts, each value with its source: the only place numbers, dates, phones and URLs live. */
export interface PamphletData {
  edition: string;
  sources: Record<string, Source>;
  facts: Record<string, Fact>;
  contacts: Contact[];
  moreInformation: { url: string; sources: string[] };
}

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(readJsonFile(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PamphletError(`field "${issue.path.join('.')}": ${issue.message}.`, { file });
  }
  return parsed.data;
}

export function loadData(dir: string): PamphletData {
  const factsFile = path.join(dir, 'facts.json');
  const contactsFile = path.join(dir, 'contacts.json');
  const facts = parse(factsFileSchema, factsFile);
  const contacts = parse(contactsFileSchema, contactsFile);
  const checkSource = (file: string, field: string, id: string) => {
    if (!facts.sources[id]) {
      throw new PamphletError(`field "${field}" cites the source "${id}", which is not under "sources" in ${factsFile}. Add the source (title and location) or fix the name.`, { file });
    }
  };
  for (const [name, fact] of Object.entries(facts.facts)) checkSource(factsFile, `facts.${name}.source`, fact.source);
  contacts.contacts.forEach((contact, i) => {
    contact.sources.forEach((id, j) => checkSource(contactsFile, `contacts.${i}.sources.${j}`, id));
    if (!contact.phone && !contact.email && !contact.url) {
      throw new PamphletError(`field "contacts.${i}" (${contact.id}) has no phone, email or url.`, { file: contactsFile });
    }
  });
  contacts.moreInformation.sources.forEach((id, j) => checkSource(contactsFile, `moreInformation.sources.${j}`, id));
  return { edition: facts.edition, sources: facts.sources, facts: facts.facts, contacts: contacts.contacts, moreInformation: contacts.moreInformation };
}
