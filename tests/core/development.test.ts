// Development cost beyond the final run: each component is the product of its terms, stated under
// its own basis, and the run's own totals do not move.
import { describe, expect, it } from 'vitest';
import { type CostComponent, productOf, totalOf } from '../../src/core/costs.js';
import {
  type DevelopmentBase,
  developmentConflict,
  developmentCosts,
  EXPERIMENTS_DEFAULT,
  lostFactor,
} from '../../src/core/development.js';

const rental: CostComponent = {
  dollarDate: '2024-12-27',
  id: 'rental',
  label: 'Rental',
  usd: 81_920,
  range: [81_920, 81_920],
  basis: 'rental',
  formula: 'GPU-hours x price',
  terms: [],
  source: 'test',
};
const base: DevelopmentBase = {
  costs: [rental],
  gpuHours: 40_960,
  gpuHoursRange: [40_960, 40_960],
  wallClockHours: 80,
  usdPerGpuHour: 2,
  workloadDerived: false,
};
const none = { experiments: null, staff: null, goodput: null };

describe('development costs', () => {
  it("Epoch AI's experiments default: median sqrt(1.2 x 4) = 2.19x, range 1.2x-4x", () => {
    expect(EXPERIMENTS_DEFAULT.factor).toBeCloseTo(2.191, 3);
    const [e] = developmentCosts(base, { ...none, experiments: { ...EXPERIMENTS_DEFAULT, range: [1.2, 4] } });
    expect(e!.id).toBe('experiments');
    expect(e!.basis).toBe('development');
    expect(e!.usd).toBeCloseTo(81_920 * (Math.sqrt(4.8) - 1), 6);
    expect(e!.range[0]).toBeCloseTo(81_920 * 0.2, 6);
    expect(e!.range[1]).toBeCloseTo(81_920 * 3, 6);
  });

  it('a given multiplier 1.5 adds half the run', () => {
    const [e] = developmentCosts(base, { ...none, experiments: { factor: 1.5, range: [1.5, 1.5], source: 'given' } });
    expect(e!.usd).toBe(40_960);
    expect(e!.range).toEqual([40_960, 40_960]);
  });

  it('staff: 10 people at $250,000 a year over 80 hours of wall-clock', () => {
    const [s] = developmentCosts(base, { ...none, staff: { count: 10, usdPerYear: 250_000, periodHours: null, source: 'given' } });
    expect(s!.usd).toBeCloseTo((10 * 250_000 * 80) / (24 * 365.25), 6);
    expect(s!.terms.map((t) => t.name)).toContain('wall-clock hours');
  });

  it('goodput 0.9: 40,960 useful GPU-hours cost 4,551 lost ones, $9,102 at $2', () => {
    expect(40_960 * lostFactor(0.9)).toBeCloseTo(4551.1, 1);
    const [r] = developmentCosts(base, { ...none, goodput: { value: 0.9, source: 'given' } });
    expect(r!.id).toBe('restarts');
    expect(r!.usd).toBeCloseTo(9102.2, 1);
    expect(r!.formula).toBe('GPU-hours x (1 / goodput - 1) x price');
  });

  it('every component is the product of its terms, and the rental total is unchanged', () => {
    const costs = developmentCosts(base, {
      experiments: { factor: 2, range: [2, 2], source: 'g' },
      staff: { count: 3, usdPerYear: 1e5, periodHours: 24 * 365.25, source: 'g' },
      goodput: { value: 0.8, source: 'given' },
    });
    expect(costs.map((c) => c.id)).toEqual(['experiments', 'staff', 'restarts']);
    for (const c of costs) expect(c.usd).toBeCloseTo(productOf(c.terms), 9);
    // The figures themselves: experiments (2 - 1) x the rental, staff 3 x $100K for a year, restarts 1/0.8 - 1 of it.
    expect(costs.find((c) => c.id === 'experiments')!.usd).toBeCloseTo((2 - 1) * 81_920, 6);
    expect(costs.find((c) => c.id === 'staff')!.usd).toBeCloseTo(300_000, 6);
    expect(costs.find((c) => c.id === 'restarts')!.usd).toBeCloseTo(81_920 * 0.25, 6);
    const all = [rental, ...costs];
    expect(totalOf(all, 'rental')).toBe(81_920);
    expect(totalOf(all, 'development')).toBeCloseTo(81_920 + 300_000 + 20_480, 6);
  });

  it('goodput on calibrated workload-derived hours is a conflict: never counted twice', () => {
    expect(developmentConflict({ ...base, workloadDerived: true }, { ...none, goodput: { value: 0.9, source: 'given' } })).toBe(
      'goodput-on-workload',
    );
    expect(() => developmentCosts({ ...base, workloadDerived: true }, { ...none, goodput: { value: 0.9, source: 'given' } })).toThrow();
    expect(
      developmentConflict({ ...base, workloadDerived: true }, { ...none, experiments: { factor: 2, range: [2, 2], source: 'g' } }),
    ).toBeNull();
  });

  it('staff without a period needs a wall-clock', () => {
    expect(
      developmentConflict(
        { ...base, wallClockHours: null },
        { ...none, staff: { count: 1, usdPerYear: 1, periodHours: null, source: 'g' } },
      ),
    ).toBe('staff-without-period');
  });
});
