// Development cost beyond the final run (opt-in): experiments and ablations, staff, and GPU-hours
// lost to restarts. Each is a cost component of the `development` basis, stated apart from the
// run's own cost and never added to rental, owned or acquisition.
import { type CostComponent, type CostTerm, formulaOf, productOf, rangeOf, term, totalOf } from './costs.js';
import { HOURS_PER_YEAR } from './ownership.js';
import type { RunEstimate } from './types.js';

/**
 * Epoch AI's ratio of total compute (experiments, ablations, smaller and failed runs, plus the
 * final run) to the final run's compute: a lognormal with a 90% interval of 1.2x to 4x, median
 * sqrt(1.2 x 4) = 2.2x. Source: Cottier et al. 2024, "The rising costs of training frontier AI
 * models", and its code, epoch-research/training-cost-trends development_cost.ipynb
 * (`experiment_factor = lognorm_from_90_ci(1.2, 4, N)`; low end from GPT-3's smaller models,
 * ~1.14x; Meta's 10:20 experimentation:training power split, 1.5x; BLOOM's ~2.7x).
 */
export const EXPERIMENTS_DEFAULT = {
  factor: Math.sqrt(1.2 * 4),
  range: [1.2, 4] as [number, number],
  source:
    "Epoch AI (Cottier et al. 2024), training-cost-trends development_cost.ipynb: total R&D compute is 1.2x-4x the final run's (90% interval, median 2.2x)",
} as const;

export interface DevelopmentInput {
  /** Total development compute as a multiple of the final run's (>= 1); the extra is (factor - 1). */
  experiments: { factor: number; range: [number, number]; source: string } | null;
  /** People on the project, their yearly cost, and for how long (null: the run's wall-clock). */
  staff: { count: number; usdPerYear: number; periodHours: number | null; source: string } | null;
  /** Share of the paid GPU-hours that were useful work (0-1]; the rest was lost to restarts. */
  goodput: { value: number; source: string } | null;
}

/** What development costs are computed from: the run's own figures. */
export interface DevelopmentBase {
  costs: readonly CostComponent[];
  gpuHours: number;
  gpuHoursRange: readonly [number, number];
  wallClockHours: number | null;
  /** One price per GPU-hour when every phase has the same; null otherwise. */
  usdPerGpuHour: number | null;
  /** True when some phase's GPU-hours come from a workload at a calibrated (not --mfu) MFU. */
  workloadDerived: boolean;
}

/** Why development input cannot apply to a run, or null when it can (the command layer words the error). */
export function developmentConflict(base: DevelopmentBase, dev: DevelopmentInput): 'goodput-on-workload' | 'staff-without-period' | null {
  // The calibrated MFU is fitted to reported GPU-hours, which already include the time lost to
  // restarts: adding lost time to a workload-derived figure would count it twice.
  if (dev.goodput !== null && base.workloadDerived) return 'goodput-on-workload';
  if (dev.staff !== null && dev.staff.periodHours === null && base.wallClockHours === null) return 'staff-without-period';
  return null;
}

function make(id: CostComponent['id'], label: string, terms: CostTerm[], range: [number, number], source: string): CostComponent {
  return { id, label, usd: productOf(terms), range, basis: 'development', formula: formulaOf(terms), terms, source, dollarDate: null };
}

/** The development components of a run (none when nothing is asked). */
export function developmentCosts(base: DevelopmentBase, dev: DevelopmentInput): CostComponent[] {
  const conflict = developmentConflict(base, dev);
  if (conflict !== null) throw new Error(`development input conflicts with the run: ${conflict}`);
  const rental = totalOf(base.costs, 'rental') ?? 0;
  const rentalRange = rangeOf(base.costs, 'rental') ?? [rental, rental];
  const out: CostComponent[] = [];
  const e = dev.experiments;
  if (e !== null) {
    // Cottier et al. 2024: development compute = factor x final run, so the extra is (factor - 1) x the run.
    const terms = [term('final-run rental', rental, 'usd'), term('(experiments multiplier - 1)', e.factor - 1, 'factor')];
    out.push(
      make(
        'experiments',
        'Experiments and ablations',
        terms,
        [rentalRange[0] * (e.range[0] - 1), rentalRange[1] * (e.range[1] - 1)],
        e.source,
      ),
    );
  }
  const s = dev.staff;
  if (s !== null) {
    const hours = s.periodHours ?? base.wallClockHours!;
    const terms = [
      term('staff', s.count, 'count'),
      term('cost per person-year', s.usdPerYear, 'usd'),
      term(s.periodHours === null ? 'wall-clock hours' : 'period hours', hours, 'hours'),
      term('hours per year', HOURS_PER_YEAR, 'hours', '/'),
    ];
    const usd = productOf(terms);
    out.push(make('staff', 'Staff', terms, [usd, usd], s.source));
  }
  if (dev.goodput !== null) {
    const lost = lostFactor(dev.goodput.value);
    const terms =
      base.usdPerGpuHour !== null
        ? [
            term('GPU-hours', base.gpuHours, 'gpu-hours'),
            term('(1 / goodput - 1)', lost, 'factor'),
            term('price', base.usdPerGpuHour, 'usd-per-gpu-hour'),
          ]
        : [term('final-run rental', rental, 'usd'), term('(1 / goodput - 1)', lost, 'factor')];
    out.push(make('restarts', 'Restarts and lost time', terms, [rentalRange[0] * lost, rentalRange[1] * lost], dev.goodput.source));
  }
  return out;
}

/** GPU-hours paid = useful GPU-hours / goodput, so the lost ones are useful x (1 / goodput - 1). */
export function lostFactor(goodput: number): number {
  return 1 / goodput - 1;
}

/** What a run's estimate offers as the base of its development costs. */
export function developmentBase(run: RunEstimate): DevelopmentBase {
  const prices = new Set(run.phases.map((p) => p.rental.usdPerGpuHour));
  return {
    costs: run.costs,
    gpuHours: run.gpuHours,
    gpuHoursRange: run.range.gpuHours,
    wallClockHours: run.wallClockHours,
    usdPerGpuHour: prices.size === 1 ? [...prices][0]! : null,
    // A user's --mfu is theirs to mean restart-free; the calibrated one is not.
    workloadDerived: run.phases.some((p) => p.gpuHoursFrom === 'workload' && p.compute.mfuBasis !== 'user'),
  };
}

/** The run with its development components appended to its costs (its other totals unchanged). */
export function withDevelopment(run: RunEstimate, dev: DevelopmentInput): RunEstimate {
  const added = developmentCosts(developmentBase(run), dev);
  return added.length === 0 ? run : { ...run, costs: [...run.costs, ...added] };
}
