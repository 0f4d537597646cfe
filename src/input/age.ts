// How old a preset price may be before a run's date (--max-price-age), for the command line and
// the library alike.
import { InputError } from '../errors.js';

/** The default: a preset price more than a year older than the run's date is warned about. */
export const DEFAULT_MAX_PRICE_AGE = '12m';

/** "12m", "90d", "2y" or "none" -> days (a month is 30.44 days), or null for none. */
export function parseAge(text: string, flag: string): number | null {
  const v = text.trim().toLowerCase();
  if (v === 'none') return null;
  const m = /^(\d+(?:\.\d+)?)([dmy])$/.exec(v);
  if (m === null) throw new InputError(`invalid ${flag} "${text}": expected an age such as 12m, 90d, 2y, or none`);
  const n = Number(m[1]);
  return Math.round(m[2] === 'd' ? n : m[2] === 'm' ? n * 30.4375 : n * 365.25);
}
