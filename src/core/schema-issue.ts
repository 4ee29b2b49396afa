import { z } from 'zod';
import { keyPath, quoteKey } from './key-path';

/** A zod issue as a sentence naming the field. */
export function describeIssue(issue: z.ZodIssue): { field: string; message: string } {
  const field = keyPath(issue.path);
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return { field, message: 'this field is missing. Add it.' };
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map(quoteKey).join(', ');
    return { field: keyPath([...issue.path, issue.keys[0]]), message: `unknown field(s) ${keys}. Remove them or fix their names.` };
  }
  if (issue.code === 'invalid_type') return { field, message: `must be a ${issue.expected}, not a ${issue.received}.` };
  // A custom check may give a whole sentence (it says what is wrong and what to do) rather than what the value must be.
  if (issue.code === 'custom' && issue.params?.sentence) return { field, message: issue.message };
  if (issue.code === 'invalid_string' || issue.code === 'custom') return { field, message: `must be ${issue.message}.` };
  return { field, message: `${issue.message}.` };
}
