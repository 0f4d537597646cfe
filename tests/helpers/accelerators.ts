// Inline accelerators for core and renderer tests: figures fixed here, so a preset update does
// not move these tests (H800 from presets/gpus/h800.yaml as of writing).
import { OWNERSHIP_DEFAULTS } from '../../src/core/ownership.js';
import type { Accelerator, MfuProvider, OwnershipParams, PhaseInput, Price, RunInput } from '../../src/core/types.js';

export const H800: Accelerator = {
  id: 'h800',
  name: 'NVIDIA H800 SXM5 80GB',
  kind: 'gpu',
  memoryGB: 80,
  peakTflops: { bf16: 989, fp8: 1979 },
  systemWattsPerChip: 1275,
  powerDrawFraction: 0.75,
  purchase: { usd: 44_750, date: '2025-02-21', includesServer: true, source: 'DGX H800 / 8' },
};

export const DEEPSEEK_PRICE: Price = {
  usdPerGpuHour: 2,
  id: 'deepseek-assumption',
  kind: 'assumption',
  date: '2024-12-27',
  ageDays: 0,
  source: 'DeepSeek-V3 Technical Report, arXiv:2412.19437, Table 1',
  citation: 'deepseek-assumption, 2024-12-27: DeepSeek-V3 Technical Report, arXiv:2412.19437, Table 1',
};

/** For phases that need no calibrated MFU: a workload-only phase would make the core throw. */
export const noMfu: MfuProvider = () => null;

/** US energy as the bundled `us` region has it (Ember 2024 grid, EIA 2025 industrial price). */
export const US_ENERGY = {
  region: 'us',
  defaultReason: null,
  pue: 1.25,
  gridGCo2PerKwh: 384,
  usdPerKwh: 0.0826,
  usdPerKwhDate: '2025',
  source: 'Epoch AI cost model (Cottier et al. 2024); electricity price of region us',
};

/** Ownership at Epoch AI's defaults for a purchase price (bought at the run's date: value factor 1), as the presets layer cites it. */
export function ownershipOf(
  purchaseUsd: number,
  includesServer: boolean,
  purchaseSource: string,
  over: Partial<OwnershipParams> = {},
): OwnershipParams {
  return {
    purchaseUsd,
    includesServer,
    source: `Epoch AI cost model (Cottier et al. 2024); purchase price: ${purchaseSource}`,
    serverOverhead: OWNERSHIP_DEFAULTS.serverOverhead,
    networkShare: OWNERSHIP_DEFAULTS.networkShare,
    lifetimeYears: OWNERSHIP_DEFAULTS.lifetimeYears,
    utilization: OWNERSHIP_DEFAULTS.utilization,
    purchaseDate: null,
    valueFactor: 1,
    ...over,
  };
}

/** The seed phase (512 H800s x 80 h at DeepSeek's $2, January 2025, US energy), with what a test changes. */
export function seedPhase(over: Partial<PhaseInput> = {}): PhaseInput {
  return {
    name: 'training',
    gpu: H800,
    chips: 512,
    duration: { hours: 80 },
    workload: null,
    precision: 'bf16',
    mfu: null,
    price: DEEPSEEK_PRICE,
    energy: US_ENERGY,
    ownership: null,
    date: '2025-01',
    maxPriceAgeDays: null,
    dollars: null,
    ...over,
  };
}

/** A run of these phases, dated January 2025. */
export function runOf(phases: PhaseInput[], name = 'test run'): RunInput {
  return { name, date: '2025-01', phases, reported: null, notes: null };
}
