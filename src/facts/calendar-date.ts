import { z } from 'zod';

/** A day written YYYY-MM-DD, as midnight UTC; null unless it is a day of the calendar (no 2002-13-01, no 2002-02-30). */
export function calendarDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC reads years 0-99 as 1900-1999: set the year on its own.
  date.setUTCFullYear(year, month - 1, day);
  // Date rolls an impossible day over (30 February becomes 2 March): a real day reads back the same.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** A date field of the data: its message follows "must be" (see describeIssue). */
export const dateSchema = z.string().refine((value) => calendarDate(value) !== null, (value) => ({
  message: /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `a day of the calendar written YYYY-MM-DD: "${value}" has no such ${/^\d{4}-(0[1-9]|1[0-2])-/.test(value) ? 'day in its month' : 'month'}`
    : 'a date written YYYY-MM-DD',
}));
