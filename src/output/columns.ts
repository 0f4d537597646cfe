// The comparison columns, defined once: the table and Markdown use `text`, CSV uses `raw`.
import type { PhaseEstimate, RunEstimate } from '../core/types.js';
import { fmtCompact, fmtDuration, fmtExp, fmtHours, fmtNumber, fmtPercent, fmtRange, fmtRatio, fmtUsd, fmtUsdCompact } from './format.js';

export type Row = RunEstimate | PhaseEstimate;

export interface Column {
  header: string;
  /** CSV header: a stable machine name. */
  key: string;
  text: (row: Row, baseline: RunEstimate) => string;
  raw: (row: Row) => number | string | null;
  align?: 'left' | 'right';
}

const dash = '-';
const opt = <T>(v: T | null, f: (v: T) => string) => (v === null ? dash : f(v));
const hasRange = (r: Row) => r.range.gpuHours[0] !== r.range.gpuHours[1];

export const COLUMNS = {
  name: { header: 'Run', key: 'name', text: (r) => r.name, raw: (r) => r.name, align: 'left' },
  gpu: { header: 'GPU', key: 'gpu', text: (r) => r.gpu?.id ?? 'several', raw: (r) => r.gpu?.id ?? null, align: 'left' },
  chips: { header: 'Chips', key: 'chips', text: (r) => opt(r.chips, fmtNumber), raw: (r) => r.chips },
  wallClock: {
    header: 'Wall-clock',
    key: 'wallClockHours',
    text: (r) => opt(r.wallClockHours, fmtHours),
    raw: (r) => r.wallClockHours,
  },
  gpuHours: { header: 'GPU-hours', key: 'gpuHours', text: (r) => fmtNumber(r.gpuHours), raw: (r) => r.gpuHours },
  /** For narrow tables: the point and, when it has one, the range: "7.21M (5.44M - 10.5M)". */
  gpuHoursWithRange: {
    header: 'GPU-hours',
    key: 'gpuHours',
    text: (r) => fmtCompact(r.gpuHours) + (hasRange(r) ? ` (${fmtRange(r.range.gpuHours, fmtCompact)})` : ''),
    raw: (r) => r.gpuHours,
  },
  shortWallClock: { header: 'Wall-clock', key: 'wallClockHours', text: (r) => opt(r.wallClockHours, fmtDuration), raw: (r) => r.wallClockHours },
  price: { header: '$/GPU-h', key: 'usdPerGpuHour', text: (r) => fmtUsd(r.rental.usdPerGpuHour), raw: (r) => r.rental.usdPerGpuHour },
  cost: { header: 'Rental cost', key: 'rentalUsd', text: (r) => fmtUsd(r.rental.usd), raw: (r) => r.rental.usd },
  costWithRange: {
    header: 'Rental cost',
    key: 'rentalUsd',
    text: (r) => fmtUsdCompact(r.rental.usd) + (hasRange(r) ? ` (${fmtRange(r.range.usd, fmtUsdCompact)})` : ''),
    raw: (r) => r.rental.usd,
  },
  mfu: {
    header: 'MFU',
    key: 'mfu',
    text: (r) =>
      r.compute.mfu !== null
        ? fmtPercent(r.compute.mfu)
        : r.compute.impliedMfu !== null
          ? `${fmtPercent(r.compute.impliedMfu)} implied`
          : dash,
    raw: (r) => r.compute.mfu ?? r.compute.impliedMfu,
  },
  flop: { header: 'FLOP', key: 'flop', text: (r) => opt(r.compute.flop, fmtExp), raw: (r) => r.compute.flop },
  energy: { header: 'Energy (MWh)', key: 'kWh', text: (r) => opt(r.energy.kWh, (k) => fmtNumber(k / 1000)), raw: (r) => r.energy.kWh },
  co2: { header: 'CO2 (t)', key: 'co2Tonnes', text: (r) => opt(r.energy.co2Tonnes, fmtNumber), raw: (r) => r.energy.co2Tonnes },
  owned: { header: 'Owned cost', key: 'ownershipUsd', text: (r) => opt(r.ownership?.usd ?? null, fmtUsdCompact), raw: (r) => r.ownership?.usd ?? null },
  vsGpuHours: {
    header: 'GPU-h vs base',
    key: 'gpuHoursRatio',
    text: (r, b) => fmtRatio(r.gpuHours, b.gpuHours),
    raw: (r) => r.gpuHours,
  },
  vsCost: { header: 'Cost vs base', key: 'costRatio', text: (r, b) => fmtRatio(r.rental.usd, b.rental.usd), raw: (r) => r.rental.usd },
} satisfies Record<string, Column>;

/** The columns worth showing for these runs: ranges, MFU, energy only when some run has them. */
export function comparisonColumns(runs: readonly RunEstimate[]): Column[] {
  const rows: Row[] = [...runs, ...runs.flatMap((r) => r.phases)];
  const any = (f: (r: Row) => boolean) => rows.some(f);
  const c = COLUMNS;
  // Ranges sit beside their figure, so the table stays narrow enough for a terminal.
  const ranged = any(hasRange);
  return [
    c.name,
    c.gpu,
    c.chips,
    ranged ? c.shortWallClock : c.wallClock,
    ranged ? c.gpuHoursWithRange : c.gpuHours,
    ranged ? c.costWithRange : c.cost,
    ...(any((r) => r.compute.mfu !== null || r.compute.impliedMfu !== null) ? [c.mfu] : []),
    ...(any((r) => r.energy.co2Tonnes !== null) ? [c.co2] : []),
    ...(any((r) => r.ownership !== null) ? [c.owned] : []),
    ...(runs.length > 1 ? [c.vsGpuHours, c.vsCost] : []),
  ];
}
