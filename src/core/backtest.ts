// Backtests: the bundled runs leave-one-out (each predicted by a model fitted without it), and
// a user's runs against the full calibrated model (estimate from the workload alone, then compare
// with what was reported).
import {
  acceleratorFamily,
  type GpuHoursBasis,
  fitMfuModel,
  groupKey,
  type HoldoutGroup,
  type MfuBasisLevel,
  type MfuFitOptions,
  type MfuModel,
  type MfuObservation,
  observationDate,
  observedMfu,
  predictMfu,
} from './mfu.js';
import { gpuHoursForFlop, peakFlopsPerChip } from './compute.js';
import { uniq, weightedQuantile } from './stats.js';
import type { Accelerator, MfuBand, Precision } from './types.js';

export interface LooRow {
  name: string;
  /** The holdout group the run was left out with (e.g. "org:meta"); null for the full model. */
  group: string | null;
  gpuId: string;
  precision: Precision;
  activeParams: number;
  weight: number;
  gpuHoursBasis: GpuHoursBasis;
  reportedGpuHours: number;
  predictedGpuHours: number;
  /** [low, high] GPU-hours: from the band's high and low MFU. */
  gpuHoursRange: [number, number];
  observedMfu: number;
  predictedMfu: MfuBand;
  basis: MfuBasisLevel;
  /** predicted / reported - 1 */
  error: number;
  inside: boolean;
}

export interface LooSummary {
  runs: number;
  /** Median of |predicted / reported - 1|. */
  medianAbsError: number;
  /** Share of runs predicted within +-25%. */
  shareWithin25: number;
  /** Share of reported GPU-hours inside the predicted [low, high]. */
  coverage: number;
  /** Median of high / low of the predicted GPU-hour range. */
  medianHighLowRatio: number;
}

export interface LooResult extends LooSummary {
  rows: LooRow[];
  /** What was held out at a time. */
  groupBy: HoldoutGroup;
  /** Number of holdout groups. */
  groups: number;
  /** Nominal level of the band (0.8: a central 80% interval). */
  level: number;
  /** The same statistics by accelerator family (hopper, ampere, ...). */
  byFamily: ({ family: string } & LooSummary)[];
  /** The same statistics with each run weighted as in the fit (BASIS_WEIGHTS). */
  weighted: LooSummary;
  /** Only the runs whose GPU-hours are reported (not derived, bounded or assumed). */
  reportedOnly: LooSummary | null;
}

/**
 * Grouped holdout: for each group (an organisation, a model family, an accelerator, or one run),
 * fit on all other runs (band included, itself from an inner grouped holdout of those runs) and
 * predict the group's runs from their workload alone.
 */
export function groupedHoldout(
  obs: MfuObservation[],
  gpus: Accelerator[],
  groupBy: HoldoutGroup,
  options: Partial<MfuFitOptions> = {},
): LooResult {
  const byId = new Map(gpus.map((g) => [g.id, g]));
  const keys = obs.map((o) => groupKey(o, groupBy));
  const models = new Map<string, MfuModel>();
  const rows = obs.map((o, i) => {
    const key = keys[i]!;
    let m = models.get(key);
    if (m === undefined) {
      m = fitMfuModel(
        obs.filter((_, j) => keys[j] !== key),
        gpus,
        options,
      );
      models.set(key, m);
    }
    return { ...predictObservation(m, o, byId), group: key };
  });
  const reported = rows.filter((r) => r.gpuHoursBasis === 'reported');
  const level = [...models.values()][0]?.band.level ?? 0;
  return {
    rows,
    groupBy,
    groups: models.size,
    level,
    byFamily: byFamily(rows),
    ...summarizeLoo(rows, () => 1),
    weighted: summarizeLoo(rows, (r) => r.weight),
    reportedOnly: reported.length === 0 ? null : summarizeLoo(reported, () => 1),
  };
}

/** Predict one observation from its workload alone and compare with its GPU-hours: GPU-hours = FLOP / (peak x MFU x 3600). */
export function predictObservation(model: MfuModel, o: MfuObservation, gpus: ReadonlyMap<string, Accelerator>): LooRow {
  const gpu = gpus.get(o.gpuId);
  if (!gpu) throw new Error(`observation "${o.name}": unknown gpu "${o.gpuId}"`);
  const basis = o.basis ?? 'reported';
  const p = predictMfu(model, {
    gpu,
    precision: o.precision,
    activeParams: o.activeParams,
    chips: o.chips,
    totalParams: o.totalParams ?? null,
    year: o.year ?? null,
    date: observationDate(o),
    gpuHoursBasis: basis,
  });
  if (p === null) throw new Error(`observation "${o.name}": ${o.gpuId} has no ${o.precision} peak`);
  const peak = peakFlopsPerChip(gpu, o.precision)!;
  const hours = (mfu: number) => gpuHoursForFlop(o.flop, peak, mfu);
  const predicted = hours(p.band.default);
  const range: [number, number] = [hours(p.band.high), hours(p.band.low)];
  return {
    name: o.name,
    group: null,
    gpuId: o.gpuId,
    precision: o.precision,
    activeParams: o.activeParams,
    weight: o.weight,
    gpuHoursBasis: basis,
    reportedGpuHours: o.gpuHours,
    predictedGpuHours: predicted,
    gpuHoursRange: range,
    observedMfu: observedMfu(o, gpu),
    predictedMfu: p.band,
    basis: p.basis,
    error: predicted / o.gpuHours - 1,
    inside: o.gpuHours >= range[0] * (1 - 1e-12) && o.gpuHours <= range[1] * (1 + 1e-12),
  };
}

/** The backtest statistics of some LOO rows, each row counting `weight(row)`. */
export function summarizeLoo(rows: LooRow[], weight: (r: LooRow) => number): LooSummary {
  const ws = rows.map(weight);
  const total = ws.reduce((a, w) => a + w, 0);
  const share = (f: (r: LooRow) => boolean) => rows.reduce((a, r, i) => a + (f(r) ? ws[i]! : 0), 0) / total;
  const wmedian = (f: (r: LooRow) => number) =>
    weightedQuantile(
      rows.map((r, i) => ({ r: f(r), w: ws[i]! })),
      0.5,
    );
  return {
    runs: rows.length,
    medianAbsError: wmedian((r) => Math.abs(r.error)),
    shareWithin25: share((r) => Math.abs(r.error) <= 0.25),
    coverage: share((r) => r.inside),
    medianHighLowRatio: wmedian((r) => r.gpuHoursRange[1] / r.gpuHoursRange[0]),
  };
}

export interface BacktestResult extends LooSummary {
  rows: LooRow[];
  /** "leave-one-out" / "grouped holdout" for the bundled runs; "full model" for a user's file. */
  method: 'leave-one-out' | 'grouped holdout' | 'full model';
  /** What was held out at a time (null for the full model). */
  groupBy: HoldoutGroup | null;
  groups: number | null;
  /** Nominal level of the band, against the achieved `coverage`. */
  level: number;
  byFamily: ({ family: string } & LooSummary)[];
  /** Runs of the input that could not be backtested, with why. */
  skipped: { name: string; reason: string }[];
}

/** The summary of the rows of each accelerator family (unknown accelerators as "other"), families in order. */
function byFamily(rows: readonly LooRow[]): BacktestResult['byFamily'] {
  const familyOf = (r: LooRow) => acceleratorFamily(r.gpuId) ?? 'other';
  return uniq(rows.map(familyOf))
    .sort()
    .map((family) => ({
      family,
      ...summarizeLoo(
        rows.filter((r) => familyOf(r) === family),
        () => 1,
      ),
    }));
}

/** Predict each observation with `model` as it is (not refitted). */
export function backtestWithModel(obs: MfuObservation[], gpus: readonly Accelerator[], model: MfuModel): BacktestResult {
  const byId = new Map(gpus.map((g) => [g.id, g]));
  const rows = obs.map((o) => predictObservation(model, o, byId));
  return {
    rows,
    ...summarizeLoo(rows, () => 1),
    method: 'full model',
    groupBy: null,
    groups: null,
    level: model.band.level,
    byFamily: byFamily(rows),
    skipped: [],
  };
}
