// The accelerator list in every format.
import type { GpuPreset } from '../presets/schema.js';
import { fmtNumber, fmtUsd } from './format.js';
import { fmtAge } from './warnings.js';
import { daysBetween } from '../core/dates.js';
import { type ListColumn, renderList } from './tables.js';
import type { Format } from './render.js';

interface GpuRow {
  id: string;
  name: string;
  vendor: string;
  year: number | null;
  bf16Tflops: number | null;
  fp16Tflops: number | null;
  fp8Tflops: number | null;
  memoryGB: number;
  usdPerGpuHour: number | null;
  priceId: string | null;
  priceKind: string | null;
  priceDate: string | null;
  priceSource: string | null;
  /** Days from the default price's date to today. */
  priceAgeDays: number | null;
  aliases: string[];
  /** The whole preset (every peak, power, purchase price and dated price, with sources), for scripts. */
  preset: GpuPreset;
}

function toRow(g: GpuPreset, today: string): GpuRow {
  const price = g.prices.find((p) => p.default) ?? null;
  return {
    id: g.id,
    name: g.name,
    vendor: g.vendor,
    year: g.year ?? null,
    bf16Tflops: g.peakTflops.bf16 ?? null,
    fp16Tflops: g.peakTflops.fp16 ?? null,
    fp8Tflops: g.peakTflops.fp8 ?? null,
    memoryGB: g.memoryGB,
    usdPerGpuHour: price?.usdPerHour ?? null,
    priceId: price?.id ?? null,
    priceKind: price?.kind ?? null,
    priceDate: price?.date ?? null,
    priceSource: price?.source ?? null,
    priceAgeDays: price ? daysBetween(price.date, today) : null,
    aliases: g.aliases,
    preset: g,
  };
}

const COLS: ListColumn<GpuRow>[] = [
  { header: 'id', text: (r) => r.id },
  { header: 'Name', text: (r) => r.name },
  {
    header: 'BF16 TFLOP/s',
    // V100 has no BF16: its FP16 rate, marked, rather than a blank.
    text: (r) => (r.bf16Tflops !== null ? fmtNumber(r.bf16Tflops) : r.fp16Tflops !== null ? `${fmtNumber(r.fp16Tflops)} (FP16)` : '-'),
    align: 'right',
  },
  { header: 'FP8 TFLOP/s', text: (r) => (r.fp8Tflops === null ? '-' : fmtNumber(r.fp8Tflops)), align: 'right', drop: 1 },
  { header: 'Memory GB', text: (r) => fmtNumber(r.memoryGB), align: 'right', drop: 2 },
  { header: '$/GPU-hour', text: (r) => (r.usdPerGpuHour === null ? '-' : fmtUsd(r.usdPerGpuHour)), align: 'right' },
  { header: 'Price', text: (r) => (r.priceId === null ? 'none known' : `${r.priceKind}, ${r.priceDate}`) },
  // Left out first in a narrow terminal (drop: the order, lowest first): the age follows from the price's date.
  { header: 'Age', text: (r) => (r.priceAgeDays === null ? '-' : fmtAge(r.priceAgeDays)), align: 'right', drop: 0 },
];

export function renderGpus(
  gpus: readonly GpuPreset[],
  format: Format,
  opts: { color: boolean; width?: number | undefined; today: string },
): string {
  const rows = [...gpus].sort((a, b) => a.id.localeCompare(b.id)).map((g) => toRow(g, opts.today));
  return renderList(rows, COLS, format, {
    ...opts,
    jsonKey: 'gpus',
    csvKeys: [
      'id',
      'name',
      'bf16Tflops',
      'fp16Tflops',
      'fp8Tflops',
      'memoryGB',
      'usdPerGpuHour',
      'priceId',
      'priceKind',
      'priceDate',
      'priceAgeDays',
    ],
    footer:
      "Peaks are dense (no sparsity). Price: the default price's kind and date; Age: how old it is today (a run picks the price of its date). All prices: train-cost gpus --format json; sources in presets/gpus/*.yaml.",
  });
}
