// Calibrated MFU: a small hierarchical log-linear model fitted on the published runs of the
// reference table (presets/calibration) and its predictions with a conformal band from
// grouped-holdout residuals (grouped holdout backtest: src/core/backtest.ts). Pure: numbers in, numbers out. Method and results:
// docs/calibration.md; fitted coefficients: presets/mfu-model.yaml (scripts/calibrate.ts).
import { FLOP_PER_PARAM_TOKEN, impliedMfu, peakFlopsPerChip } from './compute.js';
import { DAYS_PER_YEAR, daysBetween } from './dates.js';
import { HOURS_PER_DAY } from './duration.js';
import { median, rms, solve, uniq, weightedQuantile } from './stats.js';
import type { Accelerator, MfuBand, Precision } from './types.js';

/** One published run turned into a calibration point: its workload, hardware and GPU-hours. */
export interface MfuObservation {
  name: string;
  gpuId: string;
  precision: Precision;
  activeParams: number;
  /** Workload FLOP, 6 x N_active x D for training. */
  flop: number;
  chips: number | null;
  gpuHours: number;
  /** How much the fit trusts the GPU-hours (see BASIS_WEIGHTS). */
  weight: number;
  /** How the GPU-hours were obtained; sets the band's residual scale (default 'reported'). */
  basis?: GpuHoursBasis;
  /** Total parameters (MoE: all experts); the MoE feature is ln(activeParams / totalParams). */
  totalParams?: number | null;
  /** Grouping keys of the grouped holdout (null: the run is its own group). */
  organization?: string | null;
  modelFamily?: string | null;
  year?: number | null;
  /** The run's date (YYYY, YYYY-MM or YYYY-MM-DD); without it, mid-year of `year` (the age feature). */
  date?: string | null;
  /** The reference table's `confidence:` tag of the row (added rows only). */
  confidence?: Confidence | null;
}

export type Confidence = 'high' | 'medium' | 'low';

/** Weight factor by the row's stated confidence (reference table scope_notes); untagged rows 1. */
export const CONFIDENCE_WEIGHTS: Record<Confidence, number> = { high: 1, medium: 0.7, low: 0.4 };

/**
 * Optional regressors, the candidates of docs/calibration.md: moe = ln(N_active / N_total); chips =
 * ln(chips / 1024) and a flag when chips are unknown; year = year - 2023; age = years from the
 * accelerator's release to the run's date, clamped to the calibrated ages; logAge = ln(1 + age).
 */
export type MfuFeature = 'moe' | 'chips' | 'year' | 'age' | 'logAge';
export const MFU_FEATURES = ['moe', 'chips', 'year', 'age', 'logAge'] as const satisfies readonly MfuFeature[];

/** What a holdout leaves out at a time: one run, one organisation, one model family, one accelerator. */
export type HoldoutGroup = 'run' | 'organization' | 'family' | 'gpu';
export const HOLDOUT_GROUPS = ['run', 'organization', 'family', 'gpu'] as const satisfies readonly HoldoutGroup[];

/** The group of an observation (a run without the key is its own group). */
export function groupKey(o: MfuObservation, by: HoldoutGroup): string {
  switch (by) {
    case 'run':
      return `run:${o.name}`;
    case 'organization':
      return o.organization ? `org:${o.organization}` : `run:${o.name}`;
    case 'family':
      return o.modelFamily ? `family:${o.modelFamily}` : `run:${o.name}`;
    case 'gpu':
      return `gpu:${o.gpuId}`;
  }
}

export type GpuHoursBasis = 'reported' | 'derived' | 'upper-bound' | 'assumption';

export type MfuBasisLevel = 'accelerator' | 'family' | 'pooled';

/** Penalties (in units of observation weight), band quantiles and shrinkage: the only tuning knobs. */
export interface MfuFitOptions {
  /** Ridge penalty on the pooled size slope (0: unpenalised; 1e9: no size term). */
  slopePenalty: number;
  /** Ridge penalty on family offsets: shrinks a family toward the pooled line. */
  familyPenalty: number;
  /** Ridge penalty on family slope deviations (the regressor is ln(N / 10B)). */
  familySlopePenalty: number;
  /** Ridge penalty on accelerator offsets within a family. */
  acceleratorPenalty: number;
  /** Ridge penalty on precision-class offsets (16-bit is the reference class, fixed at 0). */
  precisionPenalty: number;
  /** Lower and upper quantiles of the leave-one-out residuals that make the band. */
  bandQuantiles: [number, number];
  /** Huber threshold on ln-MFU residuals (0 = plain least squares). */
  huberDelta: number;
  /** Pseudo-runs of the pooled residual scale added to each basis's scale (shrinkage). */
  scaleShrink: number;
  /** Optional regressors in the model (MFU_FEATURES); none by default. */
  features: MfuFeature[];
  /** Ridge penalty on the optional regressors. */
  featurePenalty: number;
  /** Holdout groups whose residuals make the band (conformal, split by group). */
  bandGroups: HoldoutGroup;
}

/**
 * Fitted coefficients (plain JSON). Prediction, natural logs, x = ln(N_active / refParams):
 *   ln MFU = intercept + families[f].offset + accelerators[id].offset + precisions[class]
 *            + (slope + families[f].slope) x x
 * Band: ln MFU + [-sqrt((low s)^2 + w^2), +sqrt((high s)^2 + w^2)] with s = band.scale[basis of
 * the GPU-hour figure] (reported for a plain estimate) and w = band.widen[level the prediction
 * came from]; band.low/high are quantiles of standardized leave-one-out residuals.
 */
export interface MfuModel {
  version: 2;
  refParams: number;
  /** Smallest and largest N_active of the calibration runs; sizes outside are clamped to it. */
  sizeRange: [number, number];
  intercept: number;
  slope: number;
  families: Record<string, { offset: number; slope: number; observations: number }>;
  accelerators: Record<string, { offset: number; observations: number }>;
  precisions: Record<string, number>;
  /** Coefficients of the optional regressors (only those in options.features; chips adds chipsUnknown). */
  features: Record<string, number>;
  /** Calibrated years (the year term is clamped to it; unknown year = the latest). */
  yearRange: [number, number];
  /** Calibrated chip ages in years (age features only: clamped to it; unknown age = its midpoint). */
  ageRange?: [number, number];
  band: {
    /** Central interval level of the band: bandQuantiles[1] - bandQuantiles[0]. */
    level: number;
    low: number;
    high: number;
    scale: Record<GpuHoursBasis, number>;
    widen: Record<MfuBasisLevel, number>;
  };
  options: MfuFitOptions;
  observations: number;
}

/** Weight of a run by how its GPU-hours were obtained: reported > derived > upper bound / assumption (reference README). */
export const BASIS_WEIGHTS = { reported: 1, derived: 0.7, 'upper-bound': 0.4, assumption: 0.4 } as const;

export const DEFAULT_FIT_OPTIONS: MfuFitOptions = {
  slopePenalty: 0,
  familyPenalty: 1,
  familySlopePenalty: 4,
  acceleratorPenalty: 4,
  // Chosen by grouped cross-validation (docs/calibration.md, candidate C2): no FP8 offset (one
  // organisation has FP8 runs, so grouped CV cannot test it), no MoE, chips or year term.
  precisionPenalty: 1e9,
  bandQuantiles: [0.1, 0.9],
  huberDelta: 0,
  scaleShrink: 3,
  features: [],
  featurePenalty: 1,
  bandGroups: 'organization',
};

/** Reference year and cluster size of the optional regressors (centring constants, not fitted values). */
const REF_YEAR = 2023;
const REF_CHIPS = 1024;

/** Reference model size for the slope: 10B active parameters (centring constant, not a fitted value). */
const REF_PARAMS = 1e10;
/** Upper cap of any predicted MFU: no published run in the calibration set exceeds ~0.56. */
const MFU_CAP = 0.75;

/**
 * Accelerator family from the preset id (vendor architecture generations; NVIDIA, AMD, Google
 * and Intel product pages). Null when the id matches no known family (prediction is then pooled).
 */
export function acceleratorFamily(id: string): string | null {
  const s = id.toLowerCase();
  if (/^(gh200|h100|h800|h200|h20)(\b|-|$)/.test(s)) return 'hopper';
  if (/^(gb200|gb300|b100|b200|b300)(\b|-|$)/.test(s)) return 'blackwell';
  if (/^(a100|a800|a10|a30|a40|a6000)(\b|-|$)/.test(s)) return 'ampere';
  if (/^(l4|l40|l40s|rtx-?4090|rtx-?6000-ada)(\b|-|$)/.test(s)) return 'ada';
  if (/^(v100)(\b|-|$)/.test(s)) return 'volta';
  if (/^(t4)(\b|-|$)/.test(s)) return 'turing';
  if (/^tpu/.test(s)) return 'tpu';
  if (/^mi\d/.test(s)) return 'amd-instinct';
  if (/^gaudi/.test(s)) return 'gaudi';
  return null;
}

/** Precision class of the offset: bf16 and fp16 share tensor-core rates, so they share the reference class. */
export function precisionClass(p: Precision): string {
  return p === 'bf16' || p === 'fp16' ? '16-bit' : p;
}

/** MFU a run achieved: FLOP / (GPU-hours x 3600 x peak at its precision) (Chowdhery et al. 2022, PaLM, appendix B). */
export function observedMfu(o: MfuObservation, gpu: Accelerator): number {
  const peak = peakFlopsPerChip(gpu, o.precision);
  if (peak === null) throw new Error(`${gpu.id} has no ${o.precision} peak (observation "${o.name}")`);
  return impliedMfu(o.flop, o.gpuHours, peak);
}

/** The parts of a run preset the calibration reads (a validated runs/*.yaml satisfies it). */
export interface CalibrationRun {
  id?: string | undefined;
  name: string;
  /** Training start (YYYY, YYYY-MM or YYYY-MM-DD): the chip's age when the model has an age term. */
  date?: string | undefined;
  gpu?: string | undefined;
  chips?: number | undefined;
  precision?: Precision | undefined;
  model?: { params?: number | undefined; activeParams?: number | undefined } | undefined;
  phases: {
    name: string;
    gpu?: string | undefined;
    chips?: number | undefined;
    hours?: number | undefined;
    days?: number | undefined;
    gpuHours?: number | undefined;
    params?: number | undefined;
    activeParams?: number | undefined;
    tokens?: number | undefined;
    flops?: number | undefined;
    kind?: string | undefined;
    precision?: Precision | undefined;
  }[];
  reported?: { gpuHours?: number | undefined; gpuHoursBasis?: keyof typeof BASIS_WEIGHTS | 'third-party-estimate' | undefined } | undefined;
}

/**
 * The calibration point of a run, or null when it has none. A run counts when exactly one
 * phase is a training workload (tokens or FLOP, with parameters) and its GPU-hours are known:
 * from that phase's own duration (an audit phase, e.g. DeepSeek-V3 pre-training), or from
 * `reported.gpuHours` when the run is that single phase. FLOP = 6 x N_active x D (Kaplan et al. 2020).
 */
export function observationFromRun(run: CalibrationRun): MfuObservation | null {
  const isTrain = (p: CalibrationRun['phases'][number]) =>
    ['train', 'pretrain'].includes(p.kind ?? 'train') && (p.tokens !== undefined || p.flops !== undefined);
  // A third party's estimate (the lab published nothing) is context, not an observation.
  if (run.reported?.gpuHoursBasis === 'third-party-estimate') return null;
  const work = run.phases.filter(isTrain);
  if (work.length !== 1) return null;
  const p = work[0]!;
  const gpuId = p.gpu ?? run.gpu;
  const n = p.activeParams ?? p.params ?? run.model?.activeParams ?? run.model?.params;
  if (gpuId === undefined || n === undefined) return null;
  const flop = p.flops ?? FLOP_PER_PARAM_TOKEN.train * n * p.tokens!;
  const chips = p.chips ?? run.chips ?? null;
  let gpuHours: number | undefined;
  if (p.gpuHours !== undefined) gpuHours = p.gpuHours;
  else if (p.hours !== undefined && chips !== null) gpuHours = chips * p.hours;
  else if (p.days !== undefined && chips !== null) gpuHours = chips * p.days * HOURS_PER_DAY;
  else if (run.phases.length === 1) gpuHours = run.reported?.gpuHours;
  if (gpuHours === undefined) return null;
  const basis = run.reported?.gpuHoursBasis ?? 'reported';
  return {
    name: run.id ?? run.name,
    gpuId,
    precision: p.precision ?? run.precision ?? 'bf16',
    activeParams: n,
    flop,
    chips,
    gpuHours,
    weight: BASIS_WEIGHTS[basis],
    basis,
    date: run.date ?? null,
  };
}

// --- fitting ------------------------------------------------------------------------

interface Design {
  /** Column names, for mapping the solution back to coefficients. */
  cols: { kind: 'intercept' | 'slope' | 'family' | 'familySlope' | 'accelerator' | 'precision' | 'feature'; key: string }[];
  penalty: number[];
  yearRange: [number, number];
  ageRange: [number, number];
}

type Query = {
  gpuId: string;
  precision: Precision;
  activeParams: number | null;
  totalParams?: number | null;
  chips?: number | null;
  year?: number | null;
  /** Years from the accelerator's release to the run's date (chipAge), null when unknown. */
  age?: number | null;
};

/** Years from an accelerator's release to a run's date, at least 0; null when either is unknown. */
export function chipAge(releaseDate: string | null | undefined, date: string | null | undefined): number | null {
  if (!releaseDate || !date) return null;
  return Math.max(0, daysBetween(releaseDate, date) / DAYS_PER_YEAR);
}

/** The date of an observation: its own, else mid-year of its year (the reference table gives only a year). */
export function observationDate(o: MfuObservation): string | null {
  return o.date ?? (typeof o.year === 'number' ? `${o.year}-07-01` : null);
}

/** Chip age of an observation (null without a date or a release date of its accelerator). */
function observationAge(o: MfuObservation, gpu: Accelerator | undefined): number | null {
  return chipAge(gpu?.releaseDate, observationDate(o));
}

function ageRangeOf(ages: (number | null)[]): [number, number] {
  const xs = ages.filter((a): a is number => a !== null);
  return xs.length === 0 ? [0, 0] : [Math.min(...xs), Math.max(...xs)];
}

function yearRangeOf(obs: MfuObservation[]): [number, number] {
  const ys = obs.map((o) => o.year).filter((y): y is number => typeof y === 'number');
  return ys.length === 0 ? [REF_YEAR, REF_YEAR] : [Math.min(...ys), Math.max(...ys)];
}

/** Value of an optional regressor for a run (0 where it does not apply or is unknown). */
function featureValue(key: string, q: Query, yearRange: [number, number], ageRange: [number, number] | undefined): number {
  switch (key) {
    case 'moe':
      return q.activeParams && q.totalParams && q.totalParams > q.activeParams ? Math.log(q.activeParams / q.totalParams) : 0;
    case 'chips':
      return q.chips && q.chips > 0 ? Math.log(q.chips / REF_CHIPS) : 0;
    case 'chipsUnknown':
      return q.chips && q.chips > 0 ? 0 : 1;
    case 'year': {
      const y = q.year ?? yearRange[1];
      return Math.min(Math.max(y, yearRange[0]), yearRange[1]) - REF_YEAR;
    }
    case 'age':
    case 'logAge': {
      // A model with an age feature carries the ages it was fitted on (the preset schema holds it to that).
      if (ageRange === undefined) throw new Error(`the MFU model's ${key} feature has no ageRange`);
      const a =
        q.age === null || q.age === undefined ? (ageRange[0] + ageRange[1]) / 2 : Math.min(Math.max(q.age, ageRange[0]), ageRange[1]);
      return key === 'age' ? a : Math.log1p(a);
    }
    default:
      return 0;
  }
}

function buildDesign(obs: MfuObservation[], ages: (number | null)[], opts: MfuFitOptions): Design {
  const cols: Design['cols'] = [
    { kind: 'intercept', key: '' },
    { kind: 'slope', key: '' },
  ];
  const penalty = [0, opts.slopePenalty];
  const families = uniq(obs.map((o) => acceleratorFamily(o.gpuId)).filter((f): f is string => f !== null));
  for (const f of families) {
    cols.push({ kind: 'family', key: f });
    penalty.push(opts.familyPenalty);
    cols.push({ kind: 'familySlope', key: f });
    penalty.push(opts.familySlopePenalty);
  }
  for (const a of uniq(obs.map((o) => o.gpuId))) {
    cols.push({ kind: 'accelerator', key: a });
    penalty.push(opts.acceleratorPenalty);
  }
  for (const p of uniq(obs.map((o) => precisionClass(o.precision))).filter((p) => p !== '16-bit')) {
    cols.push({ kind: 'precision', key: p });
    penalty.push(opts.precisionPenalty);
  }
  for (const f of opts.features) {
    for (const key of f === 'chips' ? ['chips', 'chipsUnknown'] : [f]) {
      cols.push({ kind: 'feature', key });
      penalty.push(opts.featurePenalty);
    }
  }
  return { cols, penalty, yearRange: yearRangeOf(obs), ageRange: ageRangeOf(ages) };
}

function row(d: Design, o: Query & { activeParams: number }): number[] {
  const x = logSize(o.activeParams);
  const fam = acceleratorFamily(o.gpuId);
  const cls = precisionClass(o.precision);
  return d.cols.map((c) => {
    switch (c.kind) {
      case 'intercept':
        return 1;
      case 'slope':
        return x;
      case 'family':
        return fam === c.key ? 1 : 0;
      case 'familySlope':
        return fam === c.key ? x : 0;
      case 'accelerator':
        return o.gpuId === c.key ? 1 : 0;
      case 'precision':
        return cls === c.key ? 1 : 0;
      case 'feature':
        return featureValue(c.key, o, d.yearRange, d.ageRange);
    }
  });
}

/** Size regressor: ln(N_active / 10B) (Kaplan et al. 2020 use log-size for scaling; centring keeps the intercept readable). */
function logSize(activeParams: number): number {
  return Math.log(activeParams / REF_PARAMS);
}

/** Point coefficients only (no band): weighted ridge regression of ln MFU (Hoerl & Kennard 1970). */
function fitPoint(obs: MfuObservation[], gpus: Map<string, Accelerator>, opts: MfuFitOptions): Omit<MfuModel, 'band'> {
  const ages = obs.map((o) => observationAge(o, gpus.get(o.gpuId)));
  const d = buildDesign(obs, ages, opts);
  const k = d.cols.length;
  const xs = obs.map((o, n) => row(d, { ...o, age: ages[n]! }));
  const ys = obs.map((o) => {
    const gpu = gpus.get(o.gpuId);
    if (!gpu) throw new Error(`observation "${o.name}": unknown gpu "${o.gpuId}"`);
    return Math.log(observedMfu(o, gpu));
  });
  // Optional Huber M-estimation by iteratively reweighted least squares (Huber 1964; Holland &
  // Welsch 1977); with huberDelta = 0 (the default) one pass: plain weighted ridge.
  let robust = obs.map(() => 1);
  let theta: number[] = [];
  for (let iter = 0; iter < (opts.huberDelta > 0 ? 50 : 1); iter++) {
    const a = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const b = new Array<number>(k).fill(0);
    obs.forEach((o, n) => {
      const w = o.weight * robust[n]!;
      const x = xs[n]!;
      for (let i = 0; i < k; i++) {
        b[i]! += w * x[i]! * ys[n]!;
        for (let j = 0; j < k; j++) a[i]![j]! += w * x[i]! * x[j]!;
      }
    });
    for (let i = 0; i < k; i++) a[i]![i]! += d.penalty[i]!;
    const next = solve(a, b);
    const moved = theta.length === 0 ? Infinity : Math.max(...next.map((v, i) => Math.abs(v - theta[i]!)));
    theta = next;
    if (moved < 1e-10) break;
    robust = xs.map((x, n) => {
      const r = Math.abs(ys[n]! - x.reduce((acc, v, i) => acc + v * theta[i]!, 0));
      return r <= opts.huberDelta ? 1 : opts.huberDelta / r;
    });
  }

  const count = (f: (o: MfuObservation) => boolean) => obs.filter(f).length;
  const model: Omit<MfuModel, 'band'> = {
    version: 2,
    refParams: REF_PARAMS,
    sizeRange: [Math.min(...obs.map((o) => o.activeParams)), Math.max(...obs.map((o) => o.activeParams))],
    intercept: 0,
    slope: 0,
    families: {},
    accelerators: {},
    precisions: {},
    features: {},
    yearRange: d.yearRange,
    ...(opts.features.some((f) => f === 'age' || f === 'logAge') ? { ageRange: d.ageRange } : {}),
    options: opts,
    observations: obs.length,
  };
  d.cols.forEach((c, i) => {
    const v = theta[i]!;
    if (c.kind === 'intercept') model.intercept = v;
    else if (c.kind === 'slope') model.slope = v;
    else if (c.kind === 'family' || c.kind === 'familySlope') {
      const f = (model.families[c.key] ??= {
        offset: 0,
        slope: 0,
        observations: count((o) => acceleratorFamily(o.gpuId) === c.key),
      });
      if (c.kind === 'family') f.offset = v;
      else f.slope = v;
    } else if (c.kind === 'accelerator') model.accelerators[c.key] = { offset: v, observations: count((o) => o.gpuId === c.key) };
    else if (c.kind === 'feature') model.features[c.key] = v;
    else model.precisions[c.key] = v;
  });
  return model;
}

/** ln MFU of the point prediction and which level of the hierarchy informed it. */
function predictLog(m: Omit<MfuModel, 'band'>, q: Query): { value: number; basis: MfuBasisLevel } {
  const fam = acceleratorFamily(q.gpuId);
  const f = fam === null ? undefined : m.families[fam];
  const acc = m.accelerators[q.gpuId];
  // Without a model size the prediction is at the reference size (10B active); no extrapolation
  // beyond the calibrated sizes (the log-linear trend is only supported inside them).
  const x =
    q.activeParams === null || !(q.activeParams > 0) ? 0 : logSize(Math.min(Math.max(q.activeParams, m.sizeRange[0]), m.sizeRange[1]));
  const value =
    m.intercept +
    (f?.offset ?? 0) +
    (acc?.offset ?? 0) +
    (m.precisions[precisionClass(q.precision)] ?? 0) +
    (m.slope + (f?.slope ?? 0)) * x +
    Object.entries(m.features).reduce((acc, [k, b]) => acc + b * featureValue(k, q, m.yearRange, m.ageRange), 0);
  const basis: MfuBasisLevel = acc !== undefined ? 'accelerator' : f !== undefined ? 'family' : 'pooled';
  return { value, basis };
}

/**
 * Fit the model: point coefficients on all observations, then the band from the grouped-holdout
 * residuals of that same fit (split conformal by group: hold out one organisation at a time,
 * refit, predict its runs), so the band is an interval for a run of an organisation not seen.
 */
export function fitMfuModel(obs: MfuObservation[], gpus: Accelerator[], options: Partial<MfuFitOptions> = {}): MfuModel {
  if (obs.length < 3) throw new Error(`need at least 3 observations to fit MFU, got ${obs.length}`);
  const opts: MfuFitOptions = { ...DEFAULT_FIT_OPTIONS, ...options };
  const byId = new Map(gpus.map((g) => [g.id, g]));
  const point = fitPoint(obs, byId, opts);

  // Out-of-sample residuals ln(observed / predicted), each from a fit without the run's group
  // (runs alone when there are fewer than 3 groups).
  const by = uniq(obs.map((o) => groupKey(o, opts.bandGroups))).length >= 3 ? opts.bandGroups : 'run';
  const keys = obs.map((o) => groupKey(o, by));
  const fits = new Map<string, Omit<MfuModel, 'band'>>();
  const residuals = obs.map((o, i) => {
    const key = keys[i]!;
    let m = fits.get(key);
    if (m === undefined) {
      m = fitPoint(
        obs.filter((_, j) => keys[j] !== key),
        byId,
        opts,
      );
      fits.set(key, m);
    }
    const p = predictLog(m, { ...o, age: observationAge(o, byId.get(o.gpuId)) });
    return { r: Math.log(observedMfu(o, byId.get(o.gpuId)!)) - p.value, w: o.weight, basis: o.basis ?? 'reported' };
  });
  const scale = fitScale(residuals, opts.scaleShrink);
  const z = residuals.map((x) => ({ r: x.r / scale[x.basis], w: x.w }));
  const low = weightedQuantile(z, opts.bandQuantiles[0]);
  const high = weightedQuantile(z, opts.bandQuantiles[1]);
  // Wider bands where the accelerator (or its family) has no data: add the spread of the
  // fitted offsets one level up, in quadrature (random-effects prediction interval).
  const famSd = rms(Object.values(point.families).map((f) => f.offset));
  const accSd = rms(Object.values(point.accelerators).map((a) => a.offset));
  const widen = {
    accelerator: 0,
    family: accSd,
    pooled: Math.sqrt(accSd ** 2 + famSd ** 2),
  };
  return { ...point, band: { level: opts.bandQuantiles[1] - opts.bandQuantiles[0], low, high, scale, widen } };
}

/** Residual scale per basis: median |r| of its runs, shrunk toward the pooled median with `k` pseudo-runs (robust scale, Hampel 1974). */
function fitScale(res: { r: number; basis: GpuHoursBasis }[], k: number): Record<GpuHoursBasis, number> {
  const pooled = median(res.map((x) => Math.abs(x.r)));
  const out = {} as Record<GpuHoursBasis, number>;
  for (const b of ['reported', 'derived', 'upper-bound', 'assumption'] as const) {
    const mine = res.filter((x) => x.basis === b).map((x) => Math.abs(x.r));
    out[b] = mine.length === 0 ? pooled : (mine.length * median(mine) + k * pooled) / (mine.length + k);
  }
  return out;
}

/**
 * The calibrated MFU band for a workload; null only if the gpu has no peak at that precision.
 * `chips`, `totalParams`, `year` and `date` (with the gpu's `releaseDate`: the chip's age) feed the
 * optional regressors that the model file lists (docs/calibration.md says which earned their place
 * under grouped cross-validation). `gpuHoursBasis`
 * sets the band's residual scale (backtest); default 'reported'. The band's `level` is the
 * model's central interval level (0.8).
 */
export function predictMfu(
  model: MfuModel,
  q: {
    gpu: Accelerator;
    precision: Precision;
    activeParams: number | null;
    chips: number | null;
    totalParams?: number | null;
    year?: number | null;
    /** The run's date (YYYY-MM-DD); with gpu.releaseDate it gives the chip's age. */
    date?: string | null;
    gpuHoursBasis?: GpuHoursBasis;
  },
): { band: MfuBand; basis: MfuBasisLevel } | null {
  if (q.gpu.peakTflops[q.precision] === undefined) return null;
  const { value, basis } = predictLog(model, {
    gpuId: q.gpu.id,
    precision: q.precision,
    activeParams: q.activeParams,
    totalParams: q.totalParams ?? null,
    chips: q.chips,
    year: q.year ?? null,
    age: chipAge(q.gpu.releaseDate, q.date),
  });
  const w = model.band.widen[basis];
  const sc = model.band.scale[q.gpuHoursBasis ?? 'reported'];
  // Each side of the band widened in quadrature with the unmodelled level's spread.
  const lowSide = -Math.sqrt((Math.min(model.band.low, 0) * sc) ** 2 + w ** 2);
  const highSide = Math.sqrt((Math.max(model.band.high, 0) * sc) ** 2 + w ** 2);
  const def = Math.min(Math.exp(value), MFU_CAP);
  const low = Math.min(Math.exp(value + lowSide), def);
  const high = Math.max(Math.min(Math.exp(value + highSide), MFU_CAP), def);
  return { band: { default: def, low, high, level: model.band.level }, basis };
}
