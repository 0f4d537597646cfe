// Two plans compared: runs matched by name (then the rest in order), phases likewise, and for each
// pair the figures before and after with the change in units and as a fraction. Pure: figures in,
// differences out; the CLI reads the sides and decides exit codes.

/** What a side gives for a run or a phase: its GPU-hours and its cost components (by basis). */
export interface DiffFigures {
  name: string;
  gpuHours: number;
  costs: readonly { basis: string; usd: number }[];
}

export interface DiffRunInput extends DiffFigures {
  phases: readonly DiffFigures[];
}

/** The totals compared, in this order; other bases a saved output has follow, as found. */
export const DIFF_BASES = ['rental', 'owned', 'acquisition', 'development'] as const;

export interface MetricDiff {
  /** 'gpuHours', or a cost basis ('rental', 'owned', ...): the total of its components. */
  id: string;
  unit: 'gpu-hours' | 'usd';
  before: number | null;
  after: number | null;
  /** after - before; null when either side lacks the figure. */
  change: number | null;
  /** change / before (0.1 = +10%); null when a side lacks it or before is 0 and after is not. */
  relative: number | null;
}

export type DiffStatus = 'changed' | 'unchanged' | 'added' | 'removed';

export interface PhaseDiff {
  status: DiffStatus;
  /** The name on each side (null on the side that lacks it); they differ for a renamed run. */
  base: string | null;
  head: string | null;
  metrics: MetricDiff[];
}

export interface RunDiff extends PhaseDiff {
  /** The phases, compared when either side has more than one (else empty: the run is its phase). */
  phases: PhaseDiff[];
}

/**
 * Pairs by name (each name used once, first come first served); the items left on both sides are
 * then paired in order (a renamed run); what is still left is removed (base) or added (head).
 * Order: the base's, then the added in the head's order.
 */
export function pairByName<T extends { name: string }>(base: readonly T[], head: readonly T[]): [T | null, T | null][] {
  const used = new Set<number>();
  const match = base.map((b) => {
    const i = head.findIndex((h, j) => !used.has(j) && h.name === b.name);
    if (i >= 0) used.add(i);
    return i;
  });
  const leftHead = head.map((_, j) => j).filter((j) => !used.has(j));
  for (let i = 0; i < base.length && leftHead.length > 0; i++) {
    if (match[i]! >= 0) continue;
    const j = leftHead.shift()!;
    match[i] = j;
    used.add(j);
  }
  const pairs: [T | null, T | null][] = base.map((b, i) => [b, match[i]! >= 0 ? head[match[i]!]! : null]);
  head.forEach((h, j) => {
    if (!used.has(j)) pairs.push([null, h]);
  });
  return pairs;
}

function totalsOf(f: DiffFigures | null): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of f?.costs ?? []) totals.set(c.basis, (totals.get(c.basis) ?? 0) + c.usd);
  return totals;
}

export function metric(id: string, unit: MetricDiff['unit'], before: number | null, after: number | null): MetricDiff {
  const change = before === null || after === null ? null : after - before;
  const relative = change === null ? null : before === 0 ? (after === 0 ? 0 : null) : change / before!;
  return { id, unit, before, after, change, relative };
}

/** GPU-hours, then each cost basis either side has. */
export function compareFigures(base: DiffFigures | null, head: DiffFigures | null): PhaseDiff {
  const [b, h] = [totalsOf(base), totalsOf(head)];
  const found = [...new Set([...b.keys(), ...h.keys()])];
  const bases = [...DIFF_BASES.filter((x) => found.includes(x)), ...found.filter((x) => !(DIFF_BASES as readonly string[]).includes(x))];
  const metrics = [
    metric('gpuHours', 'gpu-hours', base?.gpuHours ?? null, head?.gpuHours ?? null),
    ...bases.map((x) => metric(x, 'usd', b.get(x) ?? null, h.get(x) ?? null)),
  ];
  const status: DiffStatus =
    base === null
      ? 'added'
      : head === null
        ? 'removed'
        : metrics.every((m) => m.change !== null && same(m.before!, m.after!)) && base.name === head.name
          ? 'unchanged'
          : 'changed';
  return { status, base: base?.name ?? null, head: head?.name ?? null, metrics };
}

/** Equal but for binary-float noise (12 significant digits, as the JSON output writes them). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

export function diffRuns(base: readonly DiffRunInput[], head: readonly DiffRunInput[]): RunDiff[] {
  return pairByName(base, head).map(([b, h]) => {
    const run = compareFigures(b, h);
    const several = (b?.phases.length ?? 0) > 1 || (h?.phases.length ?? 0) > 1;
    const phases = several ? pairByName(b?.phases ?? [], h?.phases ?? []).map(([pb, ph]) => compareFigures(pb, ph)) : [];
    const status = run.status === 'unchanged' && phases.some((p) => p.status !== 'unchanged') ? 'changed' : run.status;
    return { ...run, status, phases };
  });
}

/** A gate held to each run: --max-increase on the rental cost's relative change, --max-cost on the head's rental cost. */
export interface DiffCheck {
  gate: 'max-increase' | 'max-cost';
  /** max-increase: a fraction (0.1 = 10%); max-cost: USD. */
  limit: number;
  /** The run's relative change (null from a cost of 0) or its rental USD after. */
  value: number | null;
  run: string;
  passed: boolean;
}

export interface DiffGates {
  maxIncrease?: number | undefined;
  maxCost?: number | undefined;
}

/**
 * Run by run: max-increase for runs on both sides with a rental cost before (an added run has no
 * change to measure: --max-cost gates it), max-cost for every run of the head.
 */
export function diffChecks(runs: readonly RunDiff[], gates: DiffGates): DiffCheck[] {
  const checks: DiffCheck[] = [];
  for (const r of runs) {
    const rental = r.metrics.find((m) => m.id === 'rental');
    const name = (r.head ?? r.base)!;
    if (gates.maxIncrease !== undefined && rental !== undefined && rental.change !== null) {
      // From nothing to something is no fraction (value null): an increase past any limit.
      const value = rental.relative;
      checks.push({
        gate: 'max-increase',
        limit: gates.maxIncrease,
        value,
        run: name,
        passed: value === null ? rental.change <= 0 : value <= gates.maxIncrease,
      });
    }
    if (gates.maxCost !== undefined && rental !== undefined && rental.after !== null)
      checks.push({ gate: 'max-cost', limit: gates.maxCost, value: rental.after, run: name, passed: rental.after <= gates.maxCost });
  }
  return checks;
}

/** Each metric summed over the runs of each side (a side with no figure for it: null). */
export function diffTotals(runs: readonly RunDiff[]): MetricDiff[] {
  const ids: { id: string; unit: MetricDiff['unit'] }[] = [];
  for (const m of runs.flatMap((r) => r.metrics)) if (!ids.some((x) => x.id === m.id)) ids.push({ id: m.id, unit: m.unit });
  const sum = (values: (number | null)[]) => {
    const present = values.filter((v) => v !== null);
    return present.length === 0 ? null : present.reduce((a, v) => a + v, 0);
  };
  return ids.map(({ id, unit }) => {
    const of = runs.map((r) => r.metrics.find((m) => m.id === id)).filter((m) => m !== undefined);
    return metric(id, unit, sum(of.map((m) => m.before)), sum(of.map((m) => m.after)));
  });
}
