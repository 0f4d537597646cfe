// The table for people, colour off: the seed run and a 2x2 comparison, as snapshots.
// Estimates come from the core with inline accelerators and prices, so a preset update does not
// move these snapshots; only a change in the table does.
import { describe, expect, it } from 'vitest';
import { estimateRun } from '../../src/core/estimate.js';
import type { Accelerator, Price, RunEstimate } from '../../src/core/types.js';
import { DEEPSEEK_PRICE, H800, noMfu, ownershipOf, runOf, seedPhase } from '../helpers/accelerators.js';
import { renderTable } from '../../src/output/table.js';

const ANSI = /\u001b\[[0-9;]*m/;

const H100: Accelerator = { ...H800, id: 'h100', name: 'NVIDIA H100 SXM5 80GB', peakTflops: { bf16: 989.4, fp8: 1978.9 } };

const PRICES: Record<string, Price> = {
  h800: DEEPSEEK_PRICE,
  h100: {
    usdPerGpuHour: 2.99,
    id: 'test-market',
    kind: 'marketplace',
    date: '2026-01-01',
    ageDays: 0,
    source: 'test marketplace listing',
    citation: 'test-market, 2026-01-01: test marketplace listing',
  },
};

function estimate(gpu: Accelerator, chips: number, hours: number): RunEstimate {
  const phase = seedPhase({
    gpu,
    chips,
    duration: { hours },
    price: PRICES[gpu.id]!,
    ownership: ownershipOf(gpu.purchase!.usd, gpu.purchase!.includesServer, gpu.purchase!.source),
  });
  return estimateRun(runOf([phase], `${chips} x ${gpu.id}, ${hours} h`), noMfu);
}

describe('renderTable, colour off', () => {
  it('the seed run: 512 x h800, 80 h', () => {
    const out = renderTable([estimate(H800, 512, 80)], { color: false, explain: true });
    expect(out).not.toMatch(ANSI);
    expect(out).toContain('40,960');
    expect(out).toContain('$81,920');
    expect(out).toContain('80 h (3.3 days)');
    expect(out).toContain('1.46e23');
    expect(out).toContain('DeepSeek-V3 Technical Report');
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
    expect(out).toMatchSnapshot();
  });

  it('a 2x2 comparison: h800, h100 x 512, 1024 chips', () => {
    const runs = [H800, H100].flatMap((g) => [512, 1024].map((c) => estimate(g, c, 80)));
    const out = renderTable(runs, { color: false, explain: true });
    expect(out).not.toMatch(ANSI);
    expect(out).toContain('GPU-h vs baseline');
    expect(out).toContain('Cost vs baseline');
    // Every run has its row, the baseline marked.
    const rows = out.split('\n').filter((l) => l.startsWith('│') && / x h[18]00/.test(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('(baseline)');
    expect(rows[0]!.match(/1\.00x/g)).toHaveLength(2);
    expect(rows[1]!.match(/2\.00x/g)).toHaveLength(2);
    // h100 at $2.99 vs $2.00: 1.50x the cost (1.495 rounds up) for the same GPU-hours.
    expect(rows[2]).toContain('1.00x');
    expect(rows[2]).toContain('1.50x');
    // Both prices are listed with their sources.
    expect(out).toContain('DeepSeek-V3 Technical Report');
    expect(out).toContain('test marketplace listing');
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
    expect(out).toMatchSnapshot();
  });

  it('colour on uses escape codes, and removing them gives the colourless table', () => {
    const run = estimate(H800, 512, 80);
    const coloured = renderTable([run], { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderTable([run], { color: false }));
  });
});
