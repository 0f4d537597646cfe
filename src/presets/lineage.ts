// A run's lineage: the base run its file names (`base: deepseek-v3`), estimated on its own so
// that its training FLOP counts toward the compute thresholds and, with --with-base, its cost
// is shown apart from the run's (never summed into it).
import { estimateRun } from '../core/estimate.js';
import { type ComputeThreshold, withLineage } from '../core/thresholds.js';
import type { MfuProvider, RunEstimate } from '../core/types.js';
import { InputError } from '../errors.js';
import { resolveRunRef } from './runs.js';
import type { RunPreset } from './schema.js';
import { applyOverrides, type Catalog, type Overrides, toRunInput } from './run-input.js';
import { remember } from './memo.js';

export interface LineageContext {
  catalog: Catalog;
  dirs: string[];
  mfu: MfuProvider;
  thresholds: readonly ComputeThreshold[];
}

/**
 * The settings that carry over to a base run: what it is priced and run on (gpu, precision, MFU,
 * price, energy, ownership). The chips, time and workload flags describe this run only.
 */
const CARRIED = ['gpu', 'precision', 'mfu', 'generationMfu', 'price', 'priceSource', 'region', 'pue', 'electricityPrice', 'gridIntensity', 'purchasePrice', 'lifetimeYears', 'utilization'] as const;

function carried(o: Overrides): Overrides {
  const out: Record<string, unknown> = {};
  for (const k of CARRIED) if (o[k] !== undefined) out[k] = o[k];
  return out as Overrides;
}

/** The run's estimate with its base's FLOP counted and the thresholds checked; the base attached when shown. */
export function withBase(run: RunEstimate, spec: RunPreset, o: Overrides, ctx: LineageContext, showBase: boolean): RunEstimate {
  const base = spec.base === undefined ? null : baseOf(spec.base, o, ctx, spec.id ?? spec.name);
  return withLineage(run, base, ctx.thresholds, showBase);
}

// A grid estimates a run's base once per distinct carried setting (a --chips range over
// deepseek-r1 prices deepseek-v3 once, not once per row): bounded memos, one per context.
const BASES = new WeakMap<LineageContext, Map<string, RunEstimate>>();

function baseOf(id: string, o: Overrides, ctx: LineageContext, from: string): RunEstimate {
  return remember(BASES, ctx, JSON.stringify([id, from, carried(o)]), () => estimateBase(id, o, ctx, new Set([from])));
}

function estimateBase(id: string, o: Overrides, ctx: LineageContext, seen: Set<string>): RunEstimate {
  if (seen.has(id)) throw new InputError(`base "${id}" makes a cycle of base runs (${[...seen, id].join(' -> ')})`);
  let loaded;
  try {
    loaded = resolveRunRef(id, ctx.dirs);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`base run: ${e.message}`);
    throw e;
  }
  const spec = applyOverrides(loaded.run, carried(o));
  const est = estimateRun(toRunInput(spec, ctx.catalog, false), ctx.mfu);
  const next = spec.base === undefined ? null : estimateBase(spec.base, o, ctx, new Set([...seen, id]));
  return withLineage(est, next, ctx.thresholds, false);
}
