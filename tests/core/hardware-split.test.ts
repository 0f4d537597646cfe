// Epoch AI's split of the hardware cost (Cottier et al. 2024, cost_analysis_standalone.py,
// separate_components): chip, rest of the server, cluster interconnect; energy is its own component.
import { describe, expect, it } from 'vitest';
import { costOf, hardwareParts, totalOf } from '../../src/core/costs.js';
import { estimateRun } from '../../src/core/estimate.js';
import { OWNERSHIP_DEFAULTS } from '../../src/core/ownership.js';
import type { PhaseInput } from '../../src/core/types.js';
import { outputSchema } from '../../src/output/contract.js';
import { renderJson } from '../../src/output/json.js';
import { noMfu, ownershipOf, runOf, seedPhase } from '../helpers/accelerators.js';

const P = 25_000; // a chip-only price

/** 1,000 H800s x 100 h, owned at a purchase price P (chip only or with its server). */
function phase(includesServer: boolean, over: Partial<PhaseInput> = {}): PhaseInput {
  return seedPhase({ chips: 1000, duration: { hours: 100 }, ownership: ownershipOf(P, includesServer, 'test price'), ...over });
}
const part = (parts: { id: string; usd: number }[] | undefined, id: string) => parts!.find((x) => x.id === id)!.usd;

describe("Epoch AI's hardware split", () => {
  it('for a chip-only price P, per chip: chip P, rest of the server 0.64 P, interconnect 1.64 P x 0.19 / 0.81', () => {
    const r = estimateRun(runOf([phase(false)]), noMfu);
    const buy = costOf(r.costs, 'acquisition')!;
    expect(buy.usd).toBeCloseTo((1000 * P * 1.64) / 0.81, 4);
    expect(part(buy.breakdown, 'chip')).toBeCloseTo(1000 * P, 4);
    expect(part(buy.breakdown, 'server')).toBeCloseTo(1000 * 0.64 * P, 4);
    expect(part(buy.breakdown, 'interconnect')).toBeCloseTo((1000 * 1.64 * P * 0.19) / 0.81, 4);
    expect(buy.breakdown!.map((x) => x.label)).toEqual(['AI accelerator chip', 'rest of the server', 'cluster interconnect']);
  });

  it('splits the amortised capex in the same shares, and the owned total is unchanged (capex + energy)', () => {
    const r = estimateRun(runOf([phase(false)]), noMfu);
    const capex = costOf(r.costs, 'capex')!;
    const hours = OWNERSHIP_DEFAULTS.lifetimeYears * 24 * 365.25;
    const perChipHour = (P * 1.64) / 0.81 / hours;
    expect(capex.usd).toBeCloseTo(100_000 * perChipHour, 6);
    expect(part(capex.breakdown, 'chip')).toBeCloseTo((100_000 * P) / hours, 6);
    expect(capex.breakdown!.reduce((a, x) => a + x.usd, 0)).toBeCloseTo(capex.usd, 6);
    expect(capex.breakdown!.map((x) => x.share.toFixed(4))).toEqual([
      (0.81 / 1.64).toFixed(4),
      ((0.81 * 0.64) / 1.64).toFixed(4),
      '0.1900',
    ]);
    expect(totalOf(r.costs, 'owned')).toBeCloseTo(capex.usd + costOf(r.costs, 'energy')!.usd, 6);
  });

  it('a server price (8-GPU server / 8) splits with the chip as server cost / 1.64, as Epoch AI does', () => {
    const parts = hardwareParts(1000, 1.64, 0.19);
    const want = [(1000 * 0.81) / 1.64, 1000 * 0.81 * (1 - 1 / 1.64), 190];
    parts.forEach((x, i) => expect(x.usd).toBeCloseTo(want[i]!, 9));
    const r = estimateRun(runOf([phase(true)]), noMfu);
    const buy = costOf(r.costs, 'acquisition')!;
    expect(part(buy.breakdown, 'chip')).toBeCloseTo((1000 * P) / 1.64, 4);
    expect(part(buy.breakdown, 'interconnect')).toBeCloseTo((1000 * P * 0.19) / 0.81, 4);
  });

  it('rental and energy carry no breakdown; a run of two phases sums the parts of its capex', () => {
    const r = estimateRun(runOf([phase(false), phase(false, { name: 'second', duration: { hours: 50 } })]), noMfu);
    expect(costOf(r.costs, 'rental')!.breakdown).toBeUndefined();
    expect(costOf(r.costs, 'energy')!.breakdown).toBeUndefined();
    const capex = costOf(r.costs, 'capex')!;
    const sum = r.phases.reduce((a, p) => a + part(costOf(p.costs, 'capex')!.breakdown, 'chip'), 0);
    expect(part(capex.breakdown, 'chip')).toBeCloseTo(sum, 6);
    expect(capex.breakdown!.reduce((a, x) => a + x.usd, 0)).toBeCloseTo(capex.usd, 6);
    // The cluster bought is the largest phase's: its parts, not a sum.
    expect(part(costOf(r.costs, 'acquisition')!.breakdown, 'chip')).toBeCloseTo(1000 * P, 4);
  });

  it('JSON: capex and acquisition carry breakdown[] (additive, valid against the contract); rental has none', () => {
    const doc = outputSchema.parse(JSON.parse(renderJson([estimateRun(runOf([phase(false)]), noMfu)])));
    const costs = doc.runs[0]!.costs;
    expect(costs.find((c) => c.id === 'rental')!.breakdown).toBeUndefined();
    const buy = costs.find((c) => c.id === 'acquisition')!;
    expect(buy.breakdown!.map((x) => x.id)).toEqual(['chip', 'server', 'interconnect']);
    expect(buy.breakdown![0]!.usd).toBeCloseTo(1000 * P, 4);
  });
});
