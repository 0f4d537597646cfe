// Workload arithmetic: FLOP, peak throughput, time from FLOP, implied MFU.
import {
  canonicalKind,
  GENERATE_FLOP_PER_PARAM_TOKEN,
  TRAIN_FLOP_PER_PARAM_TOKEN,
  type WorkloadPart,
  workloadParts,
} from './phase-kinds.js';
import type { Accelerator, Precision, Workload } from './types.js';

/** FLOP per active parameter per token: 6 for training (forward + backward), 2 for a forward pass (Kaplan et al. 2020, arXiv:2001.08361). */
export const FLOP_PER_PARAM_TOKEN = { train: TRAIN_FLOP_PER_PARAM_TOKEN, generate: GENERATE_FLOP_PER_PARAM_TOKEN } as const;

/** A workload's parts by its kind's FLOP rule (src/core/phase-kinds.ts). */
export function partsOf(w: Workload): WorkloadPart[] {
  return workloadParts({
    kind: canonicalKind(w.kind),
    activeParams: w.activeParams ?? w.params,
    tokens: w.tokens,
    flop: w.flop,
    trainableFraction: w.trainableFraction ?? null,
    teacherActiveParams: w.teacherActiveParams ?? w.teacherParams ?? null,
  });
}

/** Workload FLOP: given directly, or the sum of its parts (k x N_active x D each; Kaplan et al. 2020). Null when neither is known. */
export function workloadFlop(w: Workload): number | null {
  return flopOf(partsOf(w));
}

/** The FLOP of a workload's parts together; null without parts. */
export function flopOf(parts: readonly { flop: number }[]): number | null {
  return parts.length === 0 ? null : parts.reduce((a, p) => a + p.flop, 0);
}

/** Dense peak FLOP/s of one chip at a precision (vendor datasheet, via the preset); null if unknown. */
export function peakFlopsPerChip(gpu: Accelerator, precision: Precision): number | null {
  const tflops = gpu.peakTflops[precision];
  return tflops === undefined ? null : tflops * 1e12;
}

/** GPU-hours to do `flop` at `mfu` of peak: FLOP / (peak x MFU x 3600) (DESIGN.md, the model). */
export function gpuHoursForFlop(flop: number, peakFlops: number, mfu: number): number {
  return flop / (peakFlops * mfu * 3600);
}

/** MFU a claim implies: FLOP / (GPU-hours x 3600 x peak) (Chowdhery et al. 2022, PaLM, appendix B). */
export function impliedMfu(flop: number, gpuHours: number, peakFlops: number): number {
  return flop / (gpuHours * 3600 * peakFlops);
}

/**
 * Plausibility bounds for an implied MFU. No published run in the calibration set exceeds ~0.56
 * (TinyLlama, 56% reported); above 0.6 is implausible, above 1 impossible; below 0.1 suggests
 * the hours cover more than the workload (DESIGN.md, audit).
 */
export const MFU_PLAUSIBLE = { low: 0.1, high: 0.6 } as const;

export const MFU_VERDICTS = ['impossible', 'implausible-high', 'implausible-low', 'plausible'] as const;
export type MfuVerdict = (typeof MFU_VERDICTS)[number];

export function mfuVerdict(mfu: number): MfuVerdict {
  if (mfu > 1) return 'impossible';
  if (mfu > MFU_PLAUSIBLE.high) return 'implausible-high';
  if (mfu < MFU_PLAUSIBLE.low) return 'implausible-low';
  return 'plausible';
}
