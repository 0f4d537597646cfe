// Cost components: every dollar figure is an entry of `costs`, each the product of its terms, and
// every total is a sum over the list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costOf, formulaOf, productOf, totalOf } from '../../src/core/costs.js';
import { estimateRun } from '../../src/core/estimate.js';
import { OWNERSHIP_DEFAULTS } from '../../src/core/ownership.js';
import type { PhaseInput } from '../../src/core/types.js';
import { DEEPSEEK_PRICE, H800, noMfu, ownershipOf, runOf, seedPhase } from '../helpers/accelerators.js';

const OWNED = ownershipOf(44_750, true, 'DGX H800 / 8');

function phase(over: Partial<PhaseInput> = {}): PhaseInput {
  return seedPhase({ ownership: OWNED, ...over });
}

describe('cost components of the seed run (512 H800 x 80 h at $2)', () => {
  const r = estimateRun(runOf([phase()]), noMfu);

  it('lists rental, capex, energy and the cluster purchase, in that order', () => {
    expect(r.costs.map((c) => [c.id, c.basis])).toEqual([
      ['rental', 'rental'],
      ['capex', 'owned'],
      ['energy', 'owned'],
      ['acquisition', 'acquisition'],
    ]);
  });

  it("the cluster purchase (Epoch AI's acquisition cost) is chips x server cost / (1 - network share): 512 x $44,750 / 0.81", () => {
    const buy = costOf(r.costs, 'acquisition')!;
    expect(buy.usd).toBeCloseTo((512 * 44_750) / 0.81, 6);
    expect(buy.range).toEqual([buy.usd, buy.usd]);
    expect(totalOf(r.costs, 'acquisition')).toBe(buy.usd);
    // Stated apart: neither the rental nor the owned total includes it.
    expect(r.ownership!.usd).toBeLessThan(buy.usd);
  });

  it('rental is GPU-hours x price = 40,960 x $2 = $81,920, with the price and its date as source', () => {
    const rental = costOf(r.costs, 'rental')!;
    expect(rental.usd).toBe(81_920);
    expect(rental.formula).toBe('GPU-hours x price');
    expect(rental.terms.map((t) => t.value)).toEqual([40_960, 2]);
    expect(rental.range).toEqual([81_920, 81_920]);
    expect(rental.source).toBe(`deepseek-assumption, 2024-12-27: ${DEEPSEEK_PRICE.source}`);
  });

  it('capex is the server cost amortised as Epoch AI does: 40,960 x $44,750 / 0.81 / (3.1 y x 8,766 h) = $83,217', () => {
    const capex = costOf(r.costs, 'capex')!;
    expect(capex.usd).toBeCloseTo(83_217, 0);
    expect(capex.formula).toBe('GPU-hours x server cost per chip / (1 - network share) / lifetime hours / utilisation');
    expect(capex.source).toContain('DGX H800 / 8');
  });

  it('a chip-only price adds the server overhead (x 1.64) as a term of its own', () => {
    const chipOnly = estimateRun(runOf([phase({ ownership: { ...OWNED, includesServer: false, purchaseUsd: 25_000 } })]), noMfu);
    const capex = costOf(chipOnly.costs, 'capex')!;
    expect(capex.terms.find((t) => t.name === 'server overhead')?.value).toBe(1.64);
    expect(capex.usd).toBeCloseTo((40_960 * 25_000 * 1.64) / 0.81 / (OWNERSHIP_DEFAULTS.lifetimeYears * 24 * 365.25), 6);
  });

  it('energy cost is kWh x electricity price: 40,960 GPU-hours x 1.275 kW x 0.75 x PUE 1.25 = 48,960 kWh x $0.0826 = $4,044.10', () => {
    const energy = costOf(r.costs, 'energy')!;
    expect(r.energy.kWh).toBeCloseTo(48_960, 9);
    expect(energy.usd).toBeCloseTo(4_044.096, 9);
    expect(energy.usd).toBeCloseTo(r.energy.usd!, 9);
  });

  it('the totals are sums over the list: rental.usd, ownership.usd = capex + energy', () => {
    expect(r.rental.usd).toBe(totalOf(r.costs, 'rental'));
    expect(r.ownership!.usd).toBeCloseTo(costOf(r.costs, 'capex')!.usd + costOf(r.costs, 'energy')!.usd, 9);
    expect(r.ownership!.usd).toBe(totalOf(r.costs, 'owned'));
  });
});

describe('cost components: what is left out, and runs of several phases', () => {
  it('without a purchase price there is no owned total, only rental', () => {
    const r = estimateRun(runOf([phase({ ownership: null })]), noMfu);
    expect(r.costs.map((c) => c.id)).toEqual(['rental']);
    expect(totalOf(r.costs, 'owned')).toBeNull();
    expect(r.ownership).toBeNull();
  });

  it('without known power there is no energy component, and the owned total is capex alone', () => {
    const noPower = { ...H800, systemWattsPerChip: undefined, powerDrawFraction: undefined };
    const r = estimateRun(runOf([phase({ gpu: noPower })]), noMfu);
    expect(r.costs.map((c) => c.id)).toEqual(['rental', 'capex', 'acquisition']);
    expect(r.ownership!.usd).toBe(costOf(r.costs, 'capex')!.usd);
  });

  it("a run's component is the sum of its phases' (R1-like: three phases at $2)", () => {
    const r = estimateRun(
      runOf([
        phase({ name: 'a', duration: { gpuHours: 101_000 } }),
        phase({ name: 'b', duration: { gpuHours: 5_000 } }),
        phase({ name: 'c', duration: { gpuHours: 41_000 } }),
      ]),
      noMfu,
    );
    expect(costOf(r.costs, 'rental')!.usd).toBe(294_000);
    expect(r.rental.usd).toBe(294_000);
    expect(costOf(r.costs, 'capex')!.usd).toBeCloseTo(
      r.phases.reduce((a, p) => a + costOf(p.costs, 'capex')!.usd, 0),
      6,
    );
    // One price for all phases: the run's terms are the summed GPU-hours at that price.
    expect(costOf(r.costs, 'rental')!.terms.map((t) => t.value)).toEqual([147_000, 2]);
    // The cluster is bought once: the largest phase's, not the sum.
    expect(costOf(r.costs, 'acquisition')!.usd).toBeCloseTo((512 * 44_750) / 0.81, 6);
  });

  it('phases at different prices: the run lists no terms, only the sum', () => {
    const r = estimateRun(runOf([phase({ name: 'a' }), phase({ name: 'b', price: { ...DEEPSEEK_PRICE, usdPerGpuHour: 3 } })]), noMfu);
    const rental = costOf(r.costs, 'rental')!;
    expect(rental.usd).toBe(81_920 + 122_880);
    expect(rental.terms).toEqual([]);
    expect(rental.formula).toBe('');
  });

  it('a workload-derived run gives each component a range that follows the GPU-hours range', () => {
    const band = { default: 0.3, low: 0.2, high: 0.4 };
    const r = estimateRun(
      runOf([
        phase({ chips: 2048, duration: null, workload: { flop: 3.3e24, params: null, activeParams: null, tokens: null, kind: 'train' } }),
      ]),
      () => ({ band, basis: 'accelerator' }),
    );
    expect(r.costs.map((c) => c.id)).toEqual(['rental', 'capex', 'energy', 'acquisition']);
    for (const c of r.costs.filter((c) => c.id !== 'acquisition')) {
      expect(c.range[0]).toBeCloseTo((c.usd * r.range.gpuHours[0]) / r.gpuHours, 6);
      expect(c.range[1]).toBeCloseTo((c.usd * r.range.gpuHours[1]) / r.gpuHours, 6);
    }
    expect(r.range.usd).toEqual(costOf(r.costs, 'rental')!.range);
  });
});

describe('every component is the product of its terms (property)', () => {
  it('for any chips, hours, price, purchase, PUE and electricity price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0.01, max: 10_000, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 100, max: 1e6, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (chips, hours, price, purchase, includesServer, pue, usdPerKwh) => {
          const r = estimateRun(
            runOf([
              phase({
                chips,
                duration: { hours },
                price: { ...DEEPSEEK_PRICE, usdPerGpuHour: price },
                ownership: { ...OWNED, purchaseUsd: purchase, includesServer },
                energy: {
                  region: 'x',
                  defaultReason: null,
                  pue,
                  gridGCo2PerKwh: 300,
                  usdPerKwh,
                  usdPerKwhDate: '2025',
                  source: 'test energy source',
                },
              }),
            ]),
            noMfu,
          );
          for (const c of r.costs) {
            expect(c.usd).toBe(productOf(c.terms));
            expect(c.formula).toBe(formulaOf(c.terms));
            expect(Number.isFinite(c.usd)).toBe(true);
          }
          // The same figures from Epoch AI's formulas written out here, not from the terms.
          const gpuHours = chips * hours;
          const server = includesServer ? purchase : purchase * 1.64;
          const kWh = (gpuHours * H800.systemWattsPerChip! * H800.powerDrawFraction! * pue) / 1000;
          const rel = (id: 'capex' | 'energy' | 'acquisition', want: number) =>
            expect(Math.abs(costOf(r.costs, id)!.usd - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
          rel('capex', (gpuHours * server) / 0.81 / (OWNERSHIP_DEFAULTS.lifetimeYears * 24 * 365.25));
          rel('energy', kWh * usdPerKwh);
          rel('acquisition', (chips * server) / 0.81);
          expect(r.rental.usd).toBeCloseTo(chips * hours * price, 6);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
