// The inverse question: what does a budget buy? GPU-hours, wall-clock, FLOP at the calibrated
// MFU (with its band), and the compute-optimal model for that FLOP (Hoffmann et al. 2022).
import { FLOP_PER_PARAM_TOKEN } from './compute.js';
import { EstimateInputError, estimateRun, mfuBandFor, uncalibratedWarning } from './estimate.js';
import { estimateMemory } from './memory.js';
import { computeOptimal } from './scaling.js';
import type { MfuProvider, PhaseInput, RunEstimate } from './types.js';

export interface BudgetInput extends Omit<PhaseInput, 'duration' | 'workload'> {
  usd: number;
  /** Model size to train (active parameters); or null to size the model compute-optimally. */
  params: number | null;
  /** Tokens to train on; or null. */
  tokens: number | null;
}

/** Fixed-point iterations for MFU(N) and N_opt(FLOP(MFU)) to agree; MFU varies slowly with N. */
const FIXED_POINT_ITERATIONS = 50;

export function estimateBudget(input: BudgetInput, mfuFor: MfuProvider): RunEstimate {
  const gpuHours = input.usd / input.price.usdPerGpuHour;
  const base = estimateRun(
    { name: input.name, date: input.date, phases: [{ ...input, duration: { gpuHours }, workload: null }], reported: null, notes: null },
    mfuFor,
  );
  const peakFlop = base.compute.peakFlop;
  const warnings = [...base.warnings];

  // MFU for a model size: the user's, or the calibrated band at that size.
  const bandAt = (activeParams: number | null) => {
    const b = mfuBandFor(input, activeParams, mfuFor);
    if (b === null) throw new EstimateInputError(`no MFU for ${input.gpu.id} at ${input.precision}`);
    return b;
  };

  // Without a model size, size the model for the FLOP the budget buys, which depends on the MFU
  // at that size: compute-optimally, or to spend the FLOP on the tokens given (C = 6 N D).
  const k = FLOP_PER_PARAM_TOKEN.train;
  const sizeFor = (flop: number) => (input.tokens === null ? computeOptimal(flop).params : flop / (k * input.tokens));
  let params = input.params;
  let { band, basis } = bandAt(params);
  for (let i = 0; input.params === null && i < FIXED_POINT_ITERATIONS; i++) {
    const n = sizeFor(peakFlop * band.default);
    ({ band, basis } = bandAt(n));
    if (params !== null && Math.abs(n / params - 1) < 1e-9) break;
    params = n;
  }
  warnings.push(...uncalibratedWarning(input, basis));

  const flop = peakFlop * band.default;
  const tokens = input.tokens ?? flop / (k * params!);
  // Model states of the model the budget trains (16 bytes per parameter, ZeRO).
  const memory = estimateMemory(params!, input.gpu.memoryGB, input.chips);
  if (input.chips !== null && input.chips < memory.minChips)
    warnings.push({ code: 'too-few-chips', chips: input.chips, minChips: memory.minChips });
  const optimal = computeOptimal(flop);
  const workload = { flop, mfu: band.default, mfuBasis: basis, params, activeParams: params, tokens, flopPerParamToken: k };
  const compute = { ...base.compute, ...workload };
  const chinchilla = { tokensPerParam: tokens / params!, optimalParams: optimal.params, optimalTokens: optimal.tokens };
  const range = { ...base.range, flop: [peakFlop * band.low, peakFlop * band.high] as [number, number] };
  const phase = {
    ...base.phases[0]!,
    gpuHoursFrom: 'budget' as const,
    compute: { ...base.phases[0]!.compute, ...workload },
    memory,
    chinchilla,
    range,
    warnings,
  };
  return { ...base, compute, memory, chinchilla, range, phases: [phase], warnings };
}
