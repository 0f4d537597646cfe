// Cost components: every dollar figure of an estimate is one entry of a list, and every total is
// a sum over that list (as infracost's cost components). A component is a product of sourced
// terms, so renderers can write its arithmetic out without knowing what it is.
import { type OwnershipParams, HOURS_PER_YEAR } from './ownership.js';

/** Which total a component adds to: the cloud bill, or owning the hardware (Epoch AI's two run costs). */
export const COST_BASES = ['rental', 'owned'] as const;
export type CostBasis = (typeof COST_BASES)[number];

/** Component ids, in the order renderers list them. */
export const COST_IDS = ['rental', 'capex', 'energy'] as const;
export type CostId = (typeof COST_IDS)[number];

/** How a term's number reads: renderers format by unit. */
export const COST_UNITS = ['gpu-hours', 'usd', 'usd-per-gpu-hour', 'usd-per-kwh', 'kwh', 'hours', 'factor'] as const;
export type CostUnit = (typeof COST_UNITS)[number];

export interface CostTerm {
  name: string;
  value: number;
  unit: CostUnit;
  /** Multiplied in, or divided by (the first term is always multiplied). */
  op: 'x' | '/';
}

export interface CostComponent {
  id: CostId;
  label: string;
  usd: number;
  /** At the ends of the GPU-hours range (equal ends when the GPU-hours are given). */
  range: [number, number];
  basis: CostBasis;
  /** The terms' names joined by their operators: "GPU-hours x price". Empty for a run of several phases. */
  formula: string;
  /** usd = the product of the terms (empty for a run of several phases: see its phases). */
  terms: CostTerm[];
  source: string;
}

const term = (name: string, value: number, unit: CostUnit, op: 'x' | '/' = 'x'): CostTerm => ({ name, value, unit, op });

/** "GPU-hours x price / (1 - network share)". */
export function formulaOf(terms: readonly CostTerm[]): string {
  return terms.map((t, i) => (i === 0 ? t.name : `${t.op} ${t.name}`)).join(' ');
}

/** The product of the terms: what a component's usd is. */
export function productOf(terms: readonly CostTerm[]): number {
  return terms.reduce((acc, t, i) => (i === 0 ? t.value : t.op === 'x' ? acc * t.value : acc / t.value), 0);
}

/**
 * A component whose figure scales with GPU-hours: its range follows the GPU-hours range.
 * The usd is the product of its terms, so the arithmetic printed is the arithmetic done.
 */
function component(
  id: CostId,
  label: string,
  basis: CostBasis,
  terms: CostTerm[],
  source: string,
  gpuHours: number,
  gpuHoursRange: readonly [number, number],
): CostComponent {
  const usd = productOf(terms);
  const scale = (h: number) => (gpuHours > 0 ? (usd * h) / gpuHours : usd);
  return { id, label, usd, range: [scale(gpuHoursRange[0]), scale(gpuHoursRange[1])], basis, formula: formulaOf(terms), terms, source };
}

export interface PhaseCostInput {
  gpuHours: number;
  gpuHoursRange: readonly [number, number];
  price: { usdPerGpuHour: number; source: string };
  /** Null when the chip's power is unknown. */
  energy: { kWh: number; usdPerKwh: number; source: string } | null;
  /** Null when no purchase price is known. */
  ownership: (OwnershipParams & { source: string }) | null;
}

/** The cost components of one phase: rental; and, with a purchase price, amortised capex and energy. */
export function phaseCosts(input: PhaseCostInput): CostComponent[] {
  const { gpuHours, gpuHoursRange } = input;
  const costs: CostComponent[] = [
    // DeepSeek-V3 technical report, Table 1: GPU-hours x $2 per GPU-hour.
    component(
      'rental',
      'Rental',
      'rental',
      [term('GPU-hours', gpuHours, 'gpu-hours'), term('price', input.price.usdPerGpuHour, 'usd-per-gpu-hour')],
      input.price.source,
      gpuHours,
      gpuHoursRange,
    ),
  ];
  const o = input.ownership;
  if (o !== null) {
    // Epoch AI (Cottier et al. 2024): capex per chip / (1 - network share), amortised over the
    // hardware's life at the utilisation assumed.
    costs.push(
      component(
        'capex',
        'Hardware (amortised)',
        'owned',
        [
          term('GPU-hours', gpuHours, 'gpu-hours'),
          term(o.includesServer ? 'server cost per chip' : 'chip price', o.purchaseUsd, 'usd'),
          ...(o.includesServer ? [] : [term('server overhead', o.serverOverhead, 'factor')]),
          term('(1 - network share)', 1 - o.networkShare, 'factor', '/'),
          term('lifetime hours', o.lifetimeYears * HOURS_PER_YEAR, 'hours', '/'),
          term('utilisation', o.utilization, 'factor', '/'),
        ],
        o.source,
        gpuHours,
        gpuHoursRange,
      ),
    );
    if (input.energy !== null)
      costs.push(
        component(
          'energy',
          'Energy cost',
          'owned',
          [term('kWh', input.energy.kWh, 'kwh'), term('electricity price', input.energy.usdPerKwh, 'usd-per-kwh')],
          input.energy.source,
          gpuHours,
          gpuHoursRange,
        ),
      );
  }
  return costs;
}

/** A total over the components of one basis; null when none contributes. */
export function totalOf(costs: readonly CostComponent[], basis: CostBasis): number | null {
  const of = costs.filter((c) => c.basis === basis);
  return of.length === 0 ? null : of.reduce((a, c) => a + c.usd, 0);
}

export function rangeOf(costs: readonly CostComponent[], basis: CostBasis): [number, number] | null {
  const of = costs.filter((c) => c.basis === basis);
  return of.length === 0 ? null : [of.reduce((a, c) => a + c.range[0], 0), of.reduce((a, c) => a + c.range[1], 0)];
}

export function costOf(costs: readonly CostComponent[], id: CostId): CostComponent | null {
  return costs.find((c) => c.id === id) ?? null;
}

/**
 * A run's components: each id summed over the phases that have it. The terms of a single phase
 * carry over; several phases' terms do not multiply out to the sum, so the run lists none.
 */
export function runCosts(phases: readonly { costs: readonly CostComponent[] }[]): CostComponent[] {
  if (phases.length === 1) return phases[0]!.costs.map((c) => ({ ...c, range: [...c.range], terms: c.terms.map((t) => ({ ...t })) }));
  const out: CostComponent[] = [];
  for (const id of COST_IDS) {
    const of = phases.map((p) => costOf(p.costs, id));
    // A run's component is only as complete as its phases: a run total with a phase missing would mislead.
    if (!of.every((c) => c !== null)) continue;
    const all = of as CostComponent[];
    const first = all[0]!;
    const sources = [...new Set(all.map((c) => c.source))];
    out.push({
      id,
      label: first.label,
      usd: all.reduce((a, c) => a + c.usd, 0),
      range: [all.reduce((a, c) => a + c.range[0], 0), all.reduce((a, c) => a + c.range[1], 0)],
      basis: first.basis,
      formula: '',
      terms: [],
      source: sources.length === 1 ? sources[0]! : 'several (see phases)',
    });
  }
  return out;
}
