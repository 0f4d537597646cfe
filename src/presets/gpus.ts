// Accelerator presets: loading (bundled, then user folders overriding by id), lookup by id or
// alias, and the choice of a price.
import { join } from 'node:path';
import type { Price } from '../core/types.js';
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

export const PRICE_SOURCE_HINT = `${PRICE_KINDS.join(', ')}, default, or a price id of the gpu (see train-cost gpus)`;

/**
 * The price of a run: an explicit USD/GPU-hour, or a preset price chosen by kind (the most
 * recent of that kind) or by id, or the preset's default.
 */
export function choosePrice(gpu: GpuPreset, opts: { price?: number | undefined; priceSource?: string | undefined }): Price {
  if (opts.price !== undefined) {
    return { usdPerGpuHour: opts.price, id: null, kind: null, date: null, source: 'given with --price' };
  }
  if (gpu.prices.length === 0)
    throw new InputError(`${gpu.id} has no known price (no dated, sourced rate was found): give --price USD per GPU-hour`);
  const wanted = opts.priceSource?.trim().toLowerCase() ?? 'default';
  let chosen;
  if (wanted === 'default') chosen = gpu.prices.find((p) => p.default);
  else if ((PRICE_KINDS as readonly string[]).includes(wanted)) {
    chosen = gpu.prices
      .filter((p) => p.kind === wanted)
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    if (!chosen) {
      const kinds = [...new Set(gpu.prices.map((p) => p.kind))].join(', ');
      throw new InputError(`${gpu.id} has no ${wanted} price; it has: ${kinds} (or give --price USD)`);
    }
  } else {
    chosen = gpu.prices.find((p) => p.id === wanted);
    if (!chosen)
      throw new InputError(
        `unknown price source ${quote(opts.priceSource)} for ${gpu.id}; use ${PRICE_KINDS.join(', ')}, default, or one of: ${gpu.prices.map((p) => p.id).join(', ')}`,
      );
  }
  const p = chosen!;
  return { usdPerGpuHour: p.usdPerHour, id: p.id, kind: p.kind, date: p.date, source: p.source };
}
