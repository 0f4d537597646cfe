// The name of a run given by flags: what was asked, readable.
import { describe, expect, it } from 'vitest';
import { describeFlagsRun } from '../../src/output/run-name.js';

const named = (phase: Record<string, unknown>) => describeFlagsRun({ name: '', phases: [{ gpu: 'a100-40gb', ...phase }] } as never);

describe('describeFlagsRun', () => {
  it('states GPU-hours compact when that is exact, else grouped (not "57000000 GPU-h")', () => {
    expect(named({ gpuHours: 57e6 })).toBe('a100-40gb, 57M GPU-h');
    expect(named({ gpuHours: 35.1e6 })).toBe('a100-40gb, 35.1M GPU-h');
    expect(named({ gpuHours: 1_234_567 })).toBe('a100-40gb, 1,234,567 GPU-h');
    expect(named({ gpuHours: 40_960 })).toBe('a100-40gb, 40,960 GPU-h');
    expect(named({ gpuHours: 1e30 })).toBe('a100-40gb, 1.00e+30 GPU-h');
  });
  it('params and tokens as people write them, rounded before the suffix is chosen (1T, not "1000B")', () => {
    const run = (params: number, tokens: number) =>
      describeFlagsRun({ name: '', model: { params }, phases: [{ gpu: 'h100', chips: 999, tokens }] } as never);
    expect(run(70e9, 15e12)).toBe('999 x h100, 70B x 15T tokens');
    expect(run(999.7e9, 14.8e12)).toBe('999 x h100, 1T x 14.8T tokens');
  });
  it('chips and hours as given', () => {
    expect(named({ gpu: 'h800', chips: 512, hours: 80 })).toBe('512 x h800, 80 h');
  });
});
