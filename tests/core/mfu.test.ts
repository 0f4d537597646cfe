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
import { groupedHoldout } from '../../src/core/backtest.js';
import { weightedQuantile } from '../../src/core/stats.js';
import type { Accelerator, Precision } from '../../src/core/types.js';
import { loadGpus } from '../../src/presets/gpus.js';
import { loadRuns } from '../../src/presets/runs.js';
import { loadCalibrationData } from '../../src/presets/observations.js';

const presets = join(import.meta.dirname, '..', '..', 'presets');
const gpus: Accelerator[] = loadGpus([presets]);
const runs = loadRuns([presets]).sort((a, b) => a.id.localeCompare(b.id));
/** The bundled runs' own observations (observationFromRun: a user's YAML runs are read this way). */
const obs: MfuObservation[] = runs.map((r) => observationFromRun({ ...r.run, id: r.id })).filter((o) => o !== null);
/** The calibration set: usable rows of the reference table, with its treatment. */
const calib = loadCalibrationData([presets], loadGpus([presets]));
const gpu = (id: string): Accelerator => {
  const g = gpus.find((x) => x.id === id);
  if (!g) throw new Error(`no gpu preset ${id}`);
  return g;
};
const model = fitMfuModel(calib.observations, gpus);
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
      'deepseek-v3',
      'deepseek-v2',
      'llama-1-7b',
      'llama-1-65b',
      'llama-2-7b',
      'llama-2-34b',
      'llama-2-70b',
      'llama-3-8b',
      'llama-3.1-8b',
      'llama-3.1-70b',
      'llama-3.1-405b',
      'llama-3.2-1b',
      'llama-3.2-3b',
      'llama-4-scout',
      'opt-175b',
      'gpt-3',
      'palm-540b',
      'falcon-180b',
      'mpt-7b',
      'tinyllama',
      'bloomberggpt',
      'olmoe',
      'pythia-1b',
      'pythia-12b',
      'glm-130b',
      'phi-1',
      'phi-3.5-mini',
      'llm-c-gpt2-124m',
      'llm-c-gpt2-1558m',
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

describe('calibration set (presets/calibration)', () => {
  it('has every usable row of the reference table, less the treated exclusions', () => {
    expect(calib.observations).toHaveLength(64);
    expect(calib.skipped).toHaveLength(15);
    const names = calib.observations.map((o) => o.name);
    for (const n of ['Llama 3.2 1B', 'Llama 3.2 3B', 'OPT-175B', 'DeepSeek-V3 full training']) expect(names).not.toContain(n);
    expect(calib.treated.every((t) => t.reason.length > 20 && t.source.length > 5)).toBe(true);
  });

  it('applies corrections (phi-1: 770 GPU-hours for 51B tokens) and weights by basis x confidence', () => {
    const phi1 = calib.observations.find((o) => o.name === 'phi-1 1.3B')!;
    expect(phi1.gpuHours).toBe(770);
    expect(phi1.flop).toBeCloseTo(6 * 1.3e9 * 51e9, -10);
    const w = (n: string) => calib.observations.find((o) => o.name === n)!.weight;
    expect(w('Granite 3.0 8B')).toBe(1); // reported, high
    expect(w('Phi-3-small 7B')).toBeCloseTo(0.7 * 0.7, 12); // derived, medium
    expect(w('Falcon2-11B')).toBeCloseTo(0.7 * 0.4, 12); // derived, low
  });

  it('groups runs by organisation and model family', () => {
    const o = (n: string) => calib.observations.find((x) => x.name === n)!;
    expect(o('Chameleon-34B').organization).toBe('meta');
    expect(o('LLaMA-7B').modelFamily).toBe('llama');
    expect(o('Phi-3.5-MoE 16x3.8B').modelFamily).toBe('phi');
    expect(o('Phi-3.5-MoE 16x3.8B').totalParams).toBeCloseTo(16 * 3.8e9, -3);
  });
});

describe('grouped holdout (leave-one-organisation-out)', () => {
  const loo = groupedHoldout(calib.observations, gpus, 'organization');

  it('states the nominal level and reaches it within 75-90%', () => {
    expect(loo.level).toBeCloseTo(0.8, 12);
    expect(loo.rows).toHaveLength(calib.observations.length);
    expect(loo.coverage).toBeGreaterThanOrEqual(0.75);
    expect(loo.coverage).toBeLessThanOrEqual(0.9);
  });

  it('guards the figures of docs/calibration.md (23.6% error, 51.6% within 25%, high/low 2.64)', () => {
    expect(loo.medianAbsError).toBeLessThanOrEqual(0.24);
    expect(loo.shareWithin25).toBeGreaterThanOrEqual(0.5);
    expect(loo.medianHighLowRatio).toBeLessThanOrEqual(2.7);
    expect(loo.byFamily.map((f) => f.family)).toEqual(['ampere', 'hopper', 'tpu', 'volta']);
  });

  // Issue 9's targets that are not reached with an honest model (docs/calibration.md says why).
  // When one is met this fails: drop `.fails` and move the bound into the guard above.
  it.fails('issue 9: median error <= 15%', () => expect(loo.medianAbsError).toBeLessThanOrEqual(0.15));
  it.fails('issue 9: >= 65% within +-25%', () => expect(loo.shareWithin25).toBeGreaterThanOrEqual(0.65));
  it.fails('issue 9: median high/low <= 2.2', () => expect(loo.medianHighLowRatio).toBeLessThanOrEqual(2.2));

  it('reports rows consistently', () => {
    for (const r of loo.rows) {
      expect(r.gpuHoursRange[0]).toBeLessThanOrEqual(r.predictedGpuHours * (1 + 1e-12));
      expect(r.predictedGpuHours).toBeLessThanOrEqual(r.gpuHoursRange[1] * (1 + 1e-12));
      expect(r.error).toBeCloseTo(r.predictedGpuHours / r.reportedGpuHours - 1, 12);
      expect(r.inside).toBe(r.reportedGpuHours >= r.gpuHoursRange[0] * (1 - 1e-9) && r.reportedGpuHours <= r.gpuHoursRange[1] * (1 + 1e-9));
    }
    // Held out with its organisation, DeepSeek's H800 runs are predicted from the Hopper family.
    expect(loo.rows.find((r) => r.name === 'DeepSeek-V3 pre-training')!.basis).toBe('family');
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
      fc.property(
        anyGpu,
        fc.constantFrom(...PRECISIONS),
        anySize,
        fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
        anyBasis,
        (g, precision, n, chips, basis) => {
          const p = predictMfu(model, { gpu: g, precision, activeParams: n, chips, gpuHoursBasis: basis });
          if (g.peakTflops[precision] === undefined) return p === null;
          return p !== null && p.band.low > 0 && p.band.low <= p.band.default && p.band.default <= p.band.high && p.band.high <= 1;
        },
      ),
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

  it("the band of a basis scales with that basis's grouped-holdout residual scale (plain estimate: reported)", () => {
    const g = gpu('h100');
    const band = (b?: 'reported' | 'derived') =>
      predictMfu(model, { gpu: g, precision: 'bf16', activeParams: 8e9, chips: null, gpuHoursBasis: b })!.band;
    const width = (x: { default: number; high: number }) => Math.log(x.high / x.default);
    expect(band()).toEqual(band('reported'));
    expect(width(band('derived')) / width(band('reported'))).toBeCloseTo(model.band.scale.derived / model.band.scale.reported, 9);
    expect(band('derived').default).toBe(band('reported').default);
    expect(band().level).toBe(0.8);
  });

  it('the fit does not depend on the order of the runs', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(calib.observations, { minLength: calib.observations.length, maxLength: calib.observations.length }),
        (shuffled) => {
          const m = fitMfuModel(shuffled, gpus);
          expectClose(JSON.parse(JSON.stringify(m)), JSON.parse(JSON.stringify(model)));
          return true;
        },
      ),
      { numRuns: 10 },
    );
  });

  it('weighted quantiles are monotone in q and stay within the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: fc.double({ min: -5, max: 5, noNaN: true }), w: fc.double({ min: 0.1, max: 2, noNaN: true }) }), {
          minLength: 1,
          maxLength: 30,
        }),
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
