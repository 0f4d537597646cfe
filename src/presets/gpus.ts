// Accelerator presets: loading (bundled, then user folders overriding by id), lookup by id or
// alias, and the choice of a price.
import { join } from 'node:path';
import type { Price } from '../core/types.js';
import { daysBetween } from '../core/dates.js';
import { type Cloud, epochCloudOf, pickByKind, pickEpochPrice, providerOf } from '../core/prices.js';
import { closest, InputError } from '../errors.js';
import { quote } from '../input/excerpt.js';
import { PRICE_KINDS, gpuSchema, type GpuPreset, priceSheetSchema } from './schema.js';
import { displayPath, readPresetFile, yamlFilesIn } from './load.js';

/**
 * Load gpus/*.yaml from each folder in order; a later folder's preset replaces an earlier one with
 * the same id. Then each folder's price sheets (prices/*.yaml) add their offers to the gpu they name.
 */
export function loadGpus(presetDirs: readonly string[]): GpuPreset[] {
  const byId = new Map<string, GpuPreset>();
  for (const dir of presetDirs) {
    for (const file of yamlFilesIn(join(dir, 'gpus'))) {
      const gpu = readPresetFile(file, gpuSchema);
      byId.set(gpu.id, gpu);
    }
  }
  const gpus = [...byId.values()];
  for (const dir of presetDirs) {
    for (const file of yamlFilesIn(join(dir, 'prices'))) {
      const sheet = readPresetFile(file, priceSheetSchema);
      let gpu: GpuPreset;
      try {
        gpu = findGpu(gpus, sheet.gpu);
      } catch (e) {
        throw e instanceof InputError ? new InputError(`${displayPath(file)}: gpu: ${e.message}`) : e;
      }
      const ids = new Set(gpu.prices.map((p) => p.id));
      for (const p of sheet.prices)
        if (ids.has(p.id)) throw new InputError(`${displayPath(file)}: price id "${p.id}" is already a price of ${gpu.id}`);
      // A new object: presets may be shared (the build's snapshot) and must not change under other callers.
      gpus[gpus.indexOf(gpu)] = { ...gpu, prices: [...gpu.prices, ...sheet.prices] };
    }
  }
  return gpus;
}

/** Find a preset by id or alias, case-insensitively; unknown names get a "did you mean". */
export function findGpu(gpus: readonly GpuPreset[], name: string): GpuPreset {
  const key = name.trim().toLowerCase();
  const hit = gpus.find((g) => g.id === key) ?? gpus.find((g) => g.aliases.includes(key));
  if (hit) return hit;
  const ids = gpus.map((g) => g.id);
  const suggestion = closest(key, [...ids, ...gpus.flatMap((g) => g.aliases)]);
  const canonical = suggestion === null ? null : (gpus.find((g) => g.id === suggestion || g.aliases.includes(suggestion))?.id ?? null);
  throw new InputError(
    `unknown gpu ${quote(name)}${canonical ? `; did you mean "${canonical}"?` : ''} (known: ${ids.join(', ')})`,
  );
}

export const PRICE_SOURCE_HINT = `${PRICE_KINDS.join(', ')}, epoch (Epoch AI's 3-year committed cloud rate; --cloud), default, or a price id of the gpu (see train-cost gpus)`;

export interface PriceChoice {
  price?: number | undefined;
  priceSource?: string | undefined;
  /** The run's date (training start): prices are picked as of it. */
  date: string;
  /** For the epoch convention: the hyperscaler, else from the organization. */
  cloud?: Cloud | undefined;
  organization?: string | undefined;
}

/**
 * The price of a run: an explicit USD/GPU-hour; or a preset price chosen by kind (the default
 * price's kind for "default") as of the run's date: the nearest at or before it, else the
 * nearest after; or by id; or Epoch AI's cloud convention.
 */
export function choosePrice(gpu: GpuPreset, opts: PriceChoice): Price {
  if (opts.price !== undefined) {
    return { usdPerGpuHour: opts.price, id: null, kind: null, date: null, ageDays: null, source: 'given with --price', citation: 'given with --price' };
  }
  if (gpu.prices.length === 0)
    throw new InputError(`${gpu.id} has no known price (no dated, sourced rate was found): give --price USD per GPU-hour`);
  const wanted = opts.priceSource?.trim().toLowerCase() ?? 'default';
  if (wanted === 'epoch') return epochPrice(gpu, opts);
  // "default": the default price's provider and kind, as of the run's date.
  const def = gpu.prices.find((p) => p.default)!;
  const kind = wanted === 'default' ? def.kind : wanted;
  if ((PRICE_KINDS as readonly string[]).includes(kind)) {
    const pool = wanted === 'default' ? gpu.prices.filter((p) => providerOf(p) === providerOf(def)) : gpu.prices;
    const hit = pickByKind(pool, kind, opts.date);
    if (hit === null) {
      const kinds = [...new Set(gpu.prices.map((p) => p.kind))].join(', ');
      throw new InputError(`${gpu.id} has no ${kind} price; it has: ${kinds} (or give --price USD)`);
    }
    const p = hit.price;
    return cited({ usdPerGpuHour: p.usdPerHour, id: p.id, kind: p.kind, date: p.date, ageDays: hit.ageDays, source: p.source });
  }
  const p = gpu.prices.find((q) => q.id === wanted);
  if (!p)
    throw new InputError(
      `unknown price source ${quote(opts.priceSource)} for ${gpu.id}; use ${PRICE_KINDS.join(', ')}, epoch, default, or one of: ${gpu.prices.map((q) => q.id).join(', ')}`,
    );
  return cited({ usdPerGpuHour: p.usdPerHour, id: p.id, kind: p.kind, date: p.date, ageDays: daysBetween(p.date, opts.date), source: p.source });
}

function epochPrice(gpu: GpuPreset, opts: PriceChoice): Price {
  const cloud = opts.cloud ?? epochCloudOf(opts.organization ?? null);
  const hit = pickEpochPrice(gpu.prices, cloud, opts.date);
  if (hit === null)
    throw new InputError(`${gpu.id} has no AWS, GCP or Azure price for the epoch convention; use --price-source ${[...new Set(gpu.prices.map((p) => p.kind))].join(', ')} or --price USD`);
  const p = hit.price;
  const how =
    hit.factor === 1
      ? `${hit.cloud} 3-year committed rate`
      : `${hit.cloud} ${p.kind} rate $${p.usdPerHour} x ${hit.factor.toFixed(4)} (Epoch AI's ${hit.cloud} committed-use discounts) = 3-year committed equivalent`;
  const vendorNote = hit.cloud === cloud ? '' : ` (no ${cloud} rate: Epoch AI falls back to another vendor)`;
  return cited({
    usdPerGpuHour: hit.usdPerHour,
    id: p.id,
    kind: 'committed-3y',
    date: p.date,
    ageDays: daysBetween(p.date, opts.date),
    source: `Epoch AI cloud convention: ${how}${vendorNote}, nearest the acquisition date ${hit.acquisitionDate} (training start - 60 days); ${p.source}`,
  });
}

/** A preset price with its citation for the rental cost component: "id, date: source". */
function cited(p: Omit<Price, 'citation'> & { id: string; date: string }): Price {
  return { ...p, citation: `${p.id}, ${p.date}: ${p.source}` };
}
