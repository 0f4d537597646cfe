// Reading the people's cells of the published-runs reference table.
import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/presets/gpus.js';
import { bundledPresetsDir } from '../../src/presets/load.js';
import { confidenceOf, expertsTotal, firstFigure, matchHardware, modelFamilyOf, organizationKey } from '../../src/presets/published-csv.js';

describe('firstFigure', () => {
  it.each([
    ['~6.9B', 6.9e9],
    ['up to 9T', 9e12],
    ['15T+', 15e12],
    ['101,376', 101_376],
    ['6,738,417,664', 6_738_417_664],
    ['300B (180B-token corpus)', 300e9],
    ['32B (32,000 x 1,048,576)', 32e9],
    ['<504,000', 504_000],
    ['~12.6', 12.6],
    ['124M', 124e6],
    ['512 (64 nodes x 8)', 512],
  ])('%s -> %d', (cell, value) => {
    expect(firstFigure(cell)).toBe(value);
  });

  it('a cell without a figure gives null', () => {
    expect(firstFigure('not reported')).toBeNull();
    expect(firstFigure('')).toBeNull();
  });
});

describe('matchHardware', () => {
  const gpus = loadGpus([bundledPresetsDir()]);
  it.each([
    ['NVIDIA H800', 'h800'],
    ['NVIDIA H800 (8 per node, NVLink/NVSwitch)', 'h800'],
    ['NVIDIA A100 80GB (TDP 350-400W)', 'a100'],
    ['NVIDIA A100 40GB (AWS SageMaker)', 'a100-40gb'],
    ['NVIDIA H100 80GB SXM (700W), RoCE', 'h100'],
    ['NVIDIA A100', 'a100'],
    ['NVIDIA V100', 'v100'],
    ['Google TPU v4', 'tpu-v4'],
    ['Google TPU v5e', 'tpu-v5e'],
  ])('%s -> %s', (cell, id) => {
    expect(matchHardware(cell, gpus)?.id).toBe(id);
  });

  it('unknown or missing hardware gives null', () => {
    expect(matchHardware('(H100 assumed by Epoch)', gpus)).toBeNull();
    expect(matchHardware('', gpus)).toBeNull();
    expect(matchHardware('Cerebras CS-2', gpus)).toBeNull();
  });
});

describe('grouping and weighting cells', () => {
  it('reads the confidence tag at the end of scope_notes', () => {
    expect(confidenceOf('pre-training only; confidence: high')).toBe('high');
    expect(confidenceOf('card figures are rounded; confidence: low')).toBe('low');
    expect(confidenceOf('pre-training only')).toBeNull();
  });

  it('groups organisations by their first word and models by their leading letters', () => {
    expect(organizationKey('Meta FAIR')).toBe('meta');
    expect(organizationKey('Google DeepMind')).toBe('google');
    expect(organizationKey('')).toBeNull();
    expect(modelFamilyOf('Llama 2 7B')).toBe('llama');
    expect(modelFamilyOf('LLaMA-65B')).toBe('llama');
    expect(modelFamilyOf('OLMoE-1B-7B')).toBe('olmo');
    expect(modelFamilyOf('Tiny-StarCoder-Py 164M')).toBe('starcoder');
  });

  it('reads "16x3.8B experts" as 16 x 3.8B total parameters', () => {
    expect(expertsTotal('16x3.8B experts (total not stated on card)')).toBeCloseTo(60.8e9, -3);
    expect(expertsTotal('671B')).toBeNull();
  });
});
