// Dates of runs and prices: calendar arithmetic on "YYYY", "YYYY-MM" and "YYYY-MM-DD" strings,
// the choice of a dated figure for a run's date, and hardware value over time (Epoch AI).

export const DAYS_PER_YEAR = 365.25;
const MS_PER_DAY = 86_400_000;

/** A date as days since 1970-01-01 (UTC); "YYYY-MM" is the 1st of the month, "YYYY" the 1st of January. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (m === null) throw new RangeError(`not a date: "${date}"`);
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / MS_PER_DAY;
}

/** Whether a string is a real calendar date in one of the three forms (2024-02-30 is not). */
export function isDate(date: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** "YYYY-MM-DD" of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` after `date` (before, when negative), as "YYYY-MM-DD". */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The figure for a date: the nearest at or before it, else the nearest after it. Ties (same
 * date) go to the first with `preferred` true, then to list order. Null for an empty list.
 * ageDays = date - the figure's date (negative when the figure is after the date).
 */
export function pickDated<T extends { date: string }>(
  items: readonly T[],
  date: string,
  preferred: (t: T) => boolean = () => false,
): { item: T; ageDays: number } | null {
  const at = dayNumber(date);
  // Earlier-or-same dates first (nearest first), then later dates (nearest first), then preferred.
  const keyOf = (item: T): [number, number, number] => {
    const d = dayNumber(item.date);
    return [d <= at ? 0 : 1, Math.abs(at - d), preferred(item) ? 0 : 1];
  };
  let best: { item: T; key: [number, number, number] } | null = null;
  for (const item of items) {
    const key = keyOf(item);
    if (
      best === null ||
      key[0] < best.key[0] ||
      (key[0] === best.key[0] && (key[1] < best.key[1] || (key[1] === best.key[1] && key[2] < best.key[2])))
    )
      best = { item, key };
  }
  return best === null ? null : { item: best.item, ageDays: at - dayNumber(best.item.date) };
}

/** Epoch AI (cost_analysis_standalone.py, ML_GPU_PRICE_PERFORMANCE_OOMS_PER_YEAR): GPU price-performance improves 0.14 orders of magnitude a year. */
export const DEPRECIATION_OOMS_PER_YEAR = 0.14;
/** Epoch AI (find_hardware_acquisition_price): hardware is first acquired no earlier than 90 days after its release. */
export const RELEASE_TO_ACQUISITION_DAYS = 90;

/**
 * The factor by which hardware bought on `from` has lost value by `to`: 10^(-0.14 x years)
 * (Epoch AI, depreciate_by_hardware_progress). 1 when `to` is not after `from` (a GPU cannot be
 * used before it was bought; Epoch then uses the purchase price as is).
 */
export function depreciationFactor(from: string, to: string, oomsPerYear = DEPRECIATION_OOMS_PER_YEAR): number {
  const years = daysBetween(from, to) / DAYS_PER_YEAR;
  return years <= 0 ? 1 : 10 ** (-oomsPerYear * years);
}
