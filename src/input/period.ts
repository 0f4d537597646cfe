// A length of time given by the user ("90d", "6m", "1.5y"): --max-price-age and --staff-period.
import { HOURS_PER_YEAR } from '../core/ownership.js';

/** Hours per unit: a month is a twelfth of a year of 365.25 days. */
const HOURS_PER: Record<string, number> = { h: 1, d: 24, w: 24 * 7, m: HOURS_PER_YEAR / 12, y: HOURS_PER_YEAR };

/** "6m" -> hours, in one of `units` ("dmy"); null when the text is no such period. */
export function periodHours(text: string, units: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z])\s*$/i.exec(text);
  const unit = m?.[2]!.toLowerCase();
  if (m === null || unit === undefined || !units.includes(unit)) return null;
  return Number(m[1]) * HOURS_PER[unit]!;
}
