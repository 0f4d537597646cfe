// Reading the people's cells of the published-runs reference table.
import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/presets/gpus.js';
import { bundledPresetsDir } from '../../src/presets/load.js';
import { firstFigure, matchHardware } from '../../src/presets/published-csv.js';

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
