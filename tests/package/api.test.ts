// The library's estimate(): the same run the CLI's JSON gives, from flag-like settings or a run
// file, and the CLI's error lines for bad input.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { estimate, InputError, loadRegions, bundledPresetsDir } from '../../src/index.js';
import { outputSchema } from '../../src/output/contract.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The built CLI's JSON for these arguments (npm test builds first). */
function cliJson(args: string[]): { runs: unknown[] } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'train-cost.cjs'), ...args, '--format', 'json'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { runs: unknown[] };
}

function cliError(args: string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'train-cost.cjs'), ...args], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  return r.stderr.replace(/^train-cost: /, '').trimEnd();
}

async function errorOf(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('estimate()', () => {
  it('gives the seed figures: 512 x H800 for 80 h is 40,960 GPU-hours, $81,920 rented', async () => {
    const run = await estimate({ gpu: 'h800', chips: 512, hours: 80 });
    expect(run.gpuHours).toBe(40960);
    expect(run.rental.usd).toBe(81920);
    expect(run.name).toBe('512 x h800, 80 h');
  });

  it('returns runs[0] of the CLI JSON, field for field, and fits the output contract', async () => {
    const run = await estimate({ gpu: 'h800', chips: 512, hours: 80 });
    expect(run).toEqual(cliJson(['--chips', '512', '--gpu', 'h800', '--hours', '80']).runs[0]);
    expect(() => outputSchema.shape.runs.element.parse(run)).not.toThrow();
  });

  it('takes a run file as it is written (deepseek-r1: three phases, 147K GPU-hours) like `train-cost deepseek-r1`', async () => {
    const file = parse(readFileSync(join(ROOT, 'presets', 'runs', 'deepseek-r1.yaml'), 'utf8')) as Parameters<typeof estimate>[0];
    const run = await estimate(file);
    expect(run.phases).toHaveLength(3);
    expect(run).toEqual(cliJson(['deepseek-r1']).runs[0]);
  });

  it('reads quantities with suffixes and workload settings as the flags do', async () => {
    const run = await estimate({ gpu: 'h800', chips: '2,048'.replace(',', ''), params: '37B', tokens: '14.8T', mfu: 0.4 });
    expect(run.compute.flop).toBeCloseTo(6 * 37e9 * 14.8e12, -18);
    expect(run.name).toBe('2048 x h800, 37B x 14.8T tokens');
  });

  it('takes every numeric setting a flag takes: distill teacher, generation MFU, LoRA fraction', async () => {
    const distill = await estimate({
      gpu: 'h100',
      chips: 64,
      params: '7B',
      tokens: '10B',
      kind: 'distill',
      teacherParams: '70B',
      generationMfu: 0.2,
    });
    expect(distill).toEqual(
      cliJson([
        '--gpu',
        'h100',
        '--chips',
        '64',
        '--params',
        '7B',
        '--tokens',
        '10B',
        '--kind',
        'distill',
        '--teacher-params',
        '70B',
        '--generation-mfu',
        '0.2',
      ]).runs[0],
    );
    const lora = await estimate({ gpu: 'h100', chips: 64, params: '7B', tokens: '10B', kind: 'lora', trainableFraction: 0.1 });
    expect(lora).toEqual(
      cliJson(['--gpu', 'h100', '--chips', '64', '--params', '7B', '--tokens', '10B', '--kind', 'lora', '--trainable-fraction', '0.1'])
        .runs[0],
    );
    // The settings count, not only agree with the CLI: against training the same params on the same
    // tokens (kind distill without a teacher is refused), the teacher's generation adds FLOP and
    // LoRA's trainable fraction takes fewer GPU-hours.
    const full = await estimate({ gpu: 'h100', chips: 64, params: '7B', tokens: '10B' });
    expect(distill.compute.flop!).toBeGreaterThan(full.compute.flop!);
    expect(lora.gpuHours).toBeLessThan(full.gpuHours);
  });

  it('warns of a preset price more than a year older than the run, as the CLI does (--max-price-age 12m)', async () => {
    const file = { name: 'later', date: '2031-01', gpu: 'h100', chips: 8, phases: [{ name: 'training', hours: 10 }] };
    const run = await estimate(file);
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'train-cost.cjs'), '-', '--format', 'json'], {
      input: stringify(file),
      encoding: 'utf8',
    });
    expect(run).toEqual((JSON.parse(cli.stdout) as { runs: unknown[] }).runs[0]);
    expect(run.warnings).toEqual([expect.stringMatching(/^h100 price .*\(more than --max-price-age 12 months\)/)]);
  });

  it('trims words as the flags do: " h800 " is h800', async () => {
    expect((await estimate({ gpu: ' h800 ', chips: 512, hours: 80 })).name).toBe('512 x h800, 80 h');
  });

  it('takes the date and cloud settings as the flags do: the hardware valued and the price chosen as of then', async () => {
    const run = await estimate({ gpu: 'h100', chips: 8, hours: 10, date: '2025-06', priceSource: 'epoch', cloud: 'gcp' });
    expect(run.date).toBe('2025-06');
    expect(run.rental.priceId).toBe('gcp-a3-3y-2025-03');
    expect(run).toEqual(
      cliJson(['--gpu', 'h100', '--chips', '8', '--hours', '10', '--date', '2025-06', '--price-source', 'epoch', '--cloud', 'gcp']).runs[0],
    );
  });

  it('applies settings on top of a run file: a price replaces the price source', async () => {
    const run = await estimate({ name: 'plan', gpu: 'h100', chips: 64, price: 3, phases: [{ name: 'pretrain', hours: 10 }] });
    expect(run.gpuHours).toBe(640);
    expect(run.rental.usd).toBe(1920);
  });

  it.each([
    [{ gpu: 'h8000', chips: 512, hours: 80 }, ['--gpu', 'h8000', '--chips', '512', '--hours', '80']],
    [{ gpu: 'h800', chips: 1.5, hours: 80 }, ['--gpu', 'h800', '--chips', '1.5', '--hours', '80']],
    [{ gpu: 'h800', chips: 512 }, ['--gpu', 'h800', '--chips', '512']],
    [{ gpu: 'h800', chips: 512, hours: 80, mfu: 2 }, ['--gpu', 'h800', '--chips', '512', '--hours', '80', '--mfu', '2']],
    [{ gpu: 'h800', chips: 512, hours: 80, region: 'mars' }, ['--gpu', 'h800', '--chips', '512', '--hours', '80', '--region', 'mars']],
    [{ gpu: 'h800', gpuHours: 1e300 }, ['--gpu', 'h800', '--gpu-hours', '1e300']],
    [{ gpu: 'h800', chips: 512, hours: 80, priceSource: ' ' }, ['--gpu', 'h800', '--chips', '512', '--hours', '80', '--price-source', ' ']],
    [{ gpu: 'h800', chips: 512, hours: 80, date: '2024-13' }, ['--gpu', 'h800', '--chips', '512', '--hours', '80', '--date', '2024-13']],
    [{ gpu: 'h800', chips: 512, hours: 80, cloud: 'ibm' as never }, ['--gpu', 'h800', '--chips', '512', '--hours', '80', '--cloud', 'ibm']],
    [
      { gpu: 'h800', chips: 512, hours: 80, generationMfu: 2 },
      ['--gpu', 'h800', '--chips', '512', '--hours', '80', '--generation-mfu', '2'],
    ],
  ])('throws InputError with the line the CLI prints: %j', async (input, args) => {
    const e = await errorOf(estimate(input));
    expect(e.message).toBe(cliError(args));
  });

  it('refuses unknown settings, bad run files and missing preset folders in one line', async () => {
    expect((await errorOf(estimate({ gpu: 'h800', chip: 512 } as never))).message).toMatch(/^unknown setting "chip"; use chips, /);
    expect((await errorOf(estimate({ phases: [{ name: 'a', hours: -1 }] } as never))).message).toMatch(/^run: phases\.0\.hours: /);
    expect((await errorOf(estimate({ gpu: 'h800', chips: 8, hours: 1, presets: ['/no/such/folder'] }))).message).toBe(
      'preset folder not found: /no/such/folder (presets takes folders with gpus/, runs/ or regions.yaml)',
    );
    const multi = await errorOf(
      estimate({
        name: 'two',
        gpu: 'h100',
        chips: 8,
        hours: 5,
        phases: [
          { name: 'a', hours: 1 },
          { name: 'b', hours: 2 },
        ],
      }),
    );
    expect(multi.message).toBe('--hours cannot apply to "two": it has 2 phases (set them in a run file, one per phase)');
  });

  it('reads a caller preset folder after the bundled ones', async () => {
    const run = await estimate({
      gpu: 'h800',
      chips: 8,
      hours: 1,
      region: 'nordic-hydro',
      presets: [join(ROOT, 'tests', 'fixtures', 'user-regions')],
    });
    expect(run.energy.region).toBe('nordic-hydro');
  });
});

describe('loadRegions()', () => {
  it('dates a run today on every call (the bundled presets are cached, the date is not)', async () => {
    const saved = process.env.TRAIN_COST_TODAY;
    try {
      process.env.TRAIN_COST_TODAY = '2026-01-15';
      const first = await estimate({ gpu: 'h800', chips: 512, hours: 80 });
      process.env.TRAIN_COST_TODAY = '2026-06-15';
      const later = await estimate({ gpu: 'h800', chips: 512, hours: 80 });
      expect([first.date, later.date]).toEqual(['2026-01-15', '2026-06-15']);
      // Hardware bought in 2025 is worth less half a year later.
      expect(later.ownership!.capexUsd).toBeLessThan(first.ownership!.capexUsd);
    } finally {
      if (saved === undefined) delete process.env.TRAIN_COST_TODAY;
      else process.env.TRAIN_COST_TODAY = saved;
    }
  });

  it('loads the bundled regions with their default', () => {
    const regions = loadRegions([bundledPresetsDir()]);
    expect(regions.default in regions.regions).toBe(true);
    expect(regions.regions.us?.pue).toBeGreaterThanOrEqual(1);
  });
});
