// Chip age (years from an accelerator's release to the run's date) as an MFU feature: candidates
// C8/C8b of docs/calibration.md (v2.1). Not adopted (they fail the extrapolation check), so the
// bundled model ignores the date; these tests pin the feature, the recorded figures and the
// date's path from the estimator to the MFU query.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, DAYS_PER_YEAR } from '../../src/core/dates.js';
import { mfuBandFor } from '../../src/core/estimate.js';
import { chipAge, fitMfuModel, observationDate, observationFromRun, predictMfu } from '../../src/core/mfu.js';
import { groupedHoldout } from '../../src/core/backtest.js';
import type { Accelerator, MfuProvider } from '../../src/core/types.js';
import { loadGpus } from '../../src/presets/gpus.js';
import { loadMfuModel } from '../../src/presets/mfu.js';
import { loadCalibrationData } from '../../src/presets/observations.js';

const presets = join(import.meta.dirname, '..', '..', 'presets');
const presetGpus = loadGpus([presets]);
const gpus: Accelerator[] = presetGpus;
const obs = loadCalibrationData([presets], presetGpus).observations;
const gpu = (id: string): Accelerator => gpus.find((g) => g.id === id)!;
const C8b = fitMfuModel(obs, gpus, { precisionPenalty: 1e9, features: ['logAge'] });
const mfuAt = (m: typeof C8b, g: Accelerator, date: string | null, n = 8e9) =>
  predictMfu(m, { gpu: g, precision: g.peakTflops.bf16 !== undefined ? 'bf16' : 'fp16', activeParams: n, chips: null, date })!.band.default;

describe('chip age', () => {
  it('is the years from release to the run date, never negative, null when either is unknown', () => {
    expect(chipAge('2022-09-20', '2024-09-20')).toBeCloseTo(731 / DAYS_PER_YEAR, 12);
    expect(chipAge('2022-09-20', '2021-01-01')).toBe(0);
    expect(chipAge(undefined, '2024-01-01')).toBeNull();
    expect(chipAge('2022-09-20', null)).toBeNull();
  });

  it('dates a reference row at mid-year of its year when it has no date of its own', () => {
    expect(observationDate({ ...obs[0]!, date: null, year: 2023 })).toBe('2023-07-01');
    expect(observationDate({ ...obs[0]!, date: '2023-02', year: 2023 })).toBe('2023-02');
    expect(observationDate({ ...obs[0]!, date: null, year: null })).toBeNull();
  });

  it("takes a run file's date as the observation's date (a user's backtest file)", () => {
    const o = observationFromRun({
      name: 'x',
      date: '2024-05',
      gpu: 'h100',
      phases: [{ name: 'p', params: 8e9, tokens: 1e12, gpuHours: 1e5 }],
    });
    expect(o?.date).toBe('2024-05');
    expect(observationDate(o!)).toBe('2024-05');
  });

  it('every accelerator with calibration runs but the A800 has a release date', () => {
    const withRuns = [...new Set(obs.map((o) => o.gpuId))].sort();
    expect(withRuns.filter((id) => gpu(id).releaseDate === undefined)).toEqual(['a800']);
  });
});

describe('C8b = C2 + d x ln(1 + age) (docs/calibration.md, v2.1 results)', () => {
  it('fits the coefficient and age range the doc records', () => {
    expect(C8b.features.logAge).toBeCloseTo(0.32, 3);
    expect(C8b.ageRange![0]).toBeCloseTo(0.115, 3);
    expect(C8b.ageRange![1]).toBeCloseTo(6.026, 3);
  });

  it('predicts a later run on the same chip at a higher MFU, clamped beyond the calibrated ages', () => {
    const h100 = gpu('h100');
    expect(mfuAt(C8b, h100, '2026-11-30')).toBeGreaterThan(mfuAt(C8b, h100, '2023-06-01'));
    expect(mfuAt(C8b, h100, '2031-01-01')).toBe(mfuAt(C8b, h100, '2040-01-01'));
  });

  it('takes the midpoint of the calibrated ages when the age is unknown', () => {
    const h100 = gpu('h100');
    const [lo, hi] = C8b.ageRange!;
    const mid = addDays(h100.releaseDate!, Math.round(((lo + hi) / 2) * DAYS_PER_YEAR));
    expect(mfuAt(C8b, h100, null)).toBeCloseTo(mfuAt(C8b, h100, mid), 3);
    expect(mfuAt(C8b, { ...h100, releaseDate: undefined }, '2026-11-30')).toBe(mfuAt(C8b, h100, null));
  });

  it('fails the extrapolation check as recorded: TPU v4 and V100 at 405B today above their families', () => {
    expect(mfuAt(C8b, gpu('tpu-v4'), '2026-11-30', 405e9)).toBeCloseTo(0.428, 3); // TPU runs: 0.223-0.304
    expect(mfuAt(C8b, gpu('v100'), '2026-11-30', 405e9)).toBeCloseTo(0.302, 3); // Volta runs: up to 0.282
  });

  it('lowers the leave-one-organisation-out median error to 21.3% (C2: 23.6%)', () => {
    const r = groupedHoldout(obs, gpus, 'organization', { precisionPenalty: 1e9, features: ['logAge'] });
    expect(r.medianAbsError).toBeCloseTo(0.213, 3);
    expect(r.shareWithin25).toBeCloseTo(35 / 64, 6);
  });
});

describe('the bundled model and the run date', () => {
  it('has no age term, so the run date changes no MFU', () => {
    const m = loadMfuModel([presets]);
    expect(m.features).toEqual({});
    expect(mfuAt(m, gpu('h100'), '2023-01-01', 70e9)).toBe(mfuAt(m, gpu('h100'), '2026-11-30', 70e9));
  });

  it('the estimator asks the MFU provider at the run date', () => {
    const asked: (string | null | undefined)[] = [];
    const provider: MfuProvider = (q) => {
      asked.push(q.date);
      return { band: { default: 0.3, low: 0.2, high: 0.4 }, basis: 'accelerator' };
    };
    mfuBandFor({ gpu: gpu('h100'), precision: 'bf16', chips: null, mfu: null, date: '2025-03-01' }, 70e9, provider);
    expect(asked).toEqual(['2025-03-01']);
  });
});
