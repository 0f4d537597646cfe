import type { MfuVerdict } from './compute.js';
import type { CostComponent } from './costs.js';
import type { DollarBasis } from './dollars.js';
import type { EnergyProfile } from './energy.js';
import type { OwnershipParams } from './ownership.js';

export type { CostComponent, EnergyProfile, OwnershipParams };

// Plain data types of the estimation core. Inputs are resolved presets and numbers;
// outputs are shaped as the JSON contract (schemaVersion 1), warnings as codes + data
// (the output layer words them).

/** Numeric precisions an accelerator's peak is quoted at. */
export const PRECISIONS = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp4'] as const;
export type Precision = (typeof PRECISIONS)[number];
import type { PhaseKind, PhaseKindInput } from './phase-kinds.js';
import type { ThresholdCheck } from './thresholds.js';
export type { PhaseKind, PhaseKindInput };
/** What a phase does (src/core/phase-kinds.ts); `train` is accepted as an alias of `pretrain`. */
export type WorkloadKind = PhaseKindInput;

export interface MfuBand {
  default: number;
  low: number;
  high: number;
  /** Central interval level of [low, high] when known (the calibrated model's band). */
  level?: number;
}

/** What the core needs to know of an accelerator (a gpu preset satisfies it). */
export interface Accelerator {
  id: string;
  name: string;
  kind: 'gpu' | 'tpu' | 'accelerator';
  memoryGB: number;
  /** Dense peak, TFLOP/s, by precision. */
  peakTflops: Partial<Record<Precision, number>>;
  tdpWatts?: number;
  systemWattsPerChip?: number;
  powerDrawFraction?: number;
  purchase?: { usd: number; date: string; includesServer: boolean; source: string };
  /** Release date (YYYY-MM-DD): the chip's age at a run's date can feed the MFU model. */
  releaseDate?: string | undefined;
  mfu?: Partial<Record<Precision, MfuBand>>;
}

export interface Price {
  usdPerGpuHour: number;
  /** Preset price id, or null for a price given on the command line. */
  id: string | null;
  kind: string | null;
  date: string | null;
  /** Days from the price's date to the run's (negative: the price is later than the run); null for a price given. */
  ageDays: number | null;
  source: string;
  /** The source as the rental cost component cites it ("id, date: source"), worded by the presets layer. */
  citation: string;
}

export interface Workload {
  /** Total FLOP when given directly; otherwise k x activeParams x tokens. */
  flop: number | null;
  params: number | null;
  activeParams: number | null;
  tokens: number | null;
  kind: WorkloadKind;
  /** LoRA: the share of parameters trained (null: 1). */
  trainableFraction?: number | null;
  /** Distillation: the teacher's parameters (active per token for a mixture of experts). */
  teacherParams?: number | null;
  teacherActiveParams?: number | null;
}

export type Duration = { hours: number } | { gpuHours: number };

export interface PhaseInput {
  name: string;
  gpu: Accelerator;
  chips: number | null;
  duration: Duration | null;
  workload: Workload | null;
  precision: Precision;
  /** MFU given by the user; null means the calibrated default. */
  mfu: number | null;
  /** MFU of generation parts (RL rollouts, teachers, generate phases) given by the user; null: --mfu, else the assumption. */
  generationMfu?: number | null;
  price: Price;
  energy: EnergyProfile;
  /** Null when no purchase price is known. */
  ownership: OwnershipParams | null;
  /** The run's date (training start), YYYY-MM(-DD): what prices and hardware value are taken as of. */
  date: string;
  /** A preset price older than this (days before the run's date) is flagged as stale; null: never. */
  maxPriceAgeDays: number | null;
  /** Convert every figure to one year's dollars; null: nominal. */
  dollars: DollarBasis | null;
}

export interface RunInput {
  name: string;
  /** The run this one starts from (its run file's `base:`), or null. */
  baseId?: string | null;
  /** The run's date (training start); its phases carry it too. */
  date: string;
  phases: PhaseInput[];
  reported: Reported | null;
  /** What a reader should know about the run (from its file). */
  notes: string | null;
}

export interface Reported {
  gpuHours: number | null;
  /** How the GPU-hours are known: reported by the lab, derived, an upper bound, an assumption, or a third party's estimate. */
  gpuHoursBasis: string | null;
  usd: number | null;
  source: string;
}

export type Warning =
  | { code: 'implied-mfu-impossible'; phase: string | null; impliedMfu: number }
  | { code: 'implied-mfu-high'; phase: string | null; impliedMfu: number; high: number }
  | { code: 'implied-mfu-low'; phase: string | null; impliedMfu: number; low: number }
  | { code: 'mfu-uncalibrated'; gpu: string; precision: Precision; basis: 'family' | 'pooled' }
  | { code: 'too-few-chips'; chips: number; minChips: number }
  | { code: 'no-power'; gpu: string }
  | { code: 'no-purchase-price'; gpu: string }
  | { code: 'stale-price'; gpu: string; priceId: string; priceDate: string; ageDays: number; maxDays: number }
  | { code: 'price-after-date'; gpu: string; priceId: string; priceDate: string; date: string };

export interface RangeEstimate {
  gpuHours: [number, number];
  usd: [number, number];
  /** FLOP a budget buys at the MFU band (budget only; null elsewhere). */
  flop: [number, number] | null;
  /** Central interval level of the range (0.8 = 80% of unseen runs inside); null when it is a point or its level is unknown. */
  level: number | null;
}

/** Where an MFU comes from: --mfu, the gpu preset's own `mfu` block, or the calibrated model at its level. */
export const MFU_BASES = ['user', 'preset', 'accelerator', 'family', 'pooled', 'assumption'] as const;
export type MfuBasis = (typeof MFU_BASES)[number];

/** Calibrated MFU for a workload on an accelerator (see src/core/mfu.ts); null if it cannot be had. */
export type MfuProvider = (q: {
  gpu: Accelerator;
  precision: Precision;
  activeParams: number | null;
  chips: number | null;
  /** The run's date (training start): with gpu.releaseDate, the chip's age. */
  date?: string | null;
}) => { band: MfuBand; basis: Exclude<MfuBasis, 'user' | 'assumption'> } | null;

/** One part of a phase's workload (src/core/phase-kinds.ts) with the MFU and GPU-hours it gets. */
export interface WorkloadPartEstimate {
  label: string;
  mode: 'train' | 'generate';
  flop: number;
  activeParams: number | null;
  flopPerParamToken: number | null;
  /** Null when the phase's time was given (an audit): nothing is solved per part. */
  mfu: number | null;
  mfuBasis: MfuBasis | null;
  gpuHours: number | null;
}

export interface ComputeEstimate {
  precision: Precision;
  /** What the phase does (null without a workload; a run: its phases' common kind). */
  kind: PhaseKind | null;
  /** The workload's parts by the kind's FLOP rule: one for most kinds, generation + training for rl and distill. */
  parts: WorkloadPartEstimate[];
  /** Workload FLOP (null without a workload). */
  flop: number | null;
  /** MFU used to turn FLOP into time (null when time was given). */
  mfu: number | null;
  mfuBasis: MfuBasis | null;
  /** FLOP / (GPU-hours x 3600 x peak), when both a workload and a duration are given. */
  impliedMfu: number | null;
  verdict: MfuVerdict | null;
  params: number | null;
  /** Parameters per token (MoE); equals params for a dense model. */
  activeParams: number | null;
  tokens: number | null;
  /** FLOP per active parameter per token: 6 to train, 2 to generate (null without a workload). */
  flopPerParamToken: number | null;
  /** Peak FLOP/s per chip at the precision. */
  peakFlopsPerChip: number;
  /** What the GPU-hours could deliver at peak: GPU-hours x 3600 x peak. */
  peakFlop: number;
}

export interface EnergyEstimate {
  kWh: number | null;
  usd: number | null;
  co2Tonnes: number | null;
  region: string | null;
  regionDefaultReason: string | null;
  pue: number | null;
  gridGCo2PerKwh: number | null;
  usdPerKwh: number | null;
  systemWattsPerChip: number | null;
  drawFraction: number | null;
}

export interface OwnershipEstimate {
  usd: number;
  capexUsd: number;
  /** Null when the chip's power is unknown (usd then holds capex only). */
  energyUsd: number | null;
  usdPerGpuHour: number;
  /** Amortised capex per GPU-hour. */
  capexPerGpuHour: number;
  /** Utilisation at which owning costs what renting does; null if energy alone costs more than the rent. */
  breakEvenUtilization: number | null;
  purchaseUsdPerChip: number;
  includesServer: boolean;
  lifetimeYears: number;
  utilization: number;
  networkShare: number;
  /** When the hardware is taken as bought, and the share of its purchase value left at the run's date (Epoch AI's depreciation). */
  purchaseDate: string | null;
  valueFactor: number;
}

export interface MemoryEstimate {
  minChips: number;
  bytesPerChip: number | null;
  hbmBytesPerChip: number;
}

export interface ChinchillaEstimate {
  /** Tokens per (active) parameter of the workload. */
  tokensPerParam: number | null;
  /** Compute-optimal parameters and tokens for the workload's FLOP. */
  optimalParams: number;
  optimalTokens: number;
}

/** How a phase's GPU-hours were obtained. */
export const GPU_HOURS_FROM = ['chips-hours', 'given', 'workload', 'budget'] as const;
export type GpuHoursFrom = (typeof GPU_HOURS_FROM)[number];

export interface PhaseEstimate {
  name: string;
  /** The run's date (training start). */
  date: string;
  /** The year of the dollars every figure is in; null: nominal (each in its price's date's dollars, see costs[].dollarDate). */
  dollarYear: number | null;
  gpu: { id: string; name: string };
  chips: number | null;
  wallClockHours: number | null;
  gpuHours: number;
  gpuHoursFrom: GpuHoursFrom;
  rental: {
    usd: number;
    usdPerGpuHour: number;
    priceId: string | null;
    priceSource: string;
    priceDate: string | null;
    priceAgeDays: number | null;
  };
  energy: EnergyEstimate;
  ownership: OwnershipEstimate | null;
  compute: ComputeEstimate;
  memory: MemoryEstimate | null;
  chinchilla: ChinchillaEstimate | null;
  range: RangeEstimate;
  /** Every dollar figure, one entry per component; totals (rental.usd, ownership.usd) are sums over it. */
  costs: CostComponent[];
  warnings: Warning[];
}

export interface RunEstimate extends Omit<PhaseEstimate, 'compute' | 'gpu' | 'gpuHoursFrom'> {
  gpu: { id: string; name: string } | null;
  compute: Omit<ComputeEstimate, 'precision' | 'peakFlopsPerChip'> & { precision: Precision | null };
  reported: Reported | null;
  notes: string | null;
  phases: PhaseEstimate[];
  /** The base run named by the run file (`base:`), or null. */
  baseId: string | null;
  /** The base run's own estimate, stated apart (never summed into this run's figures); only with --with-base. */
  base: RunEstimate | null;
  /** Training FLOP of the run and its base runs, [low, high] (src/core/thresholds.ts). */
  cumulativeFlop: [number, number];
  /** Regulatory compute thresholds against the cumulative FLOP. */
  thresholds: ThresholdCheck[];
}
