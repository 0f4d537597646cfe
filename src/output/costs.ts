// How cost components read for people: the name of each total, and one line per component.
import { type CostBasis, type CostComponent, COST_BASES, rangeOf, totalOf } from '../core/costs.js';
import { fmtRate, fmtTermWithUnit, fmtUsd } from './format.js';

/** Each total's label in tables and its name in the arithmetic. */
export const BASIS_LABELS: Record<CostBasis, { label: string; id: string }> = {
  rental: { label: 'Rental cost', id: 'rental' },
  owned: { label: 'Owned cost', id: 'owned' },
  acquisition: { label: 'Cluster purchase', id: 'acquisition' },
  development: { label: 'Development (apart)', id: 'development' },
};

/** The totals present, each with its components: the order renderers list them in. */
export function totalsOf(
  costs: readonly CostComponent[],
): { basis: CostBasis; usd: number; range: [number, number]; parts: CostComponent[] }[] {
  // The sums are core's (totalOf, rangeOf), as the JSON and the CSV read them.
  return COST_BASES.flatMap((basis) => {
    const usd = totalOf(costs, basis);
    return usd === null ? [] : [{ basis, usd, range: rangeOf(costs, basis)!, parts: costs.filter((c) => c.basis === basis) }];
  });
}

/**
 * How a total is made, after its figure: "= $83,217 capex + $4,044 energy"; for a total of one
 * component priced at a rate, the rate: "at $2.00/GPU-hour".
 */
export function partsText(parts: readonly CostComponent[]): string {
  const only = parts.length === 1 ? parts[0]! : null;
  const rate = only?.terms.at(-1);
  if (rate !== undefined && (rate.unit === 'usd-per-gpu-hour' || rate.unit === 'usd-per-kwh')) return `at ${fmtRate(rate)}`;
  if (only !== null && only.terms.length > 0)
    return `= ${only.terms.map((t, i) => `${i === 0 ? '' : `${t.op} `}${fmtTermWithUnit(t)}`).join(' ')}`;
  return `= ${parts.map((c) => `${fmtUsd(c.usd)} ${c.id}`).join(' + ')}`;
}
