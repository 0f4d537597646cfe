// Price catalogs -> price sheets: SkyPilot's catalog CSVs (skypilot-org/skypilot-catalog,
// catalogs/vN/<cloud>/vms.csv: InstanceType, AcceleratorName, AcceleratorCount, Region, Price,
// SpotPrice, ...) and gpuhunt's (dstackai/gpuhunt, one CSV per provider: instance_name, location,
// price, cpu, memory, gpu_count, gpu_name, gpu_memory, spot, ...). Pure: text in, sheets out.
import { InputError } from '../errors.js';
import type { GpuPreset, OfferPreset, PriceSheet } from './schema.js';
import { parseCsv } from '../input/csv.js';

export type CatalogFormat = 'skypilot' | 'gpuhunt';

const SKYPILOT_REQUIRED = ['InstanceType', 'AcceleratorName', 'AcceleratorCount', 'Region', 'Price', 'SpotPrice'];
const GPUHUNT_REQUIRED = ['instance_name', 'location', 'price', 'gpu_count', 'gpu_name', 'spot'];

/** One instance offer, per instance (not yet per GPU). */
interface Row {
  line: number;
  instanceType: string;
  accelerator: string;
  count: number;
  memoryGB: number | null;
  region: string;
  usdPerHour: number;
  spot: boolean;
}

/** Which catalog a header is, or null. */
export function catalogFormatOf(header: readonly string[]): CatalogFormat | null {
  if (SKYPILOT_REQUIRED.every((c) => header.includes(c))) return 'skypilot';
  if (GPUHUNT_REQUIRED.every((c) => header.includes(c))) return 'gpuhunt';
  return null;
}

function rowsOf(text: string, file: string): { format: CatalogFormat; rows: Row[] } {
  const table = parseCsv(text)
    .map((r) => r.cells)
    .filter((r) => !(r.length === 1 && r[0] === ''));
  const header = table[0]?.map((h) => h.trim()) ?? [];
  const format = catalogFormatOf(header);
  if (format === null)
    throw new InputError(
      `${file}: not a SkyPilot or gpuhunt catalog: a SkyPilot vms.csv needs the columns ${SKYPILOT_REQUIRED.join(', ')}; a gpuhunt CSV ${GPUHUNT_REQUIRED.join(', ')}`,
    );
  const col = (name: string) => header.indexOf(name);
  const num = (cells: string[], name: string): number | null => {
    const i = col(name);
    const v = i < 0 ? '' : (cells[i] ?? '').trim();
    const n = v === '' ? NaN : Number(v);
    return Number.isFinite(n) ? n : null;
  };
  const str = (cells: string[], name: string) => (cells[col(name)] ?? '').trim();
  const rows: Row[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (format === 'skypilot') {
      const base = { line, instanceType: str(cells, 'InstanceType'), accelerator: str(cells, 'AcceleratorName'), region: str(cells, 'Region'), memoryGB: null };
      const count = num(cells, 'AcceleratorCount');
      if (base.accelerator === '' || count === null || count <= 0) return;
      // SkyPilot lists one row per zone (or region) with both prices; either may be empty.
      const price = num(cells, 'Price');
      const spot = num(cells, 'SpotPrice');
      if (price !== null && price > 0) rows.push({ ...base, count, usdPerHour: price, spot: false });
      if (spot !== null && spot > 0) rows.push({ ...base, count, usdPerHour: spot, spot: true });
    } else {
      const count = num(cells, 'gpu_count');
      const price = num(cells, 'price');
      const accelerator = str(cells, 'gpu_name');
      if (accelerator === '' || count === null || count <= 0 || price === null || price <= 0) return;
      rows.push({
        line,
        instanceType: str(cells, 'instance_name'),
        accelerator,
        count,
        memoryGB: num(cells, 'gpu_memory'),
        region: str(cells, 'location'),
        usdPerHour: price,
        spot: str(cells, 'spot').toLowerCase() === 'true',
      });
    }
  });
  return { format, rows };
}

/**
 * The bundled id of a catalog's accelerator name, or null. SkyPilot's "A100" is the 40 GB part and
 * "A100-80GB" the 80 GB one; gpuhunt says "A100" for both and gives the memory. Other names are
 * looked up as ids or aliases of the presets ("H100" -> h100, "H100-MEGA" -> h100, "L40S" -> l40s).
 */
export function mapAccelerator(name: string, memoryGB: number | null, gpus: readonly GpuPreset[]): string | null {
  const key = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const explicit: Record<string, string> = { a100: memoryGB !== null && memoryGB >= 60 ? 'a100' : 'a100-40gb', 'h100-mega': 'h100', 'a100-80gb': 'a100' };
  const wanted = explicit[key] ?? key;
  const hit = gpus.find((g) => g.id === wanted) ?? gpus.find((g) => g.aliases.includes(wanted));
  return hit?.id ?? null;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');

export interface ImportResult {
  format: CatalogFormat;
  sheets: PriceSheet[];
  /** Accelerator names with no bundled id, with how many rows each had. */
  unmapped: { name: string; rows: number }[];
}

/**
 * Price sheets from a catalog: per GPU the price per GPU-hour (instance price / GPU count), one
 * offer per provider, region, instance type and spot-or-not (the cheapest of its zones).
 * Kinds: on-demand for the list price; spot offers take kind `marketplace` (interruptible, market-set)
 * until a `spot` kind exists, and say spot in their id and `spot: true`.
 */
export function importCatalog(
  text: string,
  opts: { file: string; provider: string; date: string; gpus: readonly GpuPreset[] },
): ImportResult {
  const { format, rows } = rowsOf(text, opts.file);
  const provider = slug(opts.provider);
  const cheapest = new Map<string, { gpu: string; offer: OfferPreset }>();
  const unmapped = new Map<string, number>();
  for (const r of rows) {
    const gpu = mapAccelerator(r.accelerator, r.memoryGB, opts.gpus);
    if (gpu === null) {
      unmapped.set(r.accelerator, (unmapped.get(r.accelerator) ?? 0) + 1);
      continue;
    }
    const usdPerHour = r.usdPerHour / r.count;
    const id = `${provider}-${slug(r.region)}-${slug(r.instanceType)}-${r.spot ? 'spot' : 'on-demand'}-${opts.date}`;
    const seen = cheapest.get(id);
    if (seen !== undefined && seen.offer.usdPerHour <= usdPerHour) continue;
    cheapest.set(id, {
      gpu,
      offer: {
        id,
        kind: r.spot ? 'marketplace' : 'on-demand',
        usdPerHour,
        date: opts.date,
        source: `${format === 'skypilot' ? 'SkyPilot catalog' : 'gpuhunt catalog'} ${opts.file}, line ${r.line}: ${r.instanceType} ${r.spot ? 'spot' : 'on-demand'} $${r.usdPerHour}/h for ${r.count} GPU${r.count === 1 ? '' : 's'}; imported ${opts.date}`,
        provider,
        region: r.region,
        instanceType: r.instanceType,
        spot: r.spot,
      },
    });
  }
  const byGpu = new Map<string, OfferPreset[]>();
  for (const { gpu, offer } of cheapest.values()) byGpu.set(gpu, [...(byGpu.get(gpu) ?? []), offer]);
  const sheets = [...byGpu.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([gpu, prices]) => ({
      gpu,
      provider,
      source: `${format === 'skypilot' ? 'SkyPilot' : 'gpuhunt'} catalog ${opts.file}`,
      imported: opts.date,
      prices: prices.sort((a, b) => a.usdPerHour - b.usdPerHour || a.id.localeCompare(b.id)),
    }));
  return {
    format,
    sheets,
    unmapped: [...unmapped.entries()].map(([name, n]) => ({ name, rows: n })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
