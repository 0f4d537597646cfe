// One accelerator's prices, cheapest first: the preset's own dated prices and the offers of
// imported price sheets (provider, region, instance, spot or on-demand), in every format.
import type { GpuPreset } from '../presets/schema.js';
import { fmtUsd } from './format.js';
import type { Format } from './render.js';
import { type ListColumn, renderList } from './tables.js';

interface OfferRow {
  id: string;
  kind: string;
  usdPerGpuHour: number;
  provider: string | null;
  region: string | null;
  instanceType: string | null;
  spot: boolean | null;
  date: string;
  default: boolean;
  source: string;
}

function toRows(gpu: GpuPreset): OfferRow[] {
  return gpu.prices
    .map((p) => {
      const o = p as typeof p & { provider?: string; region?: string; instanceType?: string; spot?: boolean };
      return {
        id: p.id,
        kind: p.kind,
        usdPerGpuHour: p.usdPerHour,
        provider: o.provider ?? null,
        region: o.region ?? null,
        instanceType: o.instanceType ?? null,
        spot: o.spot ?? null,
        date: p.date,
        default: p.default === true,
        source: p.source,
      };
    })
    .sort((a, b) => a.usdPerGpuHour - b.usdPerGpuHour || a.id.localeCompare(b.id));
}

// At 80 columns the table left out the instance, region and provider (blank for a preset's own
// prices) before it broke the price, kind, date and id across lines.
const COLS: ListColumn<OfferRow>[] = [
  { header: '$/GPU-hour', text: (r) => fmtUsd(r.usdPerGpuHour), align: 'right' },
  { header: 'Kind', text: (r) => (r.spot === true ? 'spot' : r.kind) + (r.default ? ' (default)' : '') },
  { header: 'Provider', text: (r) => r.provider ?? '-', drop: 2 },
  { header: 'Region', text: (r) => r.region ?? '-', drop: 1 },
  { header: 'Instance', text: (r) => r.instanceType ?? '-', drop: 0 },
  { header: 'Date', text: (r) => r.date },
  { header: 'Price id (--price-source)', text: (r) => r.id },
];

export function renderOffers(gpu: GpuPreset, format: Format, opts: { color: boolean; width?: number | undefined }): string {
  return renderList(toRows(gpu), COLS, format, {
    ...opts,
    jsonKey: 'prices',
    csvKeys: ['id', 'kind', 'usdPerGpuHour', 'provider', 'region', 'instanceType', 'spot', 'date', 'default', 'source'],
    footer: `${gpu.name} (${gpu.id}), cheapest first. Use one with --price-source <price id>; import catalogs with train-cost prices import.`,
  });
}
