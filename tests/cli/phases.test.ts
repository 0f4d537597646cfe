// Phase kinds, compute thresholds and lineage through the command line (issue 9, items 3-5).
import { describe, expect, it } from 'vitest';
import { badInputLine, cli, contractRun as run, expectInputError } from '../helpers/cli.js';

describe('phase kinds', () => {
  it('examples/lora.yaml: (4 + 2 x 0.003) x 70B x 1B tokens, the rule and its source in the assumptions', async () => {
    const r = await run(['examples/lora.yaml']);
    const p = r.phases[0];
    expect(p.compute.kind).toBe('lora');
    expect(p.compute.flop).toBeCloseTo(4.006 * 70e9 * 1e9, -10);
    expect(p.compute.flopPerParamToken).toBeCloseTo(4.006, 9);
    expect(p.gpuHours).toBeCloseTo(p.compute.flop / (p.compute.peakFlopsPerChip * p.compute.mfu * 3600), 6);
    const table = (await cli(['examples/lora.yaml', '--no-color', '--explain'])).stdout;
    expect(table).toContain('Phase kind lora: FLOP = (4 + 2 x f) x N_active x D');
    expect(table).toContain('Hu et al. 2021, LoRA, arXiv:2106.09685');
  });

  it('examples/rl.yaml: rollouts at the generation MFU (an assumption) plus policy training at the calibrated MFU', async () => {
    const r = await run(['examples/rl.yaml']);
    const rl = r.phases.find((p: any) => p.compute.kind === 'rl');
    const [gen, train] = rl.compute.parts;
    expect(gen).toMatchObject({ label: 'rollout generation', mode: 'generate', flop: 2 * 8e9 * 2e9, mfu: 0.1, mfuBasis: 'assumption' });
    expect(train).toMatchObject({ label: 'policy training', mode: 'train', flop: 6 * 8e9 * 2e9 });
    expect(train.mfu).toBeGreaterThan(gen.mfu);
    expect(rl.gpuHours).toBeCloseTo(gen.gpuHours + train.gpuHours, 6);
    expect(gen.gpuHours).toBeCloseTo(gen.flop / (rl.compute.peakFlopsPerChip * 0.1 * 3600), 6);
    expect(rl.compute.mfuBasis).toBe('assumption');
    // The assumption's band widens the range; its level is unknown.
    expect(rl.range.gpuHours[1]).toBeGreaterThan(rl.gpuHours);
    expect(rl.range.level).toBeNull();
    const table = (await cli(['examples/rl.yaml', '--no-color', '--explain'])).stdout;
    expect(table).toContain('Generation MFU: 10.0% (band 5.0%-20.0%), an assumption, not calibrated');
    expect(table).toContain('Phase kind rl: FLOP = 2 x N_active x D rollout generation + 6 x N_active x D policy training');
  });

  it('--generation-mfu and --mfu override the generation MFU', async () => {
    const args = ['--gpu', 'h100', '--params', '8B', '--tokens', '2B', '--kind', 'rl', '--chips', '64'];
    const g = (await run([...args, '--generation-mfu', '0.05'])).phases[0].compute.parts[0];
    expect(g).toMatchObject({ mfu: 0.05, mfuBasis: 'user' });
    const both = (await run([...args, '--mfu', '0.3'])).phases[0];
    expect(both.compute.parts.map((x: any) => x.mfu)).toEqual([0.3, 0.3]);
    expect(both.gpuHours).toBeCloseTo((8 * 8e9 * 2e9) / (both.compute.peakFlopsPerChip * 0.3 * 3600), 6);
  });

  it('examples/distill.yaml: teacher generation 2 x 70B x D plus student training 6 x 8B x D', async () => {
    const p = (await run(['examples/distill.yaml'])).phases[0];
    expect(p.compute.kind).toBe('distill');
    expect(p.compute.parts.map((x: any) => [x.label, x.flop])).toEqual([
      ['teacher generation', 2 * 70e9 * 20e9],
      ['student training', 6 * 8e9 * 20e9],
    ]);
    expect(p.compute.flop).toBe(2 * 70e9 * 20e9 + 6 * 8e9 * 20e9);
    expect((await cli(['examples/distill.yaml', '--no-color', '--explain'])).stdout).toContain(
      'teacher generation = 2 x 7.00e10 parameters x 2.00e10 tokens = 2.80e21 FLOP',
    );
  });

  it('--kind train still works as pretraining (6 x N x D), and --kind rejects unknown kinds', async () => {
    const r = await run(['--gpu', 'h800', '--params', '37B', '--tokens', '14.8T', '--mfu', '0.4', '--kind', 'train']);
    expect(r.compute.flop).toBe(6 * 37e9 * 14.8e12);
    expect(r.compute.kind).toBe('pretrain');
    const line = await expectInputError(['--gpu', 'h800', '--params', '37B', '--tokens', '1T', '--kind', 'sft']);
    expect(line).toContain('--kind');
    expect(line).toContain('pretrain, finetune, lora, rl, generate, distill');
  });

  it('distill without a teacher, and rl with --flops, are refused with exit 2', async () => {
    expect(await expectInputError(['--gpu', 'h100', '--params', '8B', '--tokens', '1B', '--kind', 'distill'])).toContain('teacher');
    expect(await expectInputError(['--gpu', 'h100', '--flops', '1e21', '--kind', 'rl'])).toContain('--flops cannot be split');
  });

  it('deepseek-r1 keeps its published GPU-hours; the what-if from tokens is estimated from workloads', async () => {
    const r1 = await run(['deepseek-r1']);
    expect(r1.gpuHours).toBe(147_336);
    expect(r1.rental.usd).toBe(294_672);
    const whatIf = await run(['examples/deepseek-r1-from-tokens.yaml']);
    expect(whatIf.phases.map((p: any) => p.gpuHoursFrom)).toEqual(['workload', 'workload', 'workload']);
    expect(whatIf.phases.map((p: any) => p.compute.kind)).toEqual(['rl', 'generate', 'rl']);
    expect(whatIf.phases[0].compute.flop).toBe(8 * 37e9 * 50e9);
  });

  it('the seed command is unchanged: 40,960 GPU-hours and $81,920', async () => {
    const r = await run(['--chips', '512', '--gpu', 'h800', '--hours', '80']);
    expect(r.gpuHours).toBe(40_960);
    expect(r.rental.usd).toBe(81_920);
  });
});

describe('compute thresholds', () => {
  it('deepseek-v3 --format json: the EU AI Act 1e25 threshold is not crossed (3.3e24 FLOP by 6 x N x D), with its source', async () => {
    const v3 = await run(['deepseek-v3']);
    expect(v3.rental.usd).toBe(5_576_000);
    expect(v3.phases[0].compute.flop).toBeCloseTo(6 * 37e9 * 14.8e12, -10);
    expect(v3.cumulativeFlop[0]).toBeCloseTo(3.2856e24, -20);
    const eu = v3.thresholds.find((t: any) => t.id === 'eu-ai-act');
    expect(eu).toMatchObject({ flop: 1e25, crossed: false });
    expect(eu.source).toContain('Article 51');
    const us = v3.thresholds.find((t: any) => t.id === 'us-eo-14110');
    expect(us.status).toContain('revoked');
    expect(us.status).toContain('January 2025');
  });

  it('a run above 1e25 crosses the EU threshold; one straddling it is unknown (null)', async () => {
    const big = await run(['--gpu', 'h100', '--params', '400B', '--tokens', '15T', '--chips', '16384']);
    expect(big.thresholds.find((t: any) => t.id === 'eu-ai-act').crossed).toBe(true);
    expect(big.thresholds.find((t: any) => t.id === 'us-eo-14110').crossed).toBe(false);
    // Hardware time only: 0 to what the GPU-hours deliver at peak.
    const hw = await run(['--gpu', 'h100', '--chips', '16384', '--days', '30']);
    expect(hw.cumulativeFlop[0]).toBe(0);
    expect(hw.thresholds.find((t: any) => t.id === 'eu-ai-act').crossed).toBeNull();
  });

  it("deepseek-r1's cumulative compute includes its base (deepseek-v3)", async () => {
    const r1 = await run(['deepseek-r1']);
    expect(r1.baseId).toBe('deepseek-v3');
    expect(r1.base).toBeNull();
    expect(r1.cumulativeFlop[0]).toBeCloseTo(3.2856e24, -20);
    expect(r1.cumulativeFlop[1]).toBeGreaterThan(3.7e24);
    expect(r1.thresholds.find((t: any) => t.id === 'eu-ai-act').crossed).toBe(false);
  });

  it('tables list the thresholds with their status', async () => {
    const out = (await cli(['deepseek-v3', '--no-color', '--explain'])).stdout;
    expect(out).toContain('Compute thresholds');
    expect(out).toMatch(/DeepSeek-V3: 3\.29e24 to 3\.73e24 FLOP cumulative: below eu-ai-act 1\.00e25/);
    expect(out).toContain('revoked on 20 January 2025');
  });
});

describe('lineage: --with-base', () => {
  it("deepseek-r1 --with-base states R1's $294,672 and V3's $5,576,000 apart; R1's totals are unchanged", async () => {
    const r1 = await run(['deepseek-r1', '--with-base']);
    expect(r1.rental.usd).toBe(294_672);
    expect(r1.gpuHours).toBe(147_336);
    expect(r1.base).toMatchObject({ id: 'deepseek-v3', name: 'DeepSeek-V3', gpuHours: 2_788_000, rental: { usd: 5_576_000 } });
    const out = (await cli(['deepseek-r1', '--with-base', '--no-color'])).stdout;
    expect(out).toContain('Base run (stated apart, not in the totals above)');
    expect(out).toContain("DeepSeek-R1's base, DeepSeek-V3 (deepseek-v3): 2,788,000 GPU-hours, $5,576,000 rental");
    expect(out).toMatch(/Rental cost\s+│\s+\$294,672/);
  });

  it('--with-base on a run without a base is refused with exit 2', async () => {
    expect(await expectInputError(['deepseek-v3', '--with-base'])).toContain('names no base run');
  });

  it('an unknown base is refused with exit 2, naming it', async () => {
    const r = await cli(['-'], { input: 'name: x\nbase: deepseek-v9\ngpu: h800\nphases:\n  - name: a\n    gpuHours: 10\n' });
    expect(badInputLine(r)).toContain('base run: unknown run "deepseek-v9"');
  });
});
