// The date of a run that gives none, for the command line and the library alike.
import { isDate } from '../core/dates.js';
import { InputError } from '../errors.js';

/**
 * Today's date, YYYY-MM-DD (UTC): the date of a run that gives none. TRAIN_COST_TODAY fixes it
 * (reproducible outputs: golden files, CI), as SOURCE_DATE_EPOCH does for builds.
 */
export function today(env: Readonly<Record<string, string | undefined>>): string {
  const fixed = env.TRAIN_COST_TODAY;
  if (fixed !== undefined && fixed !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed) || !isDate(fixed))
      throw new InputError(`TRAIN_COST_TODAY must be a date YYYY-MM-DD, got "${fixed}"`);
    return fixed;
  }
  return new Date().toISOString().slice(0, 10);
}
