// Compute-optimal scaling (Hoffmann et al. 2022, Chinchilla, arXiv:2203.15556).
import { FLOP_PER_PARAM_TOKEN } from './compute.js';
import type { ChinchillaEstimate } from './types.js';

/** Chinchilla's rule of thumb: about 20 training tokens per parameter (Hoffmann et al. 2022, table 3). */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** For a budget of C FLOP with C = 6 N D and D = 20 N: N_opt = sqrt(C / 120), D_opt = 20 N_opt. */
export function computeOptimal(flop: number): { params: number; tokens: number } {
  const params = Math.sqrt(flop / (FLOP_PER_PARAM_TOKEN.train * CHINCHILLA_TOKENS_PER_PARAM));
  return { params, tokens: CHINCHILLA_TOKENS_PER_PARAM * params };
}

/** Tokens per parameter of a workload beside the compute-optimal split of its FLOP. */
export function chinchilla(flop: number | null, params: number | null, tokens: number | null): ChinchillaEstimate | null {
  if (flop === null) return null;
  const optimal = computeOptimal(flop);
  return {
    tokensPerParam: params !== null && tokens !== null ? tokens / params : null,
    optimalParams: optimal.params,
    optimalTokens: optimal.tokens,
  };
}
