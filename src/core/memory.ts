// Memory feasibility of model states (Rajbhandari et al. 2020, ZeRO, arXiv:1910.02054).
import type { MemoryEstimate } from './types.js';

/**
 * Mixed-precision AdamW keeps 16 bytes per parameter: 2 (fp16/bf16 weights) + 2 (gradients)
 * + 12 (fp32 master weights, momentum, variance) (ZeRO, section 3.1). Activations are extra.
 */
export const MODEL_STATE_BYTES_PER_PARAM = 16;

/** Fewest chips whose whole HBM holds the fully sharded model states: ceil(16 N / HBM bytes). */
export function estimateMemory(totalParams: number, memoryGB: number, chips: number | null): MemoryEstimate {
  const bytes = MODEL_STATE_BYTES_PER_PARAM * totalParams;
  return {
    minChips: Math.ceil(bytes / (memoryGB * 1e9)),
    bytesPerChip: chips === null ? null : bytes / chips,
    hbmBytesPerChip: memoryGB * 1e9,
  };
}
