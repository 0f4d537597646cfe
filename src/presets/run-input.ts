// From what the user wrote (flags, run files) to core inputs: flags override what a run file
// says, then ids become presets, durations become hours, and every gap gets one clear error.
import type { Duration, EnergyProfile, OwnershipParams, Precision, Price, RunInput, PhaseInput, Workload, WorkloadKind } from '../core/types.js';
import { hardwareValue, OWNERSHIP_DEFAULTS } from '../core/ownership.js';
import { yearOf } from '../core/dates.js';
import type { DollarBasis } from '../core/dollars.js';
import { type Cloud, operatorPue } from '../core/prices.js';
import { findRegion, type Regions } from './regions.js';
import { flagName } from '../input/flags.js';
import type { NumberRule } from '../input/list.js';
import { HOURS_PER_DAY } from '../core/duration.js';
import { InputError } from '../errors.js';
import { choosePrice, findGpu, type PriceChoice } from './gpus.js';
import { keyOf, remember } from './memo.js';
import type { GpuPreset, PhasePreset, RunPreset } from './schema.js';

// The settings flags can override, by where they apply: run-wide settings that replace every
// phase's own, run-only settings (energy, ownership), the model, and a single phase's time and workload.
const RUN_WIDE = ['gpu', 'chips', 'precision', 'mfu', 'generationMfu', 'price', 'priceSource'] as const;
const RUN_ONLY = ['region', 'pue', 'electricityPrice', 'gridIntensity', 'purchasePrice', 'lifetimeYears', 'utilization', 'date', 'cloud'] as const;
/** Settings of a single phase's time and workload (a run file sets them per phase). */
export const PER_PHASE = ['hours', 'days', 'gpuHours', 'tokens', 'flops', 'kind', 'trainableFraction', 'teacherParams'] as const;

/** Every overridable setting, in the order a grid varies them (the first slowest). */
export const OVERRIDE_KEYS = [
  'gpu', 'chips', 'hours', 'days', 'gpuHours', 'params', 'activeParams', 'tokens', 'flops', 'mfu', 'generationMfu', 'precision', 'kind', 'trainableFraction', 'teacherParams',
  'price', 'priceSource', ...RUN_ONLY,
] as const;

/** Settings given on the command line, one value each (a grid is many of these). */
export interface Overrides {
  gpu?: string;
  chips?: number;
  hours?: number;
  days?: number;
  gpuHours?: number;
  params?: number;
  activeParams?: number;
  tokens?: number;
  flops?: number;
  mfu?: number;
  generationMfu?: number;
  precision?: Precision;
  kind?: WorkloadKind;
  trainableFraction?: number;
  teacherParams?: number;
  price?: number;
  priceSource?: string;
  region?: string;
  pue?: number;
  electricityPrice?: number;
  gridIntensity?: number;
  purchasePrice?: number;
  lifetimeYears?: number;
  utilization?: number;
  date?: string;
  cloud?: Cloud;
}

/** What run-wide settings are resolved against. */
export interface Catalog {
  gpus: readonly GpuPreset[];
  regions: Regions;
  /** The date of a run that gives none (the CLI passes today's). */
  today: string;
  /** Convert to one year's dollars (--dollar-year); null: nominal. */
  dollars?: DollarBasis | null;
  /** --max-price-age in days; null: no staleness check. */
  maxPriceAgeDays?: number | null;
}

export const DURATION_HINT = 'give one of --chips N --hours H, --chips N --days D, or --gpu-hours G';
const WORKLOAD_HINT = 'or a workload: --params and --tokens, or --flops';

/** The method the energy and owned cost components follow, as their sources cite it. */
const EPOCH_COST_MODEL = 'Epoch AI cost model (Cottier et al. 2024)';

/** The run the flags alone describe (no run file). */
export function flagsOnlyRun(): RunPreset {
  return { name: '', phases: [{ name: 'training' }] };
}

/** Apply flags to a run: run-wide settings replace every phase's own; durations and workloads need a single-phase run. */
export function applyOverrides(run: RunPreset, o: Overrides): RunPreset {
  const next: RunPreset = { ...run, phases: run.phases.map((p) => ({ ...p })) };
  for (const key of RUN_WIDE) {
    if (o[key] === undefined) continue;
    (next as Record<string, unknown>)[key] = o[key];
    for (const p of next.phases) delete p[key];
    // A price given replaces the price source, and the other way round.
    if (key === 'price') {
      delete next.priceSource;
      for (const p of next.phases) delete p.priceSource;
    }
    if (key === 'priceSource') {
      delete next.price;
      for (const p of next.phases) delete p.price;
    }
  }
  for (const key of RUN_ONLY) if (o[key] !== undefined) (next as Record<string, unknown>)[key] = o[key];
  if (o.params !== undefined || o.activeParams !== undefined) {
    next.model = { ...next.model, ...(o.params !== undefined ? { params: o.params } : {}), ...(o.activeParams !== undefined ? { activeParams: o.activeParams } : {}) };
  }
  const phaseFlags = PER_PHASE.filter((k) => o[k] !== undefined);
  if (phaseFlags.length > 0) {
    if (next.phases.length > 1)
      throw new InputError(
        `${flagNames(phaseFlags)} cannot apply to "${run.name}": it has ${next.phases.length} phases (set them in a run file, one per phase)`,
      );
    const phase = next.phases[0]!;
    const durations = ['hours', 'days', 'gpuHours'] as const;
    if (durations.some((k) => o[k] !== undefined)) for (const k of durations) delete phase[k];
    if (o.tokens !== undefined || o.flops !== undefined) {
      delete phase.tokens;
      delete phase.flops;
    }
    for (const k of phaseFlags) (phase as Record<string, unknown>)[k] = o[k];
  }
  return next;
}

function flagNames(keys: readonly string[]): string {
  return keys.map(flagName).join(', ');
}

/** The precision a run uses when none is given: BF16, else FP16 (V100 has no BF16). */
export function defaultPrecision(gpu: GpuPreset): Precision {
  if (gpu.peakTflops.bf16 !== undefined) return 'bf16';
  if (gpu.peakTflops.fp16 !== undefined) return 'fp16';
  return Object.keys(gpu.peakTflops)[0] as Precision;
}

export function toRunInput(run: RunPreset, catalog: Catalog, fromFlags: boolean): RunInput {
  const phases = run.phases.map((p) => toPhaseInput(run, p, catalog, fromFlags));
  return {
    name: run.name,
    date: run.date ?? catalog.today,
    baseId: run.base ?? null,
    phases,
    reported:
      run.reported === undefined
        ? null
        : {
            gpuHours: run.reported.gpuHours ?? null,
            gpuHoursBasis: run.reported.gpuHoursBasis ?? null,
            usd: run.reported.usd ?? null,
            source: run.reported.source,
          },
    notes: run.notes ?? null,
  };
}

/** A phase's settings apart from its time: gpu, chips, precision, MFU, price, energy, ownership. */
export type PhaseSettings = Omit<PhaseInput, 'duration' | 'workload'>;

/** Resolve and check everything of a phase but its time (shared with `budget`, whose time is what it buys). */
export function toPhaseSettings(run: RunPreset, p: PhasePreset, catalog: Catalog, where = ''): PhaseSettings {
  const gpuName = p.gpu ?? run.gpu;
  if (gpuName === undefined) throw new InputError(`${where}no gpu: give --gpu, e.g. --gpu h100 (train-cost gpus lists them)`);
  const gpu = findGpu(catalog.gpus, gpuName);
  const chips = p.chips ?? run.chips ?? null;
  if (chips !== null && !Number.isInteger(chips)) throw new InputError(`${where}chips must be a whole number, got ${chips}`);
  const precision = p.precision ?? run.precision ?? defaultPrecision(gpu);
  if (gpu.peakTflops[precision] === undefined)
    throw new InputError(`${where}${gpu.id} has no ${precision} peak; use --precision ${Object.keys(gpu.peakTflops).join(', ')}`);
  const date = run.date ?? catalog.today;
  return {
    name: p.name,
    gpu,
    chips,
    precision,
    mfu: p.mfu ?? run.mfu ?? null,
    generationMfu: p.generationMfu ?? run.generationMfu ?? null,
    price: priceOf(gpu, {
      price: p.price ?? run.price,
      priceSource: p.priceSource ?? run.priceSource,
      date,
      cloud: run.cloud,
      organization: run.organization,
    }),
    energy: remember(ENERGY, catalog.regions, energyKey(run, date), () => energyProfile(run, catalog.regions, date)),
    ownership: remember(OWNERSHIP, gpu, keyOf(run.purchasePrice, run.lifetimeYears, run.utilization, date), () =>
      ownershipParams(run, gpu, date),
    ),
    date,
    maxPriceAgeDays: catalog.maxPriceAgeDays ?? null,
    dollars: catalog.dollars ?? null,
  };
}

// A grid resolves the same price, region and hardware value for run after run: each is resolved
// once per distinct value of what it depends on (the objects are shared, never changed), in
// bounded memos that belong to the preset objects (another catalog, other memos).
const PRICES = new WeakMap<GpuPreset, Map<string, Price>>();
const ENERGY = new WeakMap<Regions, Map<string, EnergyProfile>>();
const OWNERSHIP = new WeakMap<GpuPreset, Map<string, OwnershipParams | null>>();

function priceOf(gpu: GpuPreset, choice: PriceChoice): Price {
  const key = keyOf(choice.price, choice.priceSource, choice.date, choice.cloud, choice.organization);
  return remember(PRICES, gpu, key, () => choosePrice(gpu, choice));
}

function energyKey(run: RunPreset, date: string): string {
  return keyOf(run.region, run.pue, run.organization, run.gridIntensity, run.electricityPrice, date);
}


function toPhaseInput(run: RunPreset, p: PhasePreset, catalog: Catalog, fromFlags: boolean): PhaseInput {
  const where = fromFlags ? '' : `run "${run.name}", phase "${p.name}": `;
  const settings = toPhaseSettings(run, p, catalog, where);
  const duration = toDuration(p, settings.chips, where);
  const workload = toWorkload(run, p, where);
  if (duration === null && (workload === null || (workload.flop === null && workload.tokens === null)))
    throw new InputError(`${where}no duration: ${DURATION_HINT}, ${WORKLOAD_HINT}`);
  return { ...settings, duration, workload };
}

/**
 * The run's region (flag, run file, or the default) with --pue, --electricity-price,
 * --grid-intensity on top. PUE by operator when the run names its organization (Epoch AI:
 * hyperscalers 1.1, others 1.25), else the region's; electricity at the price of the run's year
 * where the region has it by year.
 */
function energyProfile(run: RunPreset, regions: Regions, date: string): EnergyProfile {
  const region = findRegion(regions, run.region ?? regions.default);
  const byYear = electricityOfYear(region.electricityUsdPerKwhByYear, yearOf(date));
  return {
    region: region.id,
    defaultReason: run.region === undefined ? regions.defaultReason : null,
    pue: run.pue ?? (run.organization !== undefined ? operatorPue(run.organization) : region.pue),
    gridGCo2PerKwh: run.gridIntensity ?? region.gridGCo2PerKwh,
    usdPerKwh: run.electricityPrice ?? byYear?.usd ?? region.electricityUsdPerKwh,
    usdPerKwhDate: run.electricityPrice !== undefined ? date.slice(0, 4) : String(byYear?.year ?? region.priceYear),
    source: `${EPOCH_COST_MODEL}; electricity price ${run.electricityPrice !== undefined ? 'given' : `of region ${region.id}`}`,
  };
}

/** The price of a year, else of the nearest year the table has (the latest after it, the earliest before it). */
function electricityOfYear(table: Record<string, number> | undefined, year: number): { usd: number; year: number } | null {
  if (table === undefined) return null;
  const years = Object.keys(table).map(Number).sort((a, b) => a - b);
  if (years.length === 0) return null;
  const y = years.includes(year) ? year : year > years[years.length - 1]! ? years[years.length - 1]! : year < years[0]! ? years[0]! : years.filter((v) => v <= year).pop()!;
  return { usd: table[String(y)]!, year: y };
}

/**
 * Ownership parameters: --purchase-price (a price at the run's date), or the preset's purchase
 * history valued at the run's date as Epoch AI does; Epoch AI's defaults for the rest; null without a price.
 */
function ownershipParams(run: RunPreset, gpu: GpuPreset, date: string): OwnershipParams | null {
  const valued =
    run.purchasePrice !== undefined
      ? { purchase: { usd: run.purchasePrice, includesServer: false, source: 'given with --purchase-price', date }, purchaseDate: date, valueFactor: 1 }
      : hardwareValue([...(gpu.purchase ? [gpu.purchase] : []), ...gpu.purchaseHistory], gpu.releaseDate ?? null, date);
  if (valued === null) return null;
  const { purchase } = valued;
  return {
    purchaseDate: valued.purchaseDate,
    valueFactor: valued.valueFactor,
    purchaseUsd: purchase.usd,
    includesServer: purchase.includesServer,
    source: `${EPOCH_COST_MODEL}; purchase price: ${purchase.source}, ${purchase.date}`,
    serverOverhead: OWNERSHIP_DEFAULTS.serverOverhead,
    networkShare: OWNERSHIP_DEFAULTS.networkShare,
    lifetimeYears: run.lifetimeYears ?? OWNERSHIP_DEFAULTS.lifetimeYears,
    utilization: run.utilization ?? OWNERSHIP_DEFAULTS.utilization,
  };
}

function toDuration(p: PhasePreset, chips: number | null, where: string): Duration | null {
  const given = (['hours', 'days', 'gpuHours'] as const).filter((k) => p[k] !== undefined);
  if (given.length > 1) throw new InputError(`${where}${flagNames(given)} conflict: ${DURATION_HINT}`);
  if (p.gpuHours !== undefined) return { gpuHours: p.gpuHours };
  const hours = p.hours ?? (p.days === undefined ? undefined : p.days * HOURS_PER_DAY);
  if (hours === undefined) return null;
  if (chips === null) throw new InputError(`${where}${flagNames(given)} needs --chips: ${DURATION_HINT}`);
  return { hours };
}

function toWorkload(run: RunPreset, p: PhasePreset, where: string): Workload | null {
  const params = p.params ?? run.model?.params ?? null;
  const activeParams = p.activeParams ?? run.model?.activeParams ?? null;
  const tokens = p.tokens ?? null;
  const flop = p.flops ?? null;
  if (flop !== null && tokens !== null)
    throw new InputError(`${where}--flops and --tokens both give the workload: give --flops, or --params with --tokens`);
  if (tokens !== null && params === null && activeParams === null)
    throw new InputError(
      where
        ? `${where}tokens need params: model.params in the run file, or --params (--active-params for a mixture of experts)`
        : '--tokens needs --params (or --active-params for a mixture of experts)',
    );
  if (params !== null && activeParams !== null && activeParams > params)
    throw new InputError(`${where}active params (${activeParams}) cannot exceed params (${params})`);
  if (params === null && activeParams === null && tokens === null && flop === null) return null;
  if (flop !== null && (p.kind === 'rl' || p.kind === 'distill'))
    throw new InputError(`${where}--flops cannot be split into generation and training for kind ${p.kind}: give --params and --tokens`);
  if (p.kind === 'distill' && tokens !== null && p.teacherParams === undefined && p.teacherActiveParams === undefined)
    throw new InputError(`${where}kind distill needs the teacher's size: teacherParams in the run file's phase`);
  return {
    flop,
    params,
    activeParams,
    tokens,
    kind: p.kind ?? 'pretrain',
    trainableFraction: p.trainableFraction ?? null,
    teacherParams: p.teacherParams ?? null,
    teacherActiveParams: p.teacherActiveParams ?? null,
  };
}

/**
 * How each numeric setting is checked, as a flag (--chips) or a library setting (chips): the one
 * table for the CLI's options and estimate()'s settings. Negative numbers are never accepted.
 */
export const NUMBER_RULES = {
  chips: { integer: true },
  hours: {},
  days: {},
  gpuHours: {},
  params: {},
  activeParams: {},
  tokens: {},
  flops: {},
  mfu: { max: 1 },
  generationMfu: { max: 1 },
  trainableFraction: { max: 1 },
  teacherParams: {},
  price: {},
  pue: { min: 1 },
  electricityPrice: { allowZero: true },
  gridIntensity: { allowZero: true },
  purchasePrice: {},
  lifetimeYears: {},
  utilization: { max: 1 },
} as const satisfies { [K in keyof Overrides as Overrides[K] extends number | undefined ? K : never]-?: Omit<NumberRule, 'flag'> };
