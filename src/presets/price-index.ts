// The price index that converts figures to one year's dollars (presets/price-index/*.yaml):
// bundled, sourced, monthly. Only the bundled series is used (Epoch AI's PCU518210518210).
import { join } from 'node:path';
import { z } from 'zod';
import type { PriceIndex } from '../core/dollars.js';
import { indexYears } from '../core/dollars.js';
import { InputError } from '../errors.js';
import { bundledPresetsDir, readPresetFile } from './load.js';
import { lazy } from '../lazy.js';

export const priceIndexSchema = lazy(() =>
z.strictObject({
  series: z.string().min(1),
  name: z.string().min(1),
  source: z.string().min(3),
  months: z.record(z.string().regex(/^\d{4}-\d{2}$/, 'must be a month "YYYY-MM"'), z.number().positive().finite()),
}),
);

export const PRICE_INDEX_FILE = join('price-index', 'pcu518210518210.yaml');

export function loadPriceIndex(dir: string = bundledPresetsDir()): PriceIndex {
  const raw = readPresetFile(join(dir, PRICE_INDEX_FILE), priceIndexSchema);
  const months = Object.entries(raw.months)
    .map(([month, value]) => ({ month, value }))
    .sort((a, b) => a.month.localeCompare(b.month));
  return { series: raw.series, source: raw.source, months };
}

/** --dollar-year: a year the index has values for; one clear error otherwise. */
export function checkDollarYear(index: PriceIndex, year: number): void {
  const [first, last] = indexYears(index);
  if (!Number.isInteger(year) || year < first || year > last)
    throw new InputError(`--dollar-year ${year} is outside the bundled price index ${index.series} (${first} to ${last}; ${last} is the mean of its months to ${index.months[index.months.length - 1]!.month})`);
}
