// Cost components: every dollar figure of an estimate is one entry of a list, and every total is
// a sum over that list (as infracost's cost components). A component is a product of sourced
// terms, so renderers can write its arithmetic out without knowing what it is.
import { type DollarBasis, dollarFactor } from './dollars.js';
import { type OwnershipParams, HOURS_PER_YEAR } from './ownership.js';

/**
 * Which total a component adds to, as Epoch AI reports them side by side: the cloud bill, owning
 * the hardware (amortised over its life, plus energy), and buying the cluster up front; and,
 * opt-in, what developing the model costs beyond its final run (never added to the others).
 */
export const COST_BASES = ['rental', 'owned', 'acquisition', 'development'] as const;
export type CostBasis = (typeof COST_BASES)[number];

/** Component ids, in the order renderers list them. */
export const COST_IDS = ['rental', 'capex', 'energy', 'acquisition', 'experiments', 'staff', 'restarts'] as const;
export type CostId = (typeof COST_IDS)[number];

/** How a term's number reads: renderers format by unit. */
export const COST_UNITS = ['gpu-hours', 'usd', 'usd-per-gpu-hour', 'usd-per-kwh', 'kwh', 'hours', 'count', 'factor'] as const;

/**
 * How a run adds up a component over its phases: costs of use add; the cluster a run buys is its
 * largest phase's (phases run one after another on it).
 */
const RUN_AGGREGATE: Record<CostId, 'sum' | 'max'> = {
  rental: 'sum',
  capex: 'sum',
  energy: 'sum',
  acquisition: 'max',
  // Development costs belong to a run, not to its phases (src/core/development.ts): never aggregated.
  experiments: 'sum',
  staff: 'sum',
  restarts: 'sum',
};
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
  /** The date whose dollars the figure is in before any conversion (a price's date; the run's for hardware value); null for a run whose phases differ. */
  dollarDate: string | null;
  /** Hardware components only: the figure split into chip, rest of the server and cluster interconnect (Epoch AI); the parts sum to usd. */
  breakdown?: CostPart[];
}

/** Epoch AI's split of the hardware cost (Cottier et al. 2024, cost_analysis_standalone.py, separate_components). */
export const COST_PARTS = ['chip', 'server', 'interconnect'] as const;
export type CostPartId = (typeof COST_PARTS)[number];
export const COST_PART_LABELS: Record<CostPartId, string> = {
  chip: 'AI accelerator chip',
  server: 'rest of the server',
  interconnect: 'cluster interconnect',
};

export interface CostPart {
  id: CostPartId;
  label: string;
  usd: number;
  /** usd / the component's usd. */
  share: number;
}

/**
 * Epoch AI's split of hardware cost (estimate_hardware_capex_energy_cost with separate_components):
 * the server's cost / server overhead is the chip, the rest of the server's cost the other server
 * components, and the network share of the cluster's cost the interconnect. For a chip-only price P:
 * chip P, rest of the server (overhead - 1) x P, interconnect overhead x P x share / (1 - share).
 */
export function hardwareParts(usd: number, serverOverhead: number, networkShare: number): CostPart[] {
  const shares: Record<CostPartId, number> = {
    chip: (1 - networkShare) / serverOverhead,
    server: (1 - networkShare) * (1 - 1 / serverOverhead),
    interconnect: networkShare,
  };
  return COST_PARTS.map((id) => ({ id, label: COST_PART_LABELS[id], usd: usd * shares[id], share: shares[id] }));
}

/** A run's parts: each summed over its components' parts (null when a component has none). */
function sumParts(all: readonly CostComponent[], usd: number): CostPart[] | undefined {
  if (all.some((c) => c.breakdown === undefined)) return undefined;
  return COST_PARTS.map((id) => {
    const part = all.reduce((a, c) => a + c.breakdown!.find((x) => x.id === id)!.usd, 0);
    return { id, label: COST_PART_LABELS[id], usd: part, share: usd > 0 ? part / usd : 0 };
  });
}

export const term = (name: string, value: number, unit: CostUnit, op: 'x' | '/' = 'x'): CostTerm => ({ name, value, unit, op });

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
  dollarDate: string,
  dollars: DollarBasis | null,
): CostComponent {
  // Converted to one year's dollars: one more term, last, the price index's ratio (Epoch AI's
  // adjustment; dollarFactorOf reads it back).
  if (dollars !== null)
    terms = [
      ...terms,
      term(
        `${dollars.year} dollars per dollar of ${dollarDate} (${dollars.index.series})`,
        dollarFactor(dollars.index, dollarDate, dollars.year),
        'factor',
      ),
    ];
  const usd = productOf(terms);
  const scale = (h: number) => (gpuHours > 0 ? (usd * h) / gpuHours : usd);
  return {
    id,
    label,
    usd,
    range: [scale(gpuHoursRange[0]), scale(gpuHoursRange[1])],
    basis,
    formula: formulaOf(terms),
    terms,
    source,
    dollarDate,
  };
}

export interface PhaseCostInput {
  /** Null when the run gives GPU-hours without a cluster size. */
  chips: number | null;
  gpuHours: number;
  gpuHoursRange: readonly [number, number];
  price: { usdPerGpuHour: number; source: string };
  /** Null when the chip's power is unknown. */
  energy: { kWh: number; usdPerKwh: number; source: string } | null;
  /** Null when no purchase price is known. */
  ownership: OwnershipParams | null;
  /** The date of each figure's dollars: the rental price's, the run's (hardware valued then), the electricity price's, the purchase price's. */
  dollarDates: { rental: string; capex: string; energy: string; acquisition: string };
  /** Convert every figure to one year's dollars; null: nominal. */
  dollars: DollarBasis | null;
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
      input.dollarDates.rental,
      input.dollars,
    ),
  ];
  const o = input.ownership;
  const split = (c: CostComponent): CostComponent =>
    o === null ? c : { ...c, breakdown: hardwareParts(c.usd, o.serverOverhead, o.networkShare) };
  if (o !== null) {
    // Epoch AI (Cottier et al. 2024): capex per chip / (1 - network share), amortised over the
    // hardware's life at the utilisation assumed.
    costs.push(
      split(
        component(
          'capex',
          'Hardware (amortised)',
          'owned',
          [
            term('GPU-hours', gpuHours, 'gpu-hours'),
            term(o.includesServer ? 'server cost per chip' : 'chip price', o.purchaseUsd, 'usd'),
            ...(o.includesServer ? [] : [term('server overhead', o.serverOverhead, 'factor')]),
            // Epoch AI: the hardware's value at the run's date, 10^(-0.14 x years since bought).
            ...(o.valueFactor === 1
              ? []
              : [term(`value left at ${input.dollarDates.capex} (bought ${o.purchaseDate})`, o.valueFactor, 'factor')]),
            term('(1 - network share)', 1 - o.networkShare, 'factor', '/'),
            term('lifetime hours', o.lifetimeYears * HOURS_PER_YEAR, 'hours', '/'),
            term('utilisation', o.utilization, 'factor', '/'),
          ],
          o.source,
          gpuHours,
          gpuHoursRange,
          input.dollarDates.capex,
          input.dollars,
        ),
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
          input.dollarDates.energy,
          input.dollars,
        ),
      );
    // Epoch AI (Cottier et al. 2024), acquisition cost: what buying the cluster costs up front,
    // chips x server cost per chip / (1 - network share). Not a cost of the run: stated apart.
    if (input.chips !== null)
      costs.push(
        split(
          component(
            'acquisition',
            'Cluster purchase',
            'acquisition',
            [
              term('chips', input.chips, 'count'),
              term(o.includesServer ? 'server cost per chip' : 'chip price', o.purchaseUsd, 'usd'),
              ...(o.includesServer ? [] : [term('server overhead', o.serverOverhead, 'factor')]),
              term('(1 - network share)', 1 - o.networkShare, 'factor', '/'),
            ],
            o.source,
            // An up-front cost does not scale with the GPU-hours: its range is the figure itself.
            gpuHours,
            [gpuHours, gpuHours],
            input.dollarDates.acquisition,
            input.dollars,
          ),
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

/** The factor a component was converted by to `--dollar-year`'s dollars (its last term), 1 in nominal dollars. */
export function dollarFactorOf(c: CostComponent, dollarYear: number | null): number {
  return dollarYear === null ? 1 : (c.terms.at(-1)?.value ?? 1);
}

export function costOf(costs: readonly CostComponent[], id: CostId): CostComponent | null {
  return costs.find((c) => c.id === id) ?? null;
}

/**
 * A run's components: each id summed over the phases that have it (the cluster bought: the
 * largest phase's). Where the phases' terms differ only in the first (GPU-hours at one price), the
 * run's terms are the first term summed and the rest as they are: sum(a_i x rest) = sum(a_i) x rest.
 * Otherwise the run lists no terms (see its phases).
 */
export function runCosts(phases: readonly { costs: readonly CostComponent[] }[]): CostComponent[] {
  // One phase: its components are the run's (components are never changed once made).
  if (phases.length === 1) return [...phases[0]!.costs];
  const out: CostComponent[] = [];
  for (const id of COST_IDS) {
    const found = phases.map((p) => costOf(p.costs, id));
    const summed = RUN_AGGREGATE[id] === 'sum';
    // A run's sum is only as complete as its phases: a total with a phase missing would mislead.
    if (summed ? !found.every((c) => c !== null) : found.every((c) => c === null)) continue;
    const all = found.filter((c) => c !== null);
    const first = all[0]!;
    const sources = [...new Set(all.map((c) => c.source))];
    const add = summed
      ? (f: (c: CostComponent) => number) => all.reduce((a, c) => a + f(c), 0)
      : (f: (c: CostComponent) => number) => Math.max(...all.map(f));
    const largest = all.reduce((a, c) => (c.usd > a.usd ? c : a));
    const terms = summed ? sharedTerms(all) : largest.terms.map((t) => ({ ...t }));
    const usd = summed ? add((c) => c.usd) : largest.usd;
    const breakdown = summed ? sumParts(all, usd) : largest.breakdown?.map((x) => ({ ...x }));
    out.push({
      id,
      label: first.label,
      usd,
      range: [add((c) => c.range[0]), add((c) => c.range[1])],
      basis: first.basis,
      formula: formulaOf(terms),
      terms,
      source: sources.length === 1 ? sources[0]! : 'several (see phases)',
      dollarDate: new Set(all.map((c) => c.dollarDate)).size === 1 ? first.dollarDate : null,
      ...(breakdown === undefined ? {} : { breakdown }),
    });
  }
  return out;
}

/** The phases' terms with the first summed, when every other term is the same in all; else none. */
function sharedTerms(all: readonly CostComponent[]): CostTerm[] {
  const first = all[0]!.terms;
  const same = (a: CostTerm, b: CostTerm) => a.name === b.name && a.value === b.value && a.unit === b.unit && a.op === b.op;
  const alike = all.every(
    (c) =>
      c.terms.length === first.length &&
      c.terms.length > 0 &&
      c.terms[0]!.name === first[0]!.name &&
      c.terms.slice(1).every((t, i) => same(t, first[i + 1]!)),
  );
  if (!alike) return [];
  return [{ ...first[0]!, value: all.reduce((a, c) => a + c.terms[0]!.value, 0) }, ...first.slice(1).map((t) => ({ ...t }))];
}
