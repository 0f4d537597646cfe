// The frontier runs DeepSeek is measured against: bundled, sourced, marked where a third party
// estimated them, and shown beside DeepSeek in one comparison with the basis of each figure.
import { describe, expect, it } from 'vitest';
import { cli, contractRun, contractRuns } from '../helpers/cli.js';

describe('frontier runs', () => {
  it('GPT-4: 25,000 A100 40GB x 2,280 h = 57M GPU-hours, a third-party estimate, implied MFU ~33%', async () => {
    const r = await contractRun(['gpt-4']);
    expect(r.gpu.id).toBe('a100-40gb');
    expect(r.chips).toBe(25_000);
    expect(r.gpuHours).toBe(57_000_000);
    expect(r.reported.gpuHours).toBe(57_000_000);
    expect(r.reported.gpuHoursBasis).toBe('third-party-estimate');
    expect(r.compute.impliedMfu).toBeCloseTo(2.1e25 / (57e6 * 3600 * 312e12), 9);
  });

  it('Gemini 1.0 Ultra and Grok-3 are third-party estimates too', async () => {
    const [gemini, grok] = await contractRuns(['gemini-1.0-ultra', 'grok-3']);
    expect(gemini.gpu.id).toBe('tpu-v4');
    expect(gemini.gpuHours).toBe(57_000 * 2_400);
    expect(gemini.reported.gpuHoursBasis).toBe('third-party-estimate');
    expect(grok.gpuHours).toBe(240_000_000);
    expect(grok.reported.gpuHoursBasis).toBe('third-party-estimate');
  });

  it('the DeepSeek figures do not move beside them', async () => {
    const [r1, v3, gpt4, llama] = await contractRuns(['deepseek-r1', 'deepseek-v3', 'gpt-4', 'llama-3.1-405b']);
    expect(r1.rental.usd).toBe(294_672);
    expect(v3.rental.usd).toBe(5_576_000);
    expect(r1.reported.gpuHoursBasis).toBe('reported');
    expect(llama.reported.gpuHoursBasis).toBe('reported');
    expect(gpt4.rental.usd / v3.rental.usd).toBeGreaterThan(10);
  });

  it('one comparison table says the basis of each reported figure beside it', async () => {
    const r = await cli(['deepseek-r1', 'deepseek-v3', 'gpt-4', 'llama-3.1-405b', '--wide']);
    expect(r.code, r.stderr).toBe(0);
    const row = (name: string) => r.stdout.split('\n').find((l) => l.includes(`│ ${name} `))!;
    expect(row('GPT-4')).toContain('57.0M GPU-h (third party estimate)');
    expect(row('DeepSeek-V3')).toContain('2.79M GPU-h, $5.58M (reported)');
    expect(row('Llama 3.1 405B')).toContain('30.8M GPU-h (reported)');
    expect(r.stdout).toContain('Reported');
  });

  it('the single-run table marks a third-party figure', async () => {
    const r = await cli(['gpt-4']);
    expect(r.stdout).toMatch(/Reported\s*│ 57,000,000 GPU-hours \(estimate 1\.00x\) \(third party estimate\)/);
  });

  it('runs lists them with their basis', async () => {
    const r = await cli(['runs', '--wide']);
    expect(r.stdout).toMatch(/gpt-4 .*57,000,000 \(third party estimate\)/);
  });
});
