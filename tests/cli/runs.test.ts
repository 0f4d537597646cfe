// Published runs through the command line (issue 3): the bundled DeepSeek runs add up to their
// reported figures, flags override a run, run files come from a path or stdin and are checked
// with file, line and field, and `train-cost runs` lists the bundled runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { outputSchema } from '../../src/output/contract.js';
import { cli, cliJson, REPO_ROOT, expectInputError } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';
import { expectRel } from '../helpers/expect.js';

/** Run with --format json, expect success, an empty stderr and output that meets the contract. */
async function estimate(args: string[], input?: string) {
  const { result, json } = await cliJson(args, input === undefined ? {} : { input });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  outputSchema.parse(json);
  return json;
}

const { write } = tempFolder('runs');

/** A value computed on first use (spawns happen inside tests, not at collection). */
function once<T>(f: () => T): () => T {
  let v: { value: T } | undefined;
  return () => (v ??= { value: f() }).value;
}

describe('train-cost deepseek-r1', () => {
  const json = once(() => estimate(['deepseek-r1']));
  const run = async () => (await await json()).runs[0];

  it('adds its three phases up to the reported 147K GPU-hours and $294K', async () => {
    expect((await json()).runs).toHaveLength(1);
    expect((await run()).phases).toHaveLength(3);
    expectRel((await run()).gpuHours, 147_000, 0.01);
    expectRel((await run()).rental.usd, 294_000, 0.01);
    // The total is the sum of the phases: 512 x 198 + 5,000 + 512 x 80.
    expect((await run()).phases.map((p: any) => p.gpuHours)).toEqual([512 * 198, 5_000, 512 * 80]);
    expect((await run()).gpuHours).toBe(512 * 198 + 5_000 + 512 * 80);
    expect((await run()).rental.usd).toBe(2 * (await run()).gpuHours);
  });

  it('carries the reported figures and their source', async () => {
    expect((await run()).reported.usd).toBe(294_000);
    expect((await run()).reported.gpuHours).toBe(147_000);
    expect((await run()).reported.source.length).toBeGreaterThan(10);
  });

  it('notes that the quoted "512 H800s, 80 hours" is the last phase only', async () => {
    expect((await run()).notes).toMatch(/80 hours/);
    expect((await run()).notes).toMatch(/last phase/);
  });

  it('shows the reported $294,000 beside the estimate in the table, and the note', async () => {
    const r = await cli(['deepseek-r1', '--explain']);
    expect(r.code).toBe(0);
    const reported = r.stdout.split('\n').find((l) => l.includes('Reported') && l.includes('$294,000'));
    expect(reported, r.stdout).toBeDefined();
    expect(reported).toMatch(/estimate/);
    expect(reported).toContain('147,000');
    // The estimate itself is in the same table.
    expect(r.stdout).toMatch(/Rental cost.*\$294,672/);
    expect(r.stdout).toMatch(/80 hours.*last phase/);
  });
});

describe('train-cost deepseek-v3', () => {
  it('reports 2.788M GPU-hours and $5.576M', async () => {
    const run = (await estimate(['deepseek-v3'])).runs[0];
    expect(run.gpuHours).toBe(2_788_000);
    expect(run.rental.usd).toBe(5_576_000);
    expect(run.phases.map((p: any) => p.gpuHours)).toEqual([2_664_000, 119_000, 5_000]);
  });

  it('prints 2,788,000 and $5,576,000 in the table', async () => {
    const r = await cli(['deepseek-v3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/GPU-hours\s*│\s*2,788,000/);
    expect(r.stdout).toMatch(/Rental cost\s*│\s*\$5,576,000/);
  });
});

describe('flags override a run', () => {
  it('deepseek-r1 --gpu h100 --price-source marketplace: every phase on H100 at its newest marketplace price', async () => {
    const h100 = parse(readFileSync(join(REPO_ROOT, 'presets', 'gpus', 'h100.yaml'), 'utf8'));
    const market = h100.prices.filter((p: any) => p.kind === 'marketplace');
    const newest = market
      .map((p: any) => String(p.date))
      .sort()
      .at(-1);
    const candidates = market.filter((p: any) => String(p.date) === newest);

    const run = (await estimate(['deepseek-r1', '--gpu', 'h100', '--price-source', 'marketplace'])).runs[0];
    expect(run.gpu.id).toBe('h100');
    expect(run.phases).toHaveLength(3);
    for (const p of run.phases) {
      expect(p.gpu.id).toBe('h100');
      expect(p.rental.priceDate).toBe(newest);
      expect(p.rental.usdPerGpuHour).toBe(run.rental.usdPerGpuHour);
    }
    const chosen = candidates.find((p: any) => p.id === run.rental.priceId);
    expect(chosen, `price ${run.rental.priceId} is not among the newest marketplace prices`).toBeDefined();
    expect(run.rental.usdPerGpuHour).toBe(chosen.usdPerHour);
    // The hardware time of the run is unchanged; only the price and the chip differ.
    expect(run.gpuHours).toBe(512 * 198 + 5_000 + 512 * 80);
    expectRel(run.rental.usd, run.gpuHours * chosen.usdPerHour, 1e-9);
    // What was reported is still what DeepSeek reported.
    expect(run.reported.usd).toBe(294_000);
  });

  it('two runs make a comparison of two runs', async () => {
    const json = await estimate(['deepseek-r1', 'deepseek-v3']);
    expect(json.runs.map((r: any) => r.name)).toEqual(['DeepSeek-R1', 'DeepSeek-V3']);
    expect(json.runs[1].gpuHours).toBe(2_788_000);
    const table = await cli(['deepseek-r1', 'deepseek-v3']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('DeepSeek-R1');
    expect(table.stdout).toContain('DeepSeek-V3');
    // DeepSeek-V3 relative to the baseline R1: 2,788,000 / 147,336 = 18.92x.
    expect(table.stdout).toContain('18.92x');
  });
});

describe('run files', () => {
  const yaml = [
    'name: my run',
    'gpu: h800',
    'phases:',
    '  - name: pre-training',
    '    chips: 64',
    '    hours: 10',
    '  - name: fine-tuning',
    '    chips: 8',
    '    hours: 5',
    '',
  ].join('\n');

  it('reads a run from stdin (-)', async () => {
    const run = (await estimate(['-'], yaml)).runs[0];
    expect(run.name).toBe('my run');
    expect(run.phases.map((p: any) => p.gpuHours)).toEqual([640, 40]);
    expect(run.gpuHours).toBe(680);
    expect(run.rental.usd).toBe(1_360);
  });

  it('reads a run from a YAML file path', async () => {
    const file = write('my-run.yaml', yaml);
    const run = (await estimate([file])).runs[0];
    expect(run.name).toBe('my run');
    expect(run.gpuHours).toBe(680);
  });

  const typo = write('typo.yaml', ['name: typo', 'gpu: h800', 'phases:', '  - name: a', '    chipz: 8', '    hours: 10', ''].join('\n'));

  it('a misspelt key exits 2 with one line naming the file, the line and the field', async () => {
    const line = await expectInputError([typo]);
    // The typo is on line 5 (the phase starts on line 4).
    expect(line).toMatch(/typo\.yaml:5: /);
    expect(line).toContain('chipz');
    expect(line).toContain('phases.0');
  });

  it('the same misspelt key on stdin names <stdin> and the line', async () => {
    const line = await expectInputError(['-'], { input: readFileSync(typo, 'utf8') });
    expect(line).toMatch(/<stdin>:5: /);
    expect(line).toContain('chipz');
  });

  it('two durations in one phase exit 2 naming the file, the line and the second duration', async () => {
    const file = write(
      'two-durations.yaml',
      ['name: two', 'gpu: h800', 'phases:', '  - name: a', '    chips: 8', '    hours: 10', '    days: 2', ''].join('\n'),
    );
    const line = await expectInputError([file]);
    expect(line).toMatch(/two-durations\.yaml:7: /);
    expect(line).toContain('days');
    expect(line).toContain('hours');
  });

  it('hours and gpuHours in one phase are two durations too', async () => {
    const file = write(
      'hours-and-gpu-hours.yaml',
      ['name: two', 'gpu: h800', 'phases:', '  - name: a', '    chips: 8', '    hours: 10', '    gpuHours: 80', ''].join('\n'),
    );
    const line = await expectInputError([file]);
    expect(line).toContain('hours-and-gpu-hours.yaml:');
    expect(line).toContain('gpuHours');
  });
});

describe('train-cost runs', () => {
  // Reported GPU-hours of the runs issue 3 requires (../shared/reference/published-runs.csv).
  const REQUIRED: Record<string, number> = {
    'deepseek-r1': 147_000,
    'deepseek-v3': 2_788_000,
    'deepseek-v2': 1_399_680,
    'llama-1-65b': 1_022_362,
    'llama-2-7b': 184_320,
    'llama-2-70b': 1_720_320,
    'llama-3.1-8b': 1_460_000,
    'llama-3.1-70b': 7_000_000,
    'llama-3.1-405b': 30_840_000,
    'opt-175b': 809_472,
    'gpt-3': 3_552_000,
    'palm-540b': 8_404_992,
    'falcon-180b': 7_000_000,
    'mpt-7b': 100_320,
    tinyllama: 34_560,
    bloomberggpt: 651_264,
    olmoe: 61_440,
    'pythia-12b': 72_300,
  };

  it('lists at least the required runs with their reported GPU-hours', async () => {
    const { result, json } = await cliJson(['runs']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const byId = new Map(json.runs.map((r: any) => [r.id, r]));
    for (const [id, gpuHours] of Object.entries(REQUIRED)) {
      const run: any = byId.get(id);
      expect(run, `run ${id} is missing`).toBeDefined();
      expect(run.reportedGpuHours, id).toBe(gpuHours);
      expect(run.source.length, id).toBeGreaterThan(10);
    }
    expect((byId.get('deepseek-r1') as any).reportedUsd).toBe(294_000);
    expect((byId.get('deepseek-v3') as any).reportedUsd).toBe(5_576_000);
  });

  it('the table shows the reported GPU-hours and cost', async () => {
    const r = await cli(['runs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deepseek-r1.*147,000.*\$294,000/);
    expect(r.stdout).toMatch(/llama-3\.1-405b.*30,840,000/);
  });

  it('an unknown run id exits 2 with a suggestion', async () => {
    const line = await expectInputError(['deepseek-r2']);
    expect(line).toContain('did you mean "deepseek-r1"');
  });
});

describe('examples/plan.yaml gated in CI', () => {
  it('under --max-cost 2e6 it passes (exit 0) with a Markdown table', async () => {
    const r = await cli(['examples/plan.yaml', '--max-cost', '2e6', '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\| Run \|/);
    expect(r.stdout).toContain('pre-training');
  });

  it('over --max-cost 4e5 it fails (exit 1), the table still printed and one line naming the run and the limit', async () => {
    const r = await cli(['examples/plan.yaml', '--max-cost', '4e5', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('| Run |');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--max-cost $400,000');
    expect(lines[0]).toContain('8B on 2T tokens');
  });
});

describe('run files that are wrong as a whole', () => {
  it('an empty file says so, naming the file', async () => {
    const line = await expectInputError([write('empty.yaml', '')]);
    expect(line).toContain('empty.yaml:1:');
    expect(line).toContain('the file is empty');
  });

  it('a run without phases asks for one', async () => {
    const line = await expectInputError([write('nophase.yaml', 'name: x\nphases: []\n')]);
    expect(line).toMatch(/nophase\.yaml:2: phases: needs at least one phase/);
  });

  it('tokens without params name the run file field and the flag', async () => {
    const line = await expectInputError([write('noparams.yaml', 'name: x\ngpu: h100\nphases:\n  - name: a\n    tokens: 1T\n')]);
    expect(line).toContain('run "x", phase "a"');
    expect(line).toContain('model.params');
  });
});

describe('the arithmetic under the table', () => {
  it('DeepSeek-V3: pre-training GPU-hours are given, and their implied MFU is worked out', async () => {
    const r = await cli(['deepseek-v3', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('GPU-hours = 2,664,000 (given)');
    expect(r.stdout).toContain('workload = 6 x 3.70e10 parameters x 1.48e13 tokens = 3.29e24 FLOP');
    expect(r.stdout).toMatch(
      /implied MFU = FLOP \/ \(GPU-hours x 3600 x peak\) = 3\.29e24 \/ \(2,664,000 x 3600 x 1\.98e15 FLOP\/s\) = 17\.3%/,
    );
  });

  it('DeepSeek-R1: the last phase is 512 chips x 80 h = 40,960 GPU-hours = $81,920', async () => {
    const r = await cli(['deepseek-r1', '--explain']);
    expect(r.stdout).toContain('GPU-hours = chips x hours = 512 x 80 h = 40,960');
    expect(r.stdout).toContain('rental = GPU-hours x price = 40,960 x $2.00 = $81,920');
  });

  it('JSON says how each phase got its GPU-hours', async () => {
    const { json } = await cliJson(['deepseek-v3']);
    expect(json.runs[0].phases.map((p: any) => p.gpuHoursFrom)).toEqual(['given', 'given', 'given']);
    const { json: r1 } = await cliJson(['deepseek-r1']);
    expect(r1.runs[0].phases.map((p: any) => p.gpuHoursFrom)).toEqual(['chips-hours', 'given', 'chips-hours']);
  });
});
