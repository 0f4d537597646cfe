// A date given by the user (--date, the library's `date`): a training start as YYYY-MM or
// YYYY-MM-DD, or with `day` only YYYY-MM-DD (when a catalog was fetched).
import { isDate } from '../core/dates.js';
import { InputError } from '../errors.js';

/** The date as given, trimmed; InputError naming the flag and the forms it takes otherwise. */
export function parseDate(text: string, flag: string, opts: { day?: boolean } = {}): string {
  const v = text.trim();
  if (!(opts.day === true ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}(-\d{2})?$/).test(v) || !isDate(v))
    throw new InputError(
      `invalid ${flag} "${text}": expected a date ${opts.day === true ? 'YYYY-MM-DD, e.g. 2026-05-01' : 'YYYY-MM or YYYY-MM-DD, e.g. 2024-12 or 2024-12-26'}`,
    );
  return v;
}
