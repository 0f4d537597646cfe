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
  it('chips and hours as given', () => {
    expect(named({ gpu: 'h800', chips: 512, hours: 80 })).toBe('512 x h800, 80 h');
  });
});
