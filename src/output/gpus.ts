// The accelerator list in every format.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { GpuPreset } from '../presets/schema.js';
import { fmtNumber, fmtUsd } from './format.js';
import { stringifyStrict, SCHEMA_VERSION } from './json.js';
import type { Format } from './render.js';

interface GpuRow {
  id: string;
  name: string;
  vendor: string;
  year: number | null;
  bf16Tflops: number | null;
  fp8Tflops: number | null;
  memoryGB: number;
  usdPerGpuHour: number | null;
  priceId: string | null;
  priceKind: string | null;
  priceDate: string | null;
  aliases: string[];
}

function toRow(g: GpuPreset): GpuRow {
  const price = g.prices.find((p) => p.default) ?? null;
  return {
    id: g.id,
    name: g.name,
    vendor: g.vendor,
    year: g.year ?? null,
    bf16Tflops: g.peakTflops.bf16 ?? null,
    fp8Tflops: g.peakTflops.fp8 ?? null,
    memoryGB: g.memoryGB,
    usdPerGpuHour: price?.usdPerHour ?? null,
    priceId: price?.id ?? null,
    priceKind: price?.kind ?? null,
    priceDate: price?.date ?? null,
    aliases: g.aliases,
  };
}

const COLS: { header: string; key: keyof GpuRow; text: (r: GpuRow) => string }[] = [
  { header: 'id', key: 'id', text: (r) => r.id },
  { header: 'Name', key: 'name', text: (r) => r.name },
  { header: 'BF16 TFLOP/s', key: 'bf16Tflops', text: (r) => (r.bf16Tflops === null ? '-' : fmtNumber(r.bf16Tflops)) },
  { header: 'FP8 TFLOP/s', key: 'fp8Tflops', text: (r) => (r.fp8Tflops === null ? '-' : fmtNumber(r.fp8Tflops)) },
  { header: 'Memory GB', key: 'memoryGB', text: (r) => fmtNumber(r.memoryGB) },
  { header: '$/GPU-hour', key: 'usdPerGpuHour', text: (r) => (r.usdPerGpuHour === null ? '-' : fmtUsd(r.usdPerGpuHour)) },
  { header: 'Price', key: 'priceId', text: (r) => (r.priceId === null ? 'none known' : `${r.priceKind}, ${r.priceDate}`) },
];

export function renderGpus(gpus: readonly GpuPreset[], format: Format, opts: { color: boolean }): string {
  const rows = [...gpus].sort((a, b) => a.id.localeCompare(b.id)).map(toRow);
  switch (format) {
    case 'json':
      return `${stringifyStrict({ schemaVersion: SCHEMA_VERSION, gpus: rows }, 2)}\n`;
    case 'ndjson':
      return rows.map((r) => `${stringifyStrict(r)}\n`).join('');
    case 'csv': {
      const keys = COLS.map((c) => c.key).concat(['priceKind', 'priceDate']);
      const cell = (v: unknown) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
      return `${[keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n')}\n`;
    }
    case 'markdown':
      return `${[
        `| ${COLS.map((c) => c.header).join(' | ')} |`,
        `| ${COLS.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${COLS.map((c) => c.text(r)).join(' | ')} |`),
      ].join('\n')}\n`;
    case 'table': {
      const c = new Chalk({ level: opts.color ? 1 : 0 });
      const t = new Table({ head: COLS.map((col) => c.bold(col.header)), style: { head: [], border: [] } });
      for (const r of rows) t.push(COLS.map((col) => col.text(r)));
      return `${t.toString()}\nPeaks are dense (no sparsity). Prices: train-cost gpus --format json; sources in presets/gpus/*.yaml.\n`;
    }
  }
}
