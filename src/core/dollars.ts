// Dollar years: figures are nominal (each in the dollars of its price's date) unless converted
// to one year's dollars with a price index, as Epoch AI does with the US producer price index
// for data processing services (PCU518210518210).

export interface PriceIndex {
  series: string;
  source: string;
  /** Monthly values, by "YYYY-MM", in date order. */
  months: readonly { month: string; value: number }[];
}

/** The index of a year: the mean of its months in the series; null when it has none. */
export function yearIndex(index: PriceIndex, year: number): number | null {
  const of = index.months.filter((m) => m.month.startsWith(`${year}-`));
  return of.length === 0 ? null : of.reduce((a, m) => a + m.value, 0) / of.length;
}

/**
 * The index at a date: the month's value for "YYYY-MM(-DD)", the year's mean for "YYYY"; dates
 * after the series take its last month, before it its first (see `indexCoverage`).
 */
export function dateIndex(index: PriceIndex, date: string): number {
  const first = index.months[0]!;
  const last = index.months[index.months.length - 1]!;
  if (date.length === 4) {
    const y = yearIndex(index, Number(date));
    if (y !== null) return y;
  }
  const month = date.length === 4 ? `${date}-01` : date.slice(0, 7);
  if (month < first.month) return first.value;
  if (month > last.month) return last.value;
  return index.months.find((m) => m.month === month)?.value ?? last.value;
}

/** The factor turning dollars of `fromDate` into dollars of `year` (year's mean / the date's index). */
export function dollarFactor(index: PriceIndex, fromDate: string, year: number): number {
  const to = yearIndex(index, year);
  if (to === null) throw new RangeError(`${index.series} has no values for ${year}`);
  return to / dateIndex(index, fromDate);
}

/** The years a series can convert to. */
export function indexYears(index: PriceIndex): [number, number] {
  return [Number(index.months[0]!.month.slice(0, 4)), Number(index.months[index.months.length - 1]!.month.slice(0, 4))];
}

/** What figures are converted to: a year and the index that converts them; null for nominal dollars. */
export interface DollarBasis {
  year: number;
  index: PriceIndex;
}
