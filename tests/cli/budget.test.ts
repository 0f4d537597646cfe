// `train-cost budget <usd>` (issue 4): what a budget rents, the FLOP it buys at the calibrated MFU
// with its range, and the Chinchilla compute-optimal model, in the estimate's JSON shape.
import { describe, expect, it } from 'vitest';
import { cli, contractRun, expectInputError } from '../helpers/cli.js';
import { expectRel } from '../helpers/expect.js';

const budget = (args: string[]): Promise<any> => contractRun(['budget', ...args]);

describe('train-cost budget 5.576e6 --gpu h800', () => {
  it('rents 2.788M GPU-hours at $2', async () => {
    const r = await budget(['5.576e6', '--gpu', 'h800']);
    expect(r.gpuHours).toBe(2_788_000);
    expect(r.rental.usd).toBe(5_576_000);
    expect(r.rental.usdPerGpuHour).toBe(2);
    // No chips, no wall-clock.
    expect(r.wallClockHours).toBeNull();
  });

  it('with --chips 2048: about 56.7 days, as DeepSeek-V3 took', async () => {
    const r = await budget(['5.576e6', '--gpu', 'h800', '--chips', '2048']);
    expect(r.chips).toBe(2048);
    expectRel(r.wallClockHours, 2_788_000 / 2048);
    expect(r.wallClockHours / 24).toBeCloseTo(56.7, 1);
    const t = await cli(['budget', '5.576e6', '--gpu', 'h800', '--chips', '2048']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('2,788,000');
    expect(t.stdout).toContain('56.7 days');
  });

  it('buys FLOP at the calibrated MFU, with a range around it', async () => {
    const r = await budget(['5.576e6', '--gpu', 'h800']);
    expect(r.compute.mfu).toBeGreaterThan(0);
    expect(r.compute.mfu).toBeLessThan(1);
    // FLOP = GPU-hours x 3600 x peak x MFU.
    expectRel(r.compute.flop, 2_788_000 * 3600 * 989e12 * r.compute.mfu);
    const [low, high] = r.range.flop;
    expect(low).toBeLessThanOrEqual(r.compute.flop);
    expect(r.compute.flop).toBeLessThanOrEqual(high);
    expect(low).toBeLessThan(high);
  });

  it('sizes the model compute-optimally: N = sqrt(C / 120), D = 20 N', async () => {
    const r = await budget(['5.576e6', '--gpu', 'h800']);
    expect(r.chinchilla).not.toBeNull();
    const c = r.compute.flop;
    expectRel(r.chinchilla.optimalParams, Math.sqrt(c / 120));
    expectRel(r.chinchilla.optimalTokens, 20 * r.chinchilla.optimalParams);
    // The model the budget trains is that compute-optimal one.
    expectRel(r.compute.params, r.chinchilla.optimalParams, 1e-6);
    expectRel(r.compute.tokens, r.chinchilla.optimalTokens, 1e-6);
    expectRel(6 * r.compute.params * r.compute.tokens, c, 1e-6);
    expectRel(r.chinchilla.tokensPerParam, 20, 1e-6);
  });

  it('--params 70B: the tokens that FLOP buys for a 70B model, tokens = FLOP / (6 x 70e9)', async () => {
    const r = await budget(['5.576e6', '--gpu', 'h800', '--params', '70B']);
    expect(r.compute.params).toBe(70e9);
    expectRel(r.compute.tokens, r.compute.flop / (6 * 70e9));
    expectRel(r.chinchilla.tokensPerParam, r.compute.tokens / 70e9);
    expectRel(r.chinchilla.optimalParams, Math.sqrt(r.compute.flop / 120));
  });

  it('--tokens 1T: the model that FLOP trains on a trillion tokens', async () => {
    const r = await budget(['5.576e6', '--gpu', 'h800', '--tokens', '1T']);
    expect(r.compute.tokens).toBe(1e12);
    expectRel(r.compute.params, r.compute.flop / (6 * 1e12), 1e-6);
  });

  it('a price override changes what the budget rents', async () => {
    const r = await budget(['1M', '--gpu', 'h800', '--price', '2.5']);
    expect(r.gpuHours).toBe(400_000);
    expect(r.rental.usd).toBe(1e6);
  });
});

describe('refused budgets', () => {
  it('--params with --tokens exits 2', async () => {
    const line = await expectInputError(['budget', '5.576e6', '--gpu', 'h800', '--params', '70B', '--tokens', '1T']);
    expect(line).toContain('--params');
    expect(line).toContain('--tokens');
  });

  it('a budget that is not a number exits 2', async () => {
    const line = await expectInputError(['budget', 'abc', '--gpu', 'h800']);
    expect(line).toContain('"abc"');
  });

  it('a negative budget exits 2', async () => {
    await expectInputError(['budget', '--gpu', 'h800', '--', '-5']);
  });

  it('an empty --region is refused as the estimate refuses it, not taken for an unknown region', async () => {
    expect(await expectInputError(['budget', '5.576e6', '--gpu', 'h800', '--region', ' '])).toBe('train-cost: --region needs a value');
  });

  it('no --gpu exits 2', async () => {
    const r = await cli(['budget', '5.576e6']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--gpu');
  });
});

describe('budget memory check', () => {
  it('405B on 64 H100s: model states need at least 81 chips (16 x 405e9 / 80e9), with a warning', async () => {
    const r = await budget(['1e6', '--gpu', 'h100', '--params', '405B', '--chips', '64']);
    expect(r.memory.minChips).toBe(81);
    expect(r.memory.bytesPerChip).toBe((16 * 405e9) / 64);
    expect(r.warnings.join(' ')).toContain('at least 81');
  });
});

describe('budget arithmetic', () => {
  it('the table works the budget through: GPU-hours, FLOP, the compute-optimal model', async () => {
    const r = await cli(['budget', '5.576e6', '--gpu', 'h800', '--chips', '2048', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('GPU-hours = budget / price = $5,576,000 / $2.00 = 2,788,000');
    expect(r.stdout).toMatch(/workload = GPU-hours x 3600 x peak x MFU = 2,788,000 x 3600 x 9\.89e14 FLOP\/s x \d+\.\d% = /);
    expect(r.stdout).toContain('compute-optimal: N = sqrt(FLOP / 120)');
    expect((await budget(['5.576e6', '--gpu', 'h800'])).phases[0].gpuHoursFrom).toBe('budget');
  });
});
