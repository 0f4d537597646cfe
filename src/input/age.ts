// How old a preset price may be before a run's date (--max-price-age), for the command line and
// the library alike.
import { InputError } from '../errors.js';
import { periodHours } from './period.js';

/** The default: a preset price more than a year older than the run's date is warned about. */
export const DEFAULT_MAX_PRICE_AGE = '12m';

/** "12m", "90d", "2y" or "none" -> days (a month is 30.44 days), or null for none. */
export function parseAge(text: string, flag: string): number | null {
  if (text.trim().toLowerCase() === 'none') return null;
  const hours = periodHours(text, 'dmy');
  if (hours === null) throw new InputError(`invalid ${flag} "${text}": expected an age such as 12m, 90d, 2y, or none`);
  return Math.round(hours / 24);
}
