// The date of a run that gives none, for the command line and the library alike.
import { parseDate } from './date.js';

/**
 * Today's date, YYYY-MM-DD (UTC): the date of a run that gives none. TRAIN_COST_TODAY fixes it
 * (reproducible outputs: golden files, CI), as SOURCE_DATE_EPOCH does for builds.
 */
export function today(env: Readonly<Record<string, string | undefined>>): string {
  const fixed = env.TRAIN_COST_TODAY;
  if (fixed !== undefined && fixed !== '') return parseDate(fixed, 'TRAIN_COST_TODAY', { day: true });
  return new Date().toISOString().slice(0, 10);
}
