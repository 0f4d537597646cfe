// Gates a CI job sets on an estimate, each stating what it checked: the limit, the value held
// against it, which run, and whether it passed. Pure: runs in, checks out; the CLI decides exit codes.
import type { MfuVerdict } from './compute.js';
import type { RunEstimate } from './types.js';

/** Which figure --max-cost holds to the limit: the central estimate, or the top of the rental range. */
export const MAX_COST_AT = ['central', 'high'] as const;
export type MaxCostAt = (typeof MAX_COST_AT)[number];

export interface MaxCostCheck {
  gate: 'max-cost';
  /** The limit in USD. */
  limit: number;
  /** The run's rental USD at `at`. */
  value: number;
  at: MaxCostAt;
  run: string;
  passed: boolean;
}

/** --strict: the run's implied-MFU audit (reported GPU-hours against its workload) must be plausible. */
export interface AuditCheck {
  gate: 'audit';
  /** The implied MFU (share of peak). */
  value: number | null;
  verdict: MfuVerdict;
  run: string;
  /** The phase audited when the run has several (each audited on its own); null for the run. */
  phase: string | null;
  passed: boolean;
}

export type GateCheck = MaxCostCheck | AuditCheck;

export interface GateOptions {
  maxCost?: number | undefined;
  maxCostAt?: MaxCostAt | undefined;
  strict?: boolean | undefined;
}

/** The checks of every run, run by run: max-cost first, then the audit. */
export function runChecks(runs: readonly RunEstimate[], opts: GateOptions): GateCheck[] {
  const checks: GateCheck[] = [];
  for (const run of runs) {
    if (opts.maxCost !== undefined) {
      const at = opts.maxCostAt ?? 'central';
      const value = at === 'high' ? run.range.usd[1] : run.rental.usd;
      checks.push({ gate: 'max-cost', limit: opts.maxCost, value, at, run: run.name, passed: value <= opts.maxCost });
    }
    if (!opts.strict) continue;
    // A run of several phases is audited phase by phase; one without an audit (no wall-clock time
    // to hold to its workload) has nothing to check.
    const audited =
      run.compute.verdict !== null || run.phases.length <= 1
        ? [{ c: run.compute, phase: null }]
        : run.phases.map((p) => ({ c: p.compute, phase: p.name }));
    for (const { c, phase } of audited)
      if (c.verdict !== null)
        checks.push({ gate: 'audit', value: c.impliedMfu, verdict: c.verdict, run: run.name, phase, passed: c.verdict === 'plausible' });
  }
  return checks;
}
