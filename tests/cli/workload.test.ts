// The workload model through the command line (issue 3): from parameters and tokens (or FLOP) to
// GPU-hours at the calibrated MFU with its range, audits of claimed hardware time, --kind,
// --mfu, --precision, memory feasibility and Chinchilla context. Every JSON output here is held
// to the published contract (src/output/contract.ts).
import { describe, expect, it } from 'vitest';
import { cli, contractRun as run, expectInputError } from '../helpers/cli.js';
import { expectRel } from '../helpers/expect.js';

const H800_BF16 = 989e12;
const V3_FLOP = 6 * 37e9 * 14.8e12;

describe('planning: parameters and tokens to GPU-hours', () => {
  it('DeepSeek-V3 pre-training (37B active x 14.8T, FP8, 2,048 H800s) comes within 25% of 2.664M GPU-hours', async () => {
    const r = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--chips', '2048', '--precision', 'fp8']);
    expectRel(r.gpuHours, 2_664_000, 0.25);
    const [low, high] = r.range.gpuHours;
    expect(low).toBeLessThanOrEqual(2_664_000);
    expect(high).toBeGreaterThanOrEqual(2_664_000);
    expect(low).toBeLessThanOrEqual(r.gpuHours);
    expect(high).toBeGreaterThanOrEqual(r.gpuHours);
    // The dollar range is the hour range at the price.
    expectRel(r.range.usd[0], low * r.rental.usdPerGpuHour, 1e-9);
    expectRel(r.range.usd[1], high * r.rental.usdPerGpuHour, 1e-9);

    expect(r.compute.precision).toBe('fp8');
    expectRel(r.compute.flop, V3_FLOP, 1e-12);
    expect(r.compute.mfu).toBeGreaterThan(0);
    expect(r.compute.mfu).toBeLessThan(1);
    expect(r.compute.impliedMfu).toBeNull();
    // GPU-hours = FLOP / (peak x MFU x 3600), with the FP8 peak (2 x BF16 on Hopper).
    const peak = r.phases[0].compute.peakFlopsPerChip;
    expect(peak).toBe(1979e12);
    expectRel(r.gpuHours, r.compute.flop / (peak * r.compute.mfu * 3600), 1e-9);
    // Wall-clock follows from the chips.
    expectRel(r.wallClockHours, r.gpuHours / 2048, 1e-9);
    expect(r.chips).toBe(2048);
  });

  it('without chips there is no wall-clock, and no error', async () => {
    const r = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T']);
    expect(r.chips).toBeNull();
    expect(r.wallClockHours).toBeNull();
    expect(r.gpuHours).toBeGreaterThan(0);
  });

  it('--mfu fixes the MFU: GPU-hours = FLOP / (989e12 x 0.4 x 3600), and the range collapses', async () => {
    const r = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--mfu', '0.4']);
    expect(r.compute.mfu).toBe(0.4);
    expect(r.compute.mfuBasis).toBe('user');
    expectRel(r.gpuHours, V3_FLOP / (H800_BF16 * 0.4 * 3600), 1e-9);
    expect(r.range.gpuHours[0]).toBe(r.gpuHours);
    expect(r.range.gpuHours[1]).toBe(r.gpuHours);
  });

  it('--kind generate counts 2 FLOP per parameter per token: a third of training', async () => {
    const train = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--mfu', '0.4']);
    const gen = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--mfu', '0.4', '--kind', 'generate']);
    expectRel(gen.compute.flop, 2 * 37e9 * 14.8e12, 1e-12);
    expectRel(gen.compute.flop, train.compute.flop / 3, 1e-12);
    expectRel(gen.gpuHours, train.gpuHours / 3, 1e-9);
  });

  it('--flops is the workload as given', async () => {
    const r = await run(['--gpu', 'h800', '--flops', '3.29e24']);
    expect(r.compute.flop).toBe(3.29e24);
    expect(r.gpuHours).toBeGreaterThan(0);
    const [low, high] = r.range.gpuHours;
    expect(low).toBeLessThanOrEqual(r.gpuHours);
    expect(high).toBeGreaterThanOrEqual(r.gpuHours);
  });

  it('--flops equal to 6 N D gives what --params N --tokens D gives', async () => {
    const byFlop = await run(['--gpu', 'h800', '--flops', String(V3_FLOP), '--mfu', '0.4']);
    const byWorkload = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--mfu', '0.4']);
    expectRel(byFlop.compute.flop, byWorkload.compute.flop, 1e-12);
    expectRel(byFlop.gpuHours, byWorkload.gpuHours, 1e-9);
    expectRel(byFlop.rental.usd, byWorkload.rental.usd, 1e-9);
    // At the calibrated MFU too, once the model size (which the MFU depends on) is known.
    const calFlop = await run(['--gpu', 'h800', '--flops', String(V3_FLOP), '--params', '37B']);
    const calWorkload = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T']);
    expectRel(calFlop.gpuHours, calWorkload.gpuHours, 1e-9);
    expectRel(calFlop.range.gpuHours[0], calWorkload.range.gpuHours[0], 1e-9);
    expectRel(calFlop.range.gpuHours[1], calWorkload.range.gpuHours[1], 1e-9);
  });

  // A workload is FLOPs, or parameters and tokens (DESIGN.md): both at once is refused, never
  // one of them silently dropped.
  it('--flops with --tokens is refused (exit 2), naming both', async () => {
    const r = await cli(['--gpu', 'h800', '--flops', '3e24', '--params', '37B', '--tokens', '1T']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--flops');
    expect(r.stderr).toContain('--tokens');
  });
});

describe('audit: a workload with hardware time', () => {
  const args = ['--gpu', 'h800', '--chips', '512', '--hours', '80', '--params', '37B', '--tokens', '14.8T'];

  it('"512 H800s for 80 hours" cannot have trained 37B x 14.8T: implied MFU above 1 and a warning', async () => {
    const r = await run(args);
    expect(r.gpuHours).toBe(40_960);
    expect(r.compute.mfu).toBeNull();
    // FLOP / (GPU-hours x 3600 x peak) = 3.2856e24 / (40,960 x 3600 x 989e12) = 22.5
    expectRel(r.compute.impliedMfu, V3_FLOP / (40_960 * 3600 * H800_BF16), 1e-9);
    expect(r.compute.impliedMfu).toBeGreaterThan(1);
    expect(r.compute.verdict).toBe('impossible');
    expect(
      r.warnings.some((w: string) => /cannot hold/.test(w)),
      r.warnings.join('; '),
    ).toBe(true);
    // Nothing is solved for: the range is the hardware time given.
    expect(r.range.gpuHours).toEqual([40_960, 40_960]);
  });

  it('the table shows the implied MFU; the warning goes to stderr', async () => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/implied/i);
    expect(r.stdout).not.toMatch(/cannot hold/);
    expect(r.stderr).toMatch(/^warning: .*cannot hold/m);
  });

  it('a plausible claim gets no MFU warning', async () => {
    // DeepSeek-V3 as published: 2.664M GPU-hours for 37B x 14.8T in FP8 (17% MFU).
    const r = await run(['--gpu', 'h800', '--gpu-hours', '2664000', '--params', '37B', '--tokens', '14.8T', '--precision', 'fp8']);
    expectRel(r.compute.impliedMfu, V3_FLOP / (2_664_000 * 3600 * 1979e12), 1e-9);
    expect(r.compute.verdict).toBe('plausible');
    expect(r.warnings.filter((w: string) => /MFU/.test(w))).toEqual([]);
  });
});

describe('refused input', () => {
  it('--precision fp4 on an H800 (no FP4 peak) exits 2 with the precisions it has', async () => {
    const line = await expectInputError(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--precision', 'fp4']);
    expect(line).toContain('fp4');
    expect(line).toContain('fp8');
    expect(line).toContain('bf16');
  });

  it('--tokens without --params exits 2 naming --params', async () => {
    const line = await expectInputError(['--gpu', 'h800', '--tokens', '14.8T']);
    expect(line).toContain('--params');
  });

  it('an --mfu above 1 exits 2', async () => {
    const line = await expectInputError(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--mfu', '1.5']);
    expect(line).toContain('--mfu');
  });
});

describe('memory feasibility and Chinchilla context', () => {
  it('405B on 8 H100s: at least ceil(16 x 405e9 / 80e9) = 81 chips, with a warning', async () => {
    const r = await run(['--params', '405B', '--tokens', '15T', '--gpu', 'h100', '--chips', '8']);
    expect(r.memory.minChips).toBe(Math.ceil((16 * 405e9) / 80e9));
    expect(r.memory.minChips).toBe(81);
    expect(r.memory.bytesPerChip).toBe((16 * 405e9) / 8);
    const w = r.warnings.find((x: string) => /81/.test(x));
    expect(w, r.warnings.join('; ')).toBeDefined();
    expect(w).toMatch(/\b8 chips\b/);
  });

  it('enough chips: no memory warning', async () => {
    const r = await run(['--params', '405B', '--tokens', '15T', '--gpu', 'h100', '--chips', '81']);
    expect(r.memory.minChips).toBe(81);
    expect(r.warnings.filter((x: string) => /model states/.test(x))).toEqual([]);
  });

  it('reports tokens per parameter and the compute-optimal split of the FLOP', async () => {
    const r = await run(['--params', '405B', '--tokens', '15T', '--gpu', 'h100', '--chips', '8']);
    expectRel(r.chinchilla.tokensPerParam, 15e12 / 405e9, 1e-9);
    const flop = 6 * 405e9 * 15e12;
    expectRel(r.compute.flop, flop, 1e-12);
    expectRel(r.chinchilla.optimalParams, Math.sqrt(flop / 120), 1e-9);
    expectRel(r.chinchilla.optimalTokens, 20 * r.chinchilla.optimalParams, 1e-9);
  });

  it('a mixture of experts: FLOP from the active parameters, memory from the total', async () => {
    const r = await run(['--gpu', 'h800', '--params', '671B', '--active-params', '37B', '--tokens', '14.8T', '--chips', '64']);
    expectRel(r.compute.flop, V3_FLOP, 1e-12);
    expect(r.memory.minChips).toBe(Math.ceil((16 * 671e9) / 80e9));
    expectRel(r.chinchilla.tokensPerParam, 14.8e12 / 37e9, 1e-9);
  });
});

describe('the JSON contract', () => {
  it.each(['deepseek-r1', 'deepseek-v3', 'llama-3.1-405b', 'olmoe', 'palm-540b'])('bundled run %s meets it', async (id) => {
    const r = await run([id]);
    expect(r.phases.length).toBeGreaterThan(0);
    expect(r.gpuHours).toBeGreaterThan(0);
  });
});

describe("a gpu preset's own MFU band", () => {
  it('replaces the calibrated model for that accelerator and precision, with its range and no warning', async () => {
    const r = await run(['--presets', 'tests/fixtures/user-mfu', '--gpu', 'b200', '--params', '70B', '--tokens', '15T']);
    const flop = 6 * 70e9 * 15e12;
    const hours = (mfu: number) => flop / (2250e12 * mfu * 3600);
    expect(r.compute.mfu).toBe(0.4);
    expect(r.compute.mfuBasis).toBe('preset');
    expectRel(r.gpuHours, hours(0.4), 1e-9);
    expectRel(r.range.gpuHours[0], hours(0.45), 1e-9);
    expectRel(r.range.gpuHours[1], hours(0.35), 1e-9);
    expect(r.warnings).toEqual([]);
  });

  it('without it, b200 uses the pooled fit and says so', async () => {
    const r = await run(['--gpu', 'b200', '--params', '70B', '--tokens', '15T']);
    expect(r.compute.mfuBasis).toBe('pooled');
    expect(r.warnings.join(' ')).toContain('pooled');
  });
});

describe('Chinchilla context only for pretraining', () => {
  it('a LoRA fine-tune (examples/lora.yaml): no Chinchilla row in the table or Markdown; JSON keeps the figure', async () => {
    const table = await cli(['examples/lora.yaml'], { env: { COLUMNS: '120' } });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Model states');
    expect(table.stdout).not.toMatch(/Chinchilla|tokens\/param/);
    expect((await cli(['examples/lora.yaml', '--format', 'markdown'])).stdout).not.toMatch(/Chinchilla|tokens\/param/);
    const r = await run(['examples/lora.yaml']);
    expect(r.compute.kind).toBe('lora');
    expect(r.chinchilla.tokensPerParam).toBeCloseTo(0.0143, 4);
  });

  it('--kind finetune leaves it out too; a pretrain workload keeps it', async () => {
    const args = ['--gpu', 'h100', '--params', '70B', '--tokens', '15T'];
    const pre = await cli(args, { env: { COLUMNS: '120' } });
    expect(pre.stdout).toContain('│ Chinchilla   │ 214 tokens/param (optimal ~20); compute-optimal for this FLOP:');
    const fine = await cli([...args, '--kind', 'finetune'], { env: { COLUMNS: '120' } });
    expect(fine.code, fine.stderr).toBe(0);
    expect(fine.stdout).not.toContain('Chinchilla');
  });
});
