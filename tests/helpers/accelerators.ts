// Inline accelerators for core and renderer tests: figures fixed here, so a preset update does
// not move these tests (H800 from presets/gpus/h800.yaml as of writing).
import type { Accelerator, MfuProvider, Price } from '../../src/core/types.js';

export const H800: Accelerator = {
  id: 'h800',
  name: 'NVIDIA H800 SXM5 80GB',
  kind: 'gpu',
  memoryGB: 80,
  peakTflops: { bf16: 989, fp8: 1979 },
  systemWattsPerChip: 1275,
  powerDrawFraction: 0.75,
  purchase: { usd: 44_750, date: '2025-02-21', includesServer: true, source: 'DGX H800 / 8' },
};

export const DEEPSEEK_PRICE: Price = {
  usdPerGpuHour: 2,
  id: 'deepseek-assumption',
  kind: 'assumption',
  date: '2024-12-27',
  ageDays: 0,
  source: 'DeepSeek-V3 Technical Report, arXiv:2412.19437, Table 1',
};

/** For phases that need no calibrated MFU: a workload-only phase would make the core throw. */
export const noMfu: MfuProvider = () => null;
