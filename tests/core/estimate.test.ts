// The pure core: hardware time in, GPU-hours, wall-clock, rental cost and peak FLOP out.
// Accelerators are built inline (no presets), so these figures depend on nothing but the core.
import { describe, expect, it } from 'vitest';
import { HOURS_PER_DAY } from '../../src/core/duration.js';
import { EstimateInputError, estimatePhase, estimateRun } from '../../src/core/estimate.js';
import type { Accelerator, PhaseInput, Workload } from '../../src/core/types.js';
import { DEEPSEEK_PRICE, noMfu, runOf, seedPhase, US_ENERGY } from '../helpers/accelerators.js';

const A100: Accelerator = {
  id: 'a100',
  name: 'NVIDIA A100 SXM4 80GB',
  kind: 'gpu',
  memoryGB: 80,
  peakTflops: { bf16: 312 },
};

function phase(over: Partial<PhaseInput> = {}): PhaseInput {
  return seedPhase({ energy: { ...US_ENERGY, region: 'test', gridGCo2PerKwh: 400, usdPerKwh: 0.1 }, ...over });
}

describe('estimateRun, hardware time', () => {
  it('512 H800s for 80 hours: 40,960 GPU-hours, $81,920 at $2', () => {
    const r = estimateRun(runOf([phase()]), noMfu);
    expect(r.gpuHours).toBe(40960);
    expect(r.rental.usd).toBe(81920);
    expect(r.rental.usdPerGpuHour).toBe(2);
    expect(r.rental.priceId).toBe('deepseek-assumption');
    expect(r.rental.priceSource).toBe(DEEPSEEK_PRICE.source);
    expect(r.wallClockHours).toBe(80);
    expect(r.chips).toBe(512);
    expect(r.gpu).toEqual({ id: 'h800', name: 'NVIDIA H800 SXM5 80GB' });
    expect(r.phases).toHaveLength(1);
    expect(r.phases[0]!.gpuHours).toBe(40960);
  });

  it('peak FLOP the run could deliver: 40,960 h x 3600 s x 989e12 = 1.458e23', () => {
    const r = estimateRun(runOf([phase()]), noMfu);
    expect(r.compute.peakFlop).toBeCloseTo(40960 * 3600 * 989e12, -10);
    expect(r.compute.peakFlop / 1e23).toBeCloseTo(1.4583, 4);
    expect(r.phases[0]!.compute.peakFlopsPerChip).toBe(989e12);
    expect(r.compute.precision).toBe('bf16');
  });

  it('the peak follows the precision: FP8 doubles it on Hopper', () => {
    const r = estimateRun(runOf([phase({ precision: 'fp8' })]), noMfu);
    expect(r.compute.peakFlop).toBeCloseTo(40960 * 3600 * 1979e12, -10);
    expect(r.gpuHours).toBe(40960);
  });

  it('hardware time has no uncertainty: the range equals the point', () => {
    const r = estimateRun(runOf([phase()]), noMfu);
    expect(r.range.gpuHours).toEqual([40960, 40960]);
    expect(r.range.usd).toEqual([81920, 81920]);
    expect(r.compute.mfu).toBeNull();
    expect(r.compute.impliedMfu).toBeNull();
    expect(r.compute.flop).toBeNull();
  });

  it('days are 24 hours: 512 chips x 10 days = 122,880 GPU-hours', () => {
    expect(HOURS_PER_DAY).toBe(24);
    const r = estimateRun(runOf([phase({ duration: { hours: 10 * HOURS_PER_DAY } })]), noMfu);
    expect(r.gpuHours).toBe(122880);
    expect(r.wallClockHours).toBe(240);
    expect(r.rental.usd).toBe(245760);
  });

  it('GPU-hours given: the same cost; wall-clock = GPU-hours / chips', () => {
    const r = estimateRun(runOf([phase({ duration: { gpuHours: 40960 } })]), noMfu);
    expect(r.gpuHours).toBe(40960);
    expect(r.rental.usd).toBe(81920);
    expect(r.wallClockHours).toBe(80);
    const r2 = estimateRun(runOf([phase({ duration: { gpuHours: 40960 }, chips: 1024 })]), noMfu);
    expect(r2.wallClockHours).toBe(40);
  });

  it('GPU-hours given without chips: wall-clock unknown (null), not 0 or Infinity', () => {
    const r = estimateRun(runOf([phase({ duration: { gpuHours: 40960 }, chips: null })]), noMfu);
    expect(r.gpuHours).toBe(40960);
    expect(r.wallClockHours).toBeNull();
    expect(r.chips).toBeNull();
  });

  it('a price of $2.50 gives 40,960 x 2.5 = $102,400', () => {
    const r = estimateRun(runOf([phase({ price: { ...DEEPSEEK_PRICE, usdPerGpuHour: 2.5, id: null } })]), noMfu);
    expect(r.rental.usd).toBe(102400);
  });

  it('hours without chips is refused by the core (the CLI says so first)', () => {
    expect(() => estimateRun(runOf([phase({ chips: null, duration: { hours: 80 } })]), noMfu)).toThrow(EstimateInputError);
  });

  it('a precision the accelerator lacks is refused', () => {
    expect(() => estimatePhase(phase({ precision: 'fp4' }), noMfu)).toThrow(/fp4/);
  });

  it('a run without phases is refused', () => {
    expect(() => estimateRun(runOf([]), noMfu)).toThrow(EstimateInputError);
  });
});

describe('estimateRun, several phases', () => {
  const pre = phase({ name: 'pre-training' });
  const post = phase({
    name: 'post-training',
    gpu: A100,
    chips: 256,
    duration: { gpuHours: 10000 },
    price: {
      usdPerGpuHour: 3,
      id: 'other',
      kind: 'marketplace',
      date: '2025-01-01',
      ageDays: 0,
      source: 'another source',
      citation: 'another source',
    },
  });

  it('sums GPU-hours, cost and wall-clock; chips are the largest phase', () => {
    const r = estimateRun(runOf([pre, post]), noMfu);
    expect(r.gpuHours).toBe(50960);
    expect(r.rental.usd).toBe(81920 + 30000);
    expect(r.chips).toBe(512);
    expect(r.wallClockHours).toBe(80 + 10000 / 256);
    expect(r.phases.map((p) => p.name)).toEqual(['pre-training', 'post-training']);
    expect(r.phases.map((p) => p.gpuHours)).toEqual([40960, 10000]);
    expect(r.range.gpuHours).toEqual([50960, 50960]);
    expect(r.range.usd).toEqual([111920, 111920]);
  });

  it('mixed prices: the run price is the average and the source says so', () => {
    const r = estimateRun(runOf([pre, post]), noMfu);
    expect(r.rental.usdPerGpuHour).toBeCloseTo(111920 / 50960, 12);
    expect(r.rental.priceId).toBeNull();
    expect(r.rental.priceSource).toMatch(/several/);
  });

  it('mixed accelerators: no single gpu or precision claimed for the run', () => {
    const r = estimateRun(runOf([pre, post]), noMfu);
    expect(r.gpu).toBeNull();
    expect(r.compute.peakFlop).toBeCloseTo(40960 * 3600 * 989e12 + 10000 * 3600 * 312e12, -10);
  });

  it('the same price on every phase is kept as is', () => {
    const r = estimateRun(runOf([pre, phase({ name: 'second', duration: { hours: 20 } })]), noMfu);
    expect(r.rental.usdPerGpuHour).toBe(2);
    expect(r.rental.priceId).toBe('deepseek-assumption');
    expect(r.gpu?.id).toBe('h800');
    expect(r.gpuHours).toBe(40960 + 10240);
    expect(r.wallClockHours).toBe(100);
  });

  it('wall-clock is null when any phase has none', () => {
    const r = estimateRun(runOf([pre, phase({ name: 'unknown length', chips: null, duration: { gpuHours: 5000 } })]), noMfu);
    expect(r.gpuHours).toBe(45960);
    expect(r.wallClockHours).toBeNull();
    expect(r.chips).toBe(512);
  });
});

describe('implied MFU (audit: hardware time and a workload)', () => {
  // DeepSeek-V3's pre-training workload (37B active x 14.8T tokens) cannot fit in R1's 80 h on 512 H800s.
  const V3: Workload = { flop: null, params: 671e9, activeParams: 37e9, tokens: 14.8e12, kind: 'train' };

  it('37B active x 14.8T tokens in 512 H800 x 80 h implies an MFU above 1, flagged impossible', () => {
    const r = estimateRun(runOf([phase({ workload: V3 })]), noMfu);
    const flop = 6 * 37e9 * 14.8e12;
    expect(r.compute.flop).toBeCloseTo(flop, -10);
    expect(r.compute.impliedMfu).toBeCloseTo(flop / (40960 * 3600 * 989e12), 9);
    expect(r.compute.impliedMfu!).toBeGreaterThan(1);
    expect(r.compute.verdict).toBe('impossible');
    expect(r.warnings.map((w) => w.code)).toContain('implied-mfu-impossible');
    expect(r.phases[0]!.warnings).toContainEqual(expect.objectContaining({ code: 'implied-mfu-impossible', phase: 'training' }));
    // Nothing is solved for: the hours stay as given.
    expect(r.gpuHours).toBe(40960);
    expect(r.rental.usd).toBe(81920);
    expect(r.compute.mfu).toBeNull();
  });

  it('the same workload over 2.788M GPU-hours (what V3 reported) is plausible', () => {
    const r = estimateRun(runOf([phase({ workload: V3, chips: 2048, duration: { gpuHours: 2.788e6 } })]), noMfu);
    expect(r.compute.impliedMfu!).toBeGreaterThan(0.1);
    expect(r.compute.impliedMfu!).toBeLessThan(0.6);
    expect(r.compute.verdict).toBe('plausible');
    expect(r.warnings.map((w) => w.code)).not.toContain('implied-mfu-impossible');
  });

  it('a workload alone with a given MFU: GPU-hours = FLOP / (peak x MFU x 3600)', () => {
    const flop = 6 * 37e9 * 14.8e12;
    const r = estimateRun(runOf([phase({ workload: V3, duration: null, mfu: 0.4 })]), noMfu);
    expect(r.gpuHours).toBeCloseTo(flop / (989e12 * 0.4 * 3600), 6);
    expect(r.wallClockHours).toBeCloseTo(r.gpuHours / 512, 9);
    expect(r.compute.mfu).toBe(0.4);
  });

  it('a workload alone without an MFU asks the provider; none is an error', () => {
    expect(() => estimateRun(runOf([phase({ workload: V3, duration: null })]), noMfu)).toThrow(EstimateInputError);
  });
});
