// Backtests: the bundled runs leave-one-out (src/core/mfu.ts), and a user's runs against the
// full calibrated model ("estimate from the workload alone", then compare with what was reported).
import { type LooRow, type LooSummary, type MfuModel, type MfuObservation, predictObservation, summarizeLoo } from './mfu.js';
import type { Accelerator } from './types.js';

export interface BacktestResult extends LooSummary {
  rows: LooRow[];
  /** "leave-one-out" for the bundled runs; "full model" for a user's file. */
  method: 'leave-one-out' | 'full model';
}

/** Predict each observation with `model` as it is (not refitted). */
export function backtestWithModel(obs: MfuObservation[], gpus: readonly Accelerator[], model: MfuModel): BacktestResult {
  const byId = new Map(gpus.map((g) => [g.id, g]));
  const rows = obs.map((o) => predictObservation(model, o, byId));
  return { rows, ...summarizeLoo(rows, () => 1), method: 'full model' };
}
