// Regulatory training-compute thresholds (presets/thresholds.yaml) against a run's cumulative
// training FLOP. Pure: numbers in, numbers out.
import type { RunEstimate } from './types.js';

export interface ComputeThreshold {
  id: string;
  name: string;
  /** FLOP above which the threshold is crossed ("greater than"). */
  flop: number;
  status: string;
  source: string;
}

export interface ThresholdCheck extends ComputeThreshold {
  /** True when even the lowest cumulative FLOP is above it, false when even the highest is not; null when the bounds straddle it. */
  crossed: boolean | null;
}

/**
 * A run's own training FLOP as [low, high]: the sum of the phases' workload FLOP, plus, for a
 * phase whose workload is unknown (hardware time only), 0 to what its GPU-hours deliver at peak
 * (MFU cannot exceed 1). Both ends are equal when every phase has a workload.
 */
export function runFlopBounds(run: Pick<RunEstimate, 'phases'>): [number, number] {
  let low = 0;
  let high = 0;
  for (const p of run.phases) {
    if (p.compute.flop !== null) {
      low += p.compute.flop;
      high += p.compute.flop;
    } else high += p.compute.peakFlop;
  }
  return [low, high];
}

/** Cumulative FLOP: the run's own bounds plus its base's cumulative bounds (a fine-tune counts its base model's training). */
export function cumulativeFlop(own: [number, number], base: [number, number] | null): [number, number] {
  return base === null ? own : [own[0] + base[0], own[1] + base[1]];
}

export function checkThresholds(flop: [number, number], thresholds: readonly ComputeThreshold[]): ThresholdCheck[] {
  return thresholds.map((t) => ({ ...t, crossed: flop[0] > t.flop ? true : flop[1] <= t.flop ? false : null }));
}

/**
 * A run with its lineage: cumulative FLOP = its own + its base's cumulative FLOP (the base
 * estimated first, with its own base), the thresholds checked against it, and the base's
 * estimate kept apart when it is to be shown (--with-base). Never summed into the run's costs.
 */
export function withLineage(
  run: RunEstimate,
  base: RunEstimate | null,
  thresholds: readonly ComputeThreshold[],
  showBase: boolean,
): RunEstimate {
  const flop = cumulativeFlop(runFlopBounds(run), base === null ? null : base.cumulativeFlop);
  return { ...run, base: showBase ? base : null, cumulativeFlop: flop, thresholds: checkThresholds(flop, thresholds) };
}
