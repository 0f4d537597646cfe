// The MFU calibration: the bundled fit matches presets/mfu-model.yaml, the leave-one-out
// backtest meets its targets, known cases come out right, and predictions are sane for any input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  acceleratorFamily,
  fitMfuModel,
  observationFromRun,
  observedMfu,
  predictMfu,
  type MfuModel,
  type MfuObservation,
} from '../../src/core/mfu.js';
import { leaveOneOut } from '../../src/core/backtest.js';
import { weightedQuantile } from '../../src/core/stats.js';
import type { Accelerator, Precision } from '../../src/core/types.js';
import { loadGpus } from '../../src/presets/gpus.js';
import { loadRuns } from '../../src/presets/runs.js';

const presets = join(import.meta.dirname, '..', '..', 'presets');
const gpus: Accelerator[] = loadGpus([presets]);
const runs = loadRuns([presets]).sort((a, b) => a.id.localeCompare(b.id));
const obs: MfuObservation[] = runs.map((r) => observationFromRun({ ...r.run, id: r.id })).filter((o) => o !== null);
const gpu = (id: string): Accelerator => {
  const g = gpus.find((x) => x.id === id);
  if (!g) throw new Error(`no gpu preset ${id}`);
  return g;
};
const model = fitMfuModel(obs, gpus);
const PRECISIONS: Precision[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp4'];

/** Every number of `actual` within a relative 1e-6 of `expected`, same keys (the YAML keeps 8 digits). */
function expectClose(actual: unknown, expected: unknown, path = 'model'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((v, i) => expectClose((actual as unknown[])[i], v, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toEqual(expected);
}

describe('calibration data', () => {
  it('turns every bundled run with a workload and GPU-hours into one observation', () => {
    const ids = obs.map((o) => o.name);
    for (const id of [
      'deepseek-v3', 'deepseek-v2', 'llama-1-7b', 'llama-1-65b', 'llama-2-7b', 'llama-2-34b', 'llama-2-70b',
      'llama-3-8b', 'llama-3.1-8b', 'llama-3.1-70b', 'llama-3.1-405b', 'llama-3.2-1b', 'llama-3.2-3b',
      'llama-4-scout', 'opt-175b', 'gpt-3', 'palm-540b', 'falcon-180b', 'mpt-7b', 'tinyllama', 'bloomberggpt',
      'olmoe', 'pythia-1b', 'pythia-12b', 'glm-130b', 'phi-1', 'phi-3.5-mini', 'llm-c-gpt2-124m', 'llm-c-gpt2-1558m',
    ])
      expect(ids).toContain(id);
    // DeepSeek-R1's phases have no token counts: no observation.
    expect(ids).not.toContain('deepseek-r1');
  });

  it('uses the audit phase of DeepSeek-V3 (pre-training, FP8) and active parameters for MoE', () => {
    const v3 = obs.find((o) => o.name === 'deepseek-v3')!;
    expect(v3).toMatchObject({ gpuId: 'h800', precision: 'fp8', activeParams: 37e9, gpuHours: 2_664_000, weight: 1 });
    expect(v3.flop).toBeCloseTo(6 * 37e9 * 14.8e12, -18);
    // ~0.17 of FP8 peak (= ~0.35 of BF16 peak).
    expect(observedMfu(v3, gpu('h800'))).toBeGreaterThan(0.16);
    expect(observedMfu(v3, gpu('h800'))).toBeLessThan(0.18);
    expect(obs.find((o) => o.name === 'olmoe')!.activeParams).toBe(1.3e9);
  });

  it('weights runs by how their GPU-hours were obtained', () => {
    const w = (id: string) => obs.find((o) => o.name === id)!.weight;
    expect(w('llama-2-70b')).toBeGreaterThan(w('mpt-7b')); // reported > derived
    expect(w('mpt-7b')).toBeGreaterThan(w('glm-130b')); // derived > upper bound
    expect(w('opt-175b')).toBe(w('glm-130b')); // assumption = upper bound
  });

  it('every observed MFU is physically possible', () => {
    for (const o of obs) {
      const m = observedMfu(o, gpu(o.gpuId));
      expect(m, o.name).toBeGreaterThan(0);
      expect(m, o.name).toBeLessThan(0.6);
    }
  });
});

describe('presets/mfu-model.yaml', () => {
  it('is exactly the fit on the bundled runs (regenerate with scripts/calibrate.ts --write)', () => {
    const file = parse(readFileSync(join(presets, 'mfu-model.yaml'), 'utf8')) as { source: string; model: MfuModel };
    expect(file.source).toMatch(/published runs/);
    expectClose(JSON.parse(JSON.stringify(model)), file.model);
  });
});

describe('leave-one-out backtest', () => {
  const loo = leaveOneOut(obs, gpus);

  it('meets the coverage and band-width targets', () => {
    expect(loo.rows).toHaveLength(obs.length);
    expect(loo.coverage).toBeGreaterThanOrEqual(0.8);
    expect(loo.medianHighLowRatio).toBeLessThanOrEqual(2.2);
  });

  it('has a median absolute GPU-hour error of about 20%', () => {
    // Target <= 20%: met on the runs with reported GPU-hours (18.1%), missed by 0.2 points on all
    // 29 runs (20.2%); docs/calibration.md. This guards against regressions beyond that.
    expect(loo.medianAbsError).toBeLessThanOrEqual(0.205);
    expect(loo.reportedOnly!.medianAbsError).toBeLessThanOrEqual(0.2);
  });

  it('reports rows consistently', () => {
    for (const r of loo.rows) {
      expect(r.gpuHoursRange[0]).toBeLessThanOrEqual(r.predictedGpuHours * (1 + 1e-12));
      expect(r.predictedGpuHours).toBeLessThanOrEqual(r.gpuHoursRange[1] * (1 + 1e-12));
      expect(r.error).toBeCloseTo(r.predictedGpuHours / r.reportedGpuHours - 1, 12);
      expect(r.inside).toBe(r.reportedGpuHours >= r.gpuHoursRange[0] * (1 - 1e-9) && r.reportedGpuHours <= r.gpuHoursRange[1] * (1 + 1e-9));
    }
    // Accelerators without data in the other runs are predicted from the pooled fit.
    expect(loo.rows.find((r) => r.name === 'gpt-3')!.basis).toBe('pooled');
    expect(loo.rows.find((r) => r.name === 'palm-540b')!.basis).toBe('pooled');
  });
});

describe('predictions for known cases (full fit)', () => {
  const hours = (g: Accelerator, precision: Precision, n: number, tokens: number, mfu: number) =>
    (6 * n * tokens) / (g.peakTflops[precision]! * 1e12 * mfu * 3600);

  it('DeepSeek-V3 pre-training: h800, FP8, 37B active x 14.8T within 25% of 2.664M GPU-hours, band containing it', () => {
    const h800 = gpu('h800');
    const p = predictMfu(model, { gpu: h800, precision: 'fp8', activeParams: 37e9, chips: 2048 })!;
    expect(p.basis).toBe('accelerator');
    const mid = hours(h800, 'fp8', 37e9, 14.8e12, p.band.default);
    expect(Math.abs(mid / 2_664_000 - 1)).toBeLessThan(0.25);
    expect(hours(h800, 'fp8', 37e9, 14.8e12, p.band.high)).toBeLessThan(2_664_000);
    expect(hours(h800, 'fp8', 37e9, 14.8e12, p.band.low)).toBeGreaterThan(2_664_000);
  });

  it('H100: a 405B model runs at a higher MFU than an 8B one', () => {
    const at = (n: number) => predictMfu(model, { gpu: gpu('h100'), precision: 'bf16', activeParams: n, chips: null })!.band.default;
    expect(at(405e9)).toBeGreaterThan(at(8e9) * 1.5);
    expect(at(8e9)).toBeGreaterThan(0.12);
    expect(at(8e9)).toBeLessThan(0.22);
    expect(at(405e9)).toBeGreaterThan(0.27);
    expect(at(405e9)).toBeLessThan(0.42);
  });

  it('A100 runs reach a higher fraction of peak than H100 runs at the same size', () => {
    const at = (id: string) => predictMfu(model, { gpu: gpu(id), precision: 'bf16', activeParams: 7e9, chips: null })!.band.default;
    expect(at('a100')).toBeGreaterThan(at('h100'));
    expect(at('a100')).toBeGreaterThan(0.3);
    expect(at('a100')).toBeLessThan(0.5);
  });

  it('FP8 is a lower fraction of its (doubled) peak than BF16, but faster in hours', () => {
    const h100 = gpu('h100');
    const fp8 = predictMfu(model, { gpu: h100, precision: 'fp8', activeParams: 70e9, chips: null })!.band.default;
    const bf16 = predictMfu(model, { gpu: h100, precision: 'bf16', activeParams: 70e9, chips: null })!.band.default;
    expect(fp8).toBeLessThan(bf16);
    expect(hours(h100, 'fp8', 70e9, 1e12, fp8)).toBeLessThan(hours(h100, 'bf16', 70e9, 1e12, bf16));
  });

  it('says which level informed the prediction; wider bands without data', () => {
    const q = (id: string) => predictMfu(model, { gpu: gpu(id), precision: 'bf16', activeParams: 70e9, chips: null })!;
    expect(q('h100').basis).toBe('accelerator');
    expect(q('h200').basis).toBe('family');
    expect(q('b200').basis).toBe('pooled');
    const ratio = (p: ReturnType<typeof q>) => p.band.high / p.band.low;
    expect(ratio(q('b200'))).toBeGreaterThan(ratio(q('h100')));
    expect(ratio(q('h200'))).toBeGreaterThanOrEqual(ratio(q('h100')));
  });

  it('is null only without a peak at the precision', () => {
    expect(predictMfu(model, { gpu: gpu('v100'), precision: 'bf16', activeParams: 1e9, chips: null })).toBeNull();
    expect(predictMfu(model, { gpu: gpu('a100'), precision: 'fp8', activeParams: 1e9, chips: null })).toBeNull();
    expect(predictMfu(model, { gpu: gpu('v100'), precision: 'fp16', activeParams: 1e9, chips: null })).not.toBeNull();
  });

  it('maps accelerator ids to families', () => {
    expect(['h100', 'h100-pcie', 'h800', 'h200', 'h20'].map(acceleratorFamily)).toEqual(Array(5).fill('hopper'));
    expect(['a100', 'a100-40gb', 'a800'].map(acceleratorFamily)).toEqual(Array(3).fill('ampere'));
    expect(['b200', 'b300', 'gb200'].map(acceleratorFamily)).toEqual(Array(3).fill('blackwell'));
    expect(['tpu-v4', 'tpu-v5e', 'tpu-v5p'].map(acceleratorFamily)).toEqual(Array(3).fill('tpu'));
    expect(acceleratorFamily('v100')).toBe('volta');
    expect(acceleratorFamily('l40s')).toBe('ada');
    expect(acceleratorFamily('mi300x')).toBe('amd-instinct');
    expect(acceleratorFamily('my-chip')).toBeNull();
  });
});

describe('properties', () => {
  const anyGpu = fc.constantFrom(...gpus);
  const anySize = fc.option(fc.double({ min: 1, max: 1e15, noNaN: true }), { nil: null });
  const anyBasis = fc.constantFrom('reported', 'derived', 'upper-bound', 'assumption' as const);

  it('0 < low <= default <= high <= 1 for any accelerator, precision and size', () => {
    fc.assert(
      fc.property(anyGpu, fc.constantFrom(...PRECISIONS), anySize, fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }), anyBasis, (g, precision, n, chips, basis) => {
        const p = predictMfu(model, { gpu: g, precision, activeParams: n, chips, gpuHoursBasis: basis });
        if (g.peakTflops[precision] === undefined) return p === null;
        return p !== null && p.band.low > 0 && p.band.low <= p.band.default && p.band.default <= p.band.high && p.band.high <= 1;
      }),
    );
  });

  it('MFU moves with model size in the direction of the fitted slope of its family', () => {
    fc.assert(
      fc.property(anyGpu, fc.double({ min: 1e8, max: 1e12, noNaN: true }), fc.double({ min: 1e8, max: 1e12, noNaN: true }), (g, a, b) => {
        const precision = g.peakTflops.bf16 !== undefined ? 'bf16' : 'fp16';
        const at = (n: number) => predictMfu(model, { gpu: g, precision, activeParams: n, chips: null })?.band.default;
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const fam = acceleratorFamily(g.id);
        const slope = model.slope + (fam === null ? 0 : (model.families[fam]?.slope ?? 0));
        const ma = at(lo);
        const mb = at(hi);
        if (ma === undefined || mb === undefined) return true;
        return slope >= 0 ? mb >= ma - 1e-12 : mb <= ma + 1e-12;
      }),
    );
  });

  it('a less reliable GPU-hour figure gets a band at least as wide', () => {
    fc.assert(
      fc.property(anyGpu, anySize, (g, n) => {
        const precision = g.peakTflops.bf16 !== undefined ? 'bf16' : 'fp16';
        const band = (b: 'reported' | 'derived') => predictMfu(model, { gpu: g, precision, activeParams: n, chips: null, gpuHoursBasis: b })?.band;
        const r = band('reported');
        const d = band('derived');
        if (!r || !d) return true;
        return d.low <= r.low + 1e-12 && d.high >= r.high - 1e-12 && d.default === r.default;
      }),
    );
  });

  it('the fit does not depend on the order of the runs', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(obs, { minLength: obs.length, maxLength: obs.length }), (shuffled) => {
        const m = fitMfuModel(shuffled, gpus);
        expectClose(JSON.parse(JSON.stringify(m)), JSON.parse(JSON.stringify(model)));
        return true;
      }),
      { numRuns: 10 },
    );
  });

  it('weighted quantiles are monotone in q and stay within the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: fc.double({ min: -5, max: 5, noNaN: true }), w: fc.double({ min: 0.1, max: 2, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (items, q1, q2) => {
          const [a, b] = q1 < q2 ? [q1, q2] : [q2, q1];
          const lo = Math.min(...items.map((x) => x.r));
          const hi = Math.max(...items.map((x) => x.r));
          const qa = weightedQuantile(items, a);
          const qb = weightedQuantile(items, b);
          return qa <= qb + 1e-12 && qa >= lo - 1e-12 && qb <= hi + 1e-12;
        },
      ),
    );
  });
});
