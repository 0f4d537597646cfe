// The pure core of energy, ownership, memory, scaling and budgets: exact figures from the formulas
// DESIGN.md and Epoch AI's cost model fix (Cottier et al. 2024), and properties for any input.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateBudget, type BudgetInput } from '../../src/core/budget.js';
import { energyKwh, estimateEnergy, type EnergyProfile } from '../../src/core/energy.js';
import { estimateMemory, MODEL_STATE_BYTES_PER_PARAM } from '../../src/core/memory.js';
import {
  capexPerChip,
  capexPerGpuHour,
  estimateOwnership,
  HOURS_PER_YEAR,
  OWNERSHIP_DEFAULTS,
  type OwnershipParams,
} from '../../src/core/ownership.js';
import { chinchilla, computeOptimal } from '../../src/core/scaling.js';
import type { MfuProvider } from '../../src/core/types.js';
import { loadGpus } from '../../src/presets/gpus.js';
import { DEEPSEEK_PRICE, H800, ownershipOf } from '../helpers/accelerators.js';
import { loadMfuProvider } from '../../src/presets/mfu.js';
import { expectRel as expectRelTo } from '../helpers/expect.js';

/** Core arithmetic: the same figure to 1e-12. */
const expectRel = (actual: number, expected: number, rel = 1e-12) => expectRelTo(actual, expected, rel);

const CHINA: EnergyProfile = {
  region: 'china',
  defaultReason: null,
  pue: 1.25,
  gridGCo2PerKwh: 557.5,
  usdPerKwh: 0.088,
  usdPerKwhDate: '2025',
  source: 'test energy source',
};

const CHIP_ONLY: OwnershipParams = ownershipOf(30_000, false, 'test');
const WITH_SERVER: OwnershipParams = { ...CHIP_ONLY, purchaseUsd: 44_750, includesServer: true };

describe('energy', () => {
  it('energyKwh = GPU-hours x watts x draw x PUE / 1000', () => {
    expect(energyKwh(40_960, 1275, 0.75, 1.25)).toBe(48_960);
    expect(energyKwh(1, 1000, 1, 1)).toBe(1);
    expect(energyKwh(0, 1275, 0.75, 1.25)).toBe(0);
  });

  it('estimateEnergy: kWh, its price, and CO2 in tonnes at the grid intensity', () => {
    const e = estimateEnergy(40_960, H800, CHINA);
    expect(e.kWh).toBe(48_960);
    expectRel(e.usd!, 48_960 * 0.088);
    expectRel(e.co2Tonnes!, (48_960 * 557.5) / 1e6);
    expect(e).toMatchObject({
      region: 'china',
      pue: 1.25,
      gridGCo2PerKwh: 557.5,
      usdPerKwh: 0.088,
      systemWattsPerChip: 1275,
      drawFraction: 0.75,
    });
  });

  it('unknown server power: null figures, the region still stated', () => {
    const { systemWattsPerChip: _w, ...noPower } = H800;
    const e = estimateEnergy(40_960, noPower, CHINA);
    expect(e.kWh).toBeNull();
    expect(e.usd).toBeNull();
    expect(e.co2Tonnes).toBeNull();
    expect(e.systemWattsPerChip).toBeNull();
    expect(e.region).toBe('china');
    expect(e.pue).toBe(1.25);
    const { powerDrawFraction: _d, ...noDraw } = H800;
    expect(estimateEnergy(40_960, noDraw, CHINA).kWh).toBeNull();
  });

  it('energy is linear in GPU-hours and in PUE', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e8, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), (h, pue) => {
        const one = estimateEnergy(h, H800, { ...CHINA, pue });
        const two = estimateEnergy(2 * h, H800, { ...CHINA, pue });
        expectRel(two.kWh!, 2 * one.kWh!, 1e-12);
        expectRel(one.kWh!, (h * 1275 * 0.75 * pue) / 1000, 1e-12);
      }),
    );
  });
});

describe('ownership (Epoch AI)', () => {
  it('the defaults: 1.64 server overhead, 19% network, 1 / (0.14 ln 10) years, utilisation 1', () => {
    expect(OWNERSHIP_DEFAULTS.serverOverhead).toBe(1.64);
    expect(OWNERSHIP_DEFAULTS.networkShare).toBe(0.19);
    expectRel(OWNERSHIP_DEFAULTS.lifetimeYears, 1 / (0.14 * Math.LN10));
    expect(OWNERSHIP_DEFAULTS.utilization).toBe(1);
    expect(HOURS_PER_YEAR).toBe(8766);
  });

  it('capexPerChip adds the server share only to chip-only prices, then / (1 - 0.19)', () => {
    expectRel(capexPerChip(CHIP_ONLY), (30_000 * 1.64) / (1 - 0.19));
    expectRel(capexPerChip(WITH_SERVER), 44_750 / (1 - 0.19));
  });

  it('capexPerGpuHour = capex per chip / (lifetime hours x utilisation)', () => {
    expectRel(capexPerGpuHour(CHIP_ONLY), (30_000 * 1.64) / 0.81 / (OWNERSHIP_DEFAULTS.lifetimeYears * 8766));
    expectRel(capexPerGpuHour({ ...WITH_SERVER, lifetimeYears: 4, utilization: 0.5 }), 44_750 / 0.81 / (4 * 8766 * 0.5));
  });

  it('estimateOwnership: capex for the hours used plus energy', () => {
    const o = estimateOwnership(40_960, WITH_SERVER, 4308.48, 2 * 40_960);
    expectRel(o.capexUsd, (40_960 * 44_750) / 0.81 / (OWNERSHIP_DEFAULTS.lifetimeYears * 8766));
    expect(o.energyUsd).toBe(4308.48);
    expectRel(o.usd, o.capexUsd + 4308.48);
    expectRel(o.usdPerGpuHour, o.usd / 40_960);
    expect(o).toMatchObject({ purchaseUsdPerChip: 44_750, includesServer: true, utilization: 1, networkShare: 0.19 });
  });

  it('unknown energy: owned cost is the capex alone', () => {
    const o = estimateOwnership(1000, WITH_SERVER, null, 2 * 1000);
    expect(o.energyUsd).toBeNull();
    expect(o.usd).toBe(o.capexUsd);
  });

  it('at the break-even utilisation owning costs exactly what renting does', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: 5_000, max: 100_000, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 1, max: 6, noNaN: true }),
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        (gpuHours, purchase, includesServer, years, rent, energyPerGpuHour) => {
          const params = { ...CHIP_ONLY, purchaseUsd: purchase, includesServer, lifetimeYears: years };
          const energy = energyPerGpuHour * gpuHours;
          const be = estimateOwnership(gpuHours, params, energy, rent * gpuHours).breakEvenUtilization;
          expect(be).not.toBeNull();
          const atBe = estimateOwnership(gpuHours, { ...params, utilization: be! }, energy, rent * gpuHours);
          expect(Math.abs(atBe.usdPerGpuHour - rent)).toBeLessThanOrEqual(1e-9 * rent);
        },
      ),
    );
  });

  it('no break-even when energy alone costs more than the rent', () => {
    const gpuHours = 1000;
    expect(estimateOwnership(gpuHours, WITH_SERVER, 3 * gpuHours, 2 * gpuHours).breakEvenUtilization).toBeNull();
    expect(estimateOwnership(gpuHours, WITH_SERVER, 2 * gpuHours, 2 * gpuHours).breakEvenUtilization).toBeNull();
    expect(estimateOwnership(gpuHours, WITH_SERVER, 1.99 * gpuHours, 2 * gpuHours).breakEvenUtilization).not.toBeNull();
  });

  it('the H800 at $2: owning needs more than 100% utilisation to break even', () => {
    const energy = 48_960 * 0.088; // kWh x $/kWh in China: $4,308.48
    const be = estimateOwnership(40_960, WITH_SERVER, energy, 2 * 40_960).breakEvenUtilization!;
    // capex per chip / (lifetime hours x (rent - energy per GPU-hour)).
    expectRel(be, 44_750 / 0.81 / (OWNERSHIP_DEFAULTS.lifetimeYears * 8766 * (2 - energy / 40_960)));
    expect(be).toBeGreaterThan(1);
  });

  it('halving the utilisation doubles the capex (any hardware, any hours)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e8, noNaN: true }),
        fc.double({ min: 1_000, max: 200_000, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (gpuHours, purchase, includesServer, years, u) => {
          const params = { ...CHIP_ONLY, purchaseUsd: purchase, includesServer, lifetimeYears: years, utilization: u };
          const full = estimateOwnership(gpuHours, params, 0, 2 * gpuHours);
          const half = estimateOwnership(gpuHours, { ...params, utilization: u / 2 }, 0, 2 * gpuHours);
          expectRel(half.capexUsd, 2 * full.capexUsd, 1e-12);
        },
      ),
    );
  });
});

describe('memory', () => {
  it('16 bytes per parameter, fully sharded: minChips = ceil(16 N / HBM)', () => {
    expect(MODEL_STATE_BYTES_PER_PARAM).toBe(16);
    const m = estimateMemory(405e9, 80, 8);
    expect(m.minChips).toBe(81);
    expect(m.bytesPerChip).toBe((16 * 405e9) / 8);
    expect(m.hbmBytesPerChip).toBe(80e9);
    // Exactly full is enough; one parameter more needs another chip.
    expect(estimateMemory(5e9, 80, null).minChips).toBe(1);
    expect(estimateMemory(5e9 + 1, 80, null).minChips).toBe(2);
    expect(estimateMemory(671e9, 80, null).minChips).toBe(135);
    expect(estimateMemory(1e9, 80, null).bytesPerChip).toBeNull();
  });

  it('minChips is the fewest chips whose HBM holds the states', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2e12 }), fc.constantFrom(16, 24, 40, 80, 96, 141, 192), (n, gb) => {
        const { minChips } = estimateMemory(n, gb, null);
        expect(minChips * gb * 1e9).toBeGreaterThanOrEqual(16 * n);
        expect((minChips - 1) * gb * 1e9).toBeLessThan(16 * n);
      }),
    );
  });
});

describe('Chinchilla scaling', () => {
  it('computeOptimal: C = 6 N D with D = 20 N', () => {
    // Chinchilla itself: 70B on 1.4T tokens = 5.88e23 FLOP.
    const c = 6 * 70e9 * 1.4e12;
    const o = computeOptimal(c);
    expectRel(o.params, 70e9, 1e-12);
    expectRel(o.tokens, 1.4e12, 1e-12);
  });

  it('for any budget: 6 N D = C and D = 20 N', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e15, max: 1e28, noNaN: true }), (c) => {
        const o = computeOptimal(c);
        expectRel(6 * o.params * o.tokens, c, 1e-12);
        expectRel(o.tokens, 20 * o.params, 1e-12);
        expectRel(o.params, Math.sqrt(c / 120), 1e-12);
      }),
    );
  });

  it('chinchilla(): tokens per parameter of the workload, null without one', () => {
    const c = chinchilla(6 * 37e9 * 14.8e12, 37e9, 14.8e12)!;
    expectRel(c.tokensPerParam!, 400);
    expect(chinchilla(1e24, null, null)!.tokensPerParam).toBeNull();
    expect(chinchilla(null, 37e9, 14.8e12)).toBeNull();
  });
});

describe('estimateBudget', () => {
  const input = (over: Partial<BudgetInput> = {}): BudgetInput => ({
    name: 'budget',
    gpu: H800,
    chips: null,
    precision: 'bf16',
    mfu: null,
    price: DEEPSEEK_PRICE,
    energy: CHINA,
    ownership: WITH_SERVER,
    date: '2025-01',
    maxPriceAgeDays: null,
    dollars: null,
    usd: 5.576e6,
    params: null,
    tokens: null,
    ...over,
  });
  /** An MFU that grows slowly with model size, as the calibrated one does. */
  const sizeDependent: MfuProvider = ({ activeParams }) => {
    const n = activeParams ?? 1e10;
    const d = Math.min(0.55, Math.max(0.1, 0.3 * (n / 1e10) ** 0.1));
    return { band: { default: d, low: d * 0.7, high: Math.min(0.75, d * 1.4) }, basis: 'accelerator' };
  };

  it('the budget rents usd / price GPU-hours; FLOP at the MFU, with its band', () => {
    const r = estimateBudget(input(), sizeDependent);
    expect(r.gpuHours).toBe(2_788_000);
    expect(r.rental.usd).toBe(5_576_000);
    const peak = 2_788_000 * 3600 * 989e12;
    expectRel(r.compute.peakFlop, peak);
    expectRel(r.compute.flop!, peak * r.compute.mfu!);
    const [low, high] = r.range.flop!;
    expect(low).toBeLessThanOrEqual(r.compute.flop!);
    expect(r.compute.flop!).toBeLessThanOrEqual(high);
  });

  it('fixed point: the model it sizes is compute-optimal for the FLOP it buys at that size', () => {
    const r = estimateBudget(input(), sizeDependent);
    const optimal = computeOptimal(r.compute.flop!);
    expectRel(r.compute.params!, optimal.params, 1e-6);
    expectRel(r.compute.tokens!, optimal.tokens, 1e-6);
    // ... and the MFU it used is the MFU at that size.
    expectRel(
      r.compute.mfu!,
      sizeDependent({ gpu: H800, precision: 'bf16', activeParams: r.compute.params, chips: null })!.band.default,
      1e-6,
    );
    expect(r.chinchilla).toEqual({
      tokensPerParam: r.compute.tokens! / r.compute.params!,
      optimalParams: optimal.params,
      optimalTokens: optimal.tokens,
    });
  });

  it('fixed point with the calibrated MFU, for any budget and accelerator', () => {
    const presets = join(import.meta.dirname, '..', '..', 'presets');
    const gpus = loadGpus([presets]).filter((g) => ['h800', 'h100', 'a100', 'v100', 'tpu-v4'].includes(g.id));
    const mfu = loadMfuProvider([presets]);
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e10, noNaN: true }), fc.constantFrom(...gpus), (usd, gpu) => {
        const precision = gpu.peakTflops.bf16 !== undefined ? 'bf16' : 'fp16';
        const r = estimateBudget(input({ usd, gpu, precision }), mfu);
        expectRel(r.compute.params!, computeOptimal(r.compute.flop!).params, 1e-6);
      }),
      { numRuns: 50 },
    );
  });

  it('given the params: tokens = FLOP / (6 N); given the tokens: N = FLOP / (6 D)', () => {
    const p = estimateBudget(input({ params: 70e9 }), sizeDependent);
    expect(p.compute.params).toBe(70e9);
    expectRel(p.compute.tokens!, p.compute.flop! / (6 * 70e9));
    const t = estimateBudget(input({ tokens: 1e12 }), sizeDependent);
    expect(t.compute.tokens).toBe(1e12);
    expectRel(t.compute.params!, t.compute.flop! / (6 * 1e12), 1e-6);
  });

  it('a user MFU is used as is, with no band', () => {
    const r = estimateBudget(input({ mfu: 0.4 }), sizeDependent);
    expect(r.compute.mfu).toBe(0.4);
    expect(r.compute.mfuBasis).toBe('user');
    expectRel(r.compute.flop!, 2_788_000 * 3600 * 989e12 * 0.4);
    expect(r.range.flop![0]).toBe(r.range.flop![1]);
  });
});
