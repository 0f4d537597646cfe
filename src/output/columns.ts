// The comparison columns, defined once: the table and Markdown use `text`, CSV uses `raw`.
import { type CostBasis, COST_BASES, COST_IDS, costOf, rangeOf, totalOf } from '../core/costs.js';
import type { PhaseEstimate, RunEstimate } from '../core/types.js';
import { BASIS_LABELS } from './costs.js';
import {
  fmtDuration,
  fmtExp,
  fmtHours,
  fmtNumber,
  fmtPercent,
  fmtRange,
  fmtRatio,
  fmtShort,
  fmtUsd,
  fmtUsdCompact,
  fmtUsdShort,
} from './format.js';

export type Row = RunEstimate | PhaseEstimate;

export interface Column {
  header: string;
  /** CSV header: a stable machine name. */
  key: string;
  text: (row: Row, baseline: RunEstimate) => string;
  raw: (row: Row) => number | string | null;
  /** The same figure in 3 significant digits ("7.21M", "$81.9K"), for a terminal too narrow for `text`. */
  compact?: (row: Row, baseline: RunEstimate) => string;
  align?: 'left' | 'right';
  /** A figure of a whole run (against the baseline, or as reported): a phase's row leaves it blank. */
  runOnly?: true;
}

/**
 * The order columns are left out of a terminal table too narrow for them, first to go first
 * (by Column.key). Run, GPU-hours, rental cost and cost vs baseline always stay; `--wide` shows all.
 */
export const DROP_ORDER: readonly string[] = [
  'co2Tonnes',
  'acquisitionUsd',
  'developmentUsd',
  'kWh',
  'flop',
  'gpuHoursRatio',
  'usdPerGpuHour',
  'mfu',
  'chips',
  'gpu',
  'ownershipUsd',
  'wallClockHours',
  'reported',
];

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
    compact: (r) => opt(r.wallClockHours, fmtDuration),
    raw: (r) => r.wallClockHours,
  },
  gpuHours: {
    header: 'GPU-hours',
    key: 'gpuHours',
    text: (r) => fmtNumber(r.gpuHours),
    compact: (r) => fmtShort(r.gpuHours),
    raw: (r) => r.gpuHours,
  },
  /** With ranges: the point and, when it has one, the range, 3 significant digits: "7.21M (5.44M - 10.5M)". */
  gpuHoursWithRange: {
    header: 'GPU-hours',
    key: 'gpuHours',
    text: (r) => fmtShort(r.gpuHours) + (hasRange(r) ? ` (${fmtRange(r.range.gpuHours, fmtShort)})` : ''),
    raw: (r) => r.gpuHours,
  },
  shortWallClock: {
    header: 'Wall-clock',
    key: 'wallClockHours',
    text: (r) => opt(r.wallClockHours, fmtDuration),
    raw: (r) => r.wallClockHours,
  },
  price: { header: '$/GPU-h', key: 'usdPerGpuHour', text: (r) => fmtUsd(r.rental.usdPerGpuHour), raw: (r) => r.rental.usdPerGpuHour },
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
  energy: {
    header: 'Energy (MWh)',
    key: 'kWh',
    text: (r) => opt(r.energy.kWh, (k) => fmtNumber(k / 1000)),
    compact: (r) => opt(r.energy.kWh, (k) => fmtShort(k / 1000)),
    raw: (r) => r.energy.kWh,
  },
  co2: {
    header: 'CO2 (t)',
    key: 'co2Tonnes',
    text: (r) => opt(r.energy.co2Tonnes, fmtNumber),
    compact: (r) => opt(r.energy.co2Tonnes, fmtShort),
    raw: (r) => r.energy.co2Tonnes,
  },
  vsGpuHours: {
    header: 'GPU-h vs baseline',
    key: 'gpuHoursRatio',
    text: (r, b) => fmtRatio(r.gpuHours, b.gpuHours),
    raw: (r) => r.gpuHours,
    runOnly: true,
  },
  /** What the run's own report (or a third party) says, with the basis of the figure beside it. */
  reported: {
    header: 'Reported',
    key: 'reported',
    text: (r) => {
      const rep = 'reported' in r ? r.reported : null;
      if (rep === null || (rep.gpuHours === null && rep.usd === null)) return dash;
      const figures = [
        rep.gpuHours === null ? null : `${fmtShort(rep.gpuHours)} GPU-h`,
        rep.usd === null ? null : fmtUsdShort(rep.usd),
      ].filter((s) => s !== null);
      return `${figures.join(', ')} (${(rep.gpuHoursBasis ?? 'reported').replace(/-/g, ' ')})`;
    },
    raw: (r) => ('reported' in r ? (r.reported?.gpuHours ?? null) : null),
    align: 'left',
    runOnly: true,
  },
  vsCost: {
    header: 'Cost vs baseline',
    key: 'costRatio',
    text: (r, b) => fmtRatio(r.rental.usd, b.rental.usd),
    raw: (r) => r.rental.usd,
    runOnly: true,
  },
} satisfies Record<string, Column>;

/** CSV names of the totals: kept from 0.1.0 (rentalUsd, ownershipUsd). */
const TOTAL_KEYS: Record<CostBasis, string> = {
  rental: 'rentalUsd',
  owned: 'ownershipUsd',
  acquisition: 'acquisitionUsd',
  development: 'developmentUsd',
};

/** A total over the cost components of one basis; compact with its range beside it when ranged. */
export function totalColumn(basis: CostBasis, ranged: boolean, short = ranged): Column {
  const fullText = (r: Row) => {
    const usd = totalOf(r.costs, basis);
    return usd === null ? dash : fmtUsd(usd);
  };
  // 3 significant digits, with the range beside when ranged and not a point.
  const shortText = (r: Row) => {
    const usd = totalOf(r.costs, basis);
    if (usd === null) return dash;
    const range = rangeOf(r.costs, basis)!;
    return fmtUsdShort(usd) + (ranged && range[0] !== range[1] ? ` (${fmtRange(range, fmtUsdShort)})` : '');
  };
  const full = !short;
  return {
    header: BASIS_LABELS[basis].label,
    key: TOTAL_KEYS[basis],
    // One style per column: full dollars, or (with ranges, or where space is short) 3 significant digits.
    text: (r) => (full ? fullText(r) : shortText(r)),
    compact: (r) => shortText(r),
    raw: (r) => totalOf(r.costs, basis),
  };
}

/** One column per cost component, for CSV: `cost.<id>` in USD. */
export function componentColumns(): Column[] {
  return COST_IDS.map((id) => ({
    header: id,
    key: `cost.${id}`,
    text: (r) => opt(costOf(r.costs, id)?.usd ?? null, fmtUsdCompact),
    raw: (r) => costOf(r.costs, id)?.usd ?? null,
  }));
}

/** The totals present in any of these rows, as columns. */
export function totalColumns(rows: readonly Row[], ranged: boolean): Column[] {
  const bases = new Set(rows.flatMap((r) => r.costs.map((c) => c.basis)));
  return COST_BASES.filter((b) => bases.has(b)).map((b) => totalColumn(b, ranged && b === 'rental', ranged));
}

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
    ...totalColumns(rows, ranged).slice(0, 1),
    ...(any((r) => r.compute.mfu !== null || r.compute.impliedMfu !== null) ? [c.mfu] : []),
    ...(any((r) => r.energy.co2Tonnes !== null) ? [c.co2] : []),
    ...totalColumns(rows, ranged).slice(1),
    ...(runs.length > 1 ? [c.vsGpuHours, c.vsCost] : []),
    ...(runs.length > 1 && runs.some((r) => r.reported !== null) ? [c.reported] : []),
  ];
}
