// Runs in time through the built CLI: --date picks prices and values hardware as of it,
// --dollar-year converts, --price-source epoch reproduces Epoch AI's cloud estimate, stale
// prices are flagged. Tests run with TRAIN_COST_TODAY=2026-11-30 (vitest.config.ts).
import { describe, expect, it } from 'vitest';
import { badInputLine, cli, cliJson, contractRun, parseCsvLine } from '../helpers/cli.js';

const within = (x: number, target: number, tol: number) => expect(Math.abs(x / target - 1)).toBeLessThanOrEqual(tol);

describe("against Epoch AI's published costs (training-cost-trends model_costs.csv)", () => {
  it('GPT-4: A100 40GB, 57M GPU-hours from 2022-05, in 2024 dollars: amortised hardware + energy within 15% of $40.7M', async () => {
    const { result, json } = await cliJson(['--gpu', 'a100-40gb', '--gpu-hours', '57M', '--date', '2022-05', '--dollar-year', '2024']);
    expect(result.code).toBe(0);
    expect(json.dollarYear).toBe(2024);
    const r = json.runs[0];
    expect(r.date).toBe('2022-05');
    // Valued from the DGX A100 launch price (2020-05-21), bought 2020-08-12 (release + 90 days).
    expect(r.ownership.purchaseDate).toBe('2020-08-12');
    expect(r.ownership.purchaseUsdPerChip).toBe(24_875);
    expect(r.energy.usdPerKwh).toBe(0.0832); // 2022's US industrial price
    within(r.ownership.usd, 40_695_706, 0.15);
    expect(r.ownership.usd).toBeCloseTo(41_490_369.8, 0);
  });

  it('Llama 3.1 405B: H100, 35.1M GPU-hours from 2024-02, epoch convention on GCP: rental within 15% of $169.8M', async () => {
    const { json } = await cliJson([
      '--gpu',
      'h100',
      '--gpu-hours',
      '35.1M',
      '--date',
      '2024-02',
      '--price-source',
      'epoch',
      '--cloud',
      'gcp',
    ]);
    const r = json.runs[0];
    expect(r.rental.priceId).toBe('gcp-a3-3y-2025-03');
    expect(r.rental.usdPerGpuHour).toBe(4.86);
    expect(r.rental.usd).toBe(170_586_000);
    within(r.rental.usd, 169_828_008, 0.15);
    // The only GCP 3-year rate is later than the run: said so, with how far.
    expect(r.rental.priceAgeDays).toBe(-410);
    expect(r.diagnostics.map((d: any) => d.code)).toContain('price-after-date');
  });
});

describe('DeepSeek figures do not change with dates', () => {
  it('512 H800 x 80 h: 40,960 GPU-hours, $81,920 at the $2 assumption dated 2024-12; no stale warning for an assumption', async () => {
    const { result, json } = await cliJson(['--chips', '512', '--gpu', 'h800', '--hours', '80']);
    const r = json.runs[0];
    expect(r.gpuHours).toBe(40_960);
    expect(r.rental.usd).toBe(81_920);
    expect(r.rental.priceDate).toBe('2024-12-27');
    expect(r.date).toBe('2026-11-30');
    expect(json.dollarYear).toBeNull();
    expect(result.stderr).toBe('');
  });
  it('deepseek-r1 $294,672 and deepseek-v3 $5,576,000', async () => {
    expect((await contractRun(['deepseek-r1'])).rental.usd).toBe(294_672);
    expect((await contractRun(['deepseek-v3'])).rental.usd).toBe(5_576_000);
  });
});

describe('TRAIN_COST_TODAY', () => {
  it('dates a run that gives none; a value that is no day is refused in one line, as --date is', async () => {
    expect((await contractRun(['--gpu', 'h100', '--chips', '8', '--hours', '1'], { env: { TRAIN_COST_TODAY: '2025-03-04' } })).date).toBe(
      '2025-03-04',
    );
    for (const bad of ['2025-02-30', '2025-03'])
      expect(badInputLine(await cli(['--gpu', 'h100', '--chips', '8', '--hours', '1'], { env: { TRAIN_COST_TODAY: bad } }))).toBe(
        `train-cost: invalid TRAIN_COST_TODAY "${bad}": expected a date YYYY-MM-DD, e.g. 2026-05-01`,
      );
  });
});

describe('--date picks prices as of the run', () => {
  it('the default provider and kind, nearest at or before the date: Lambda H100 2024-01-29 for a run of 2024-02', async () => {
    const r = await contractRun(['--gpu', 'h100', '--gpu-hours', '1M', '--date', '2024-02']);
    expect(r.rental.priceId).toBe('lambda-2024-01');
    expect(r.rental.usdPerGpuHour).toBe(3.49);
    expect(r.rental.priceAgeDays).toBe(3);
  });
  it('a run file date is used; --date overrides it', async () => {
    const yaml = 'name: dated\ndate: "2023-07"\ngpu: h100\nphases:\n  - name: t\n    gpuHours: 1000\n';
    expect((await contractRun(['-'], { input: yaml })).date).toBe('2023-07');
    expect((await contractRun(['-', '--date', '2025-03'], { input: yaml })).rental.priceId).toBe('lambda-2025-02');
  });
  it('committed-3y picks the 3-year rate', async () => {
    const r = await contractRun(['--gpu', 'a100-40gb', '--gpu-hours', '1000', '--date', '2023-01', '--price-source', 'committed-3y']);
    expect(r.rental.priceId).toBe('gcp-a2-highgpu-3y-2022-12');
  });
  it('a bad --date exits 2 with one line', async () => {
    const r = await cli(['--gpu', 'h100', '--gpu-hours', '1000', '--date', '2024-13']);
    expect(r.code).toBe(2);
    expect(badInputLine(r)).toContain('--date');
    expect(badInputLine(r)).toContain('YYYY-MM');
  });
});

describe('dollar years', () => {
  it('nominal by default: every cost carries the date of its dollars', async () => {
    const r = await contractRun(['--gpu', 'a100-40gb', '--gpu-hours', '1000', '--date', '2022-05']);
    const byId = Object.fromEntries(r.costs.map((c: any) => [c.id, c.dollarDate]));
    expect(byId).toEqual({ rental: '2025-03-02', capex: '2022-05', energy: '2022' });
  });
  it('--dollar-year converts every figure with the PPI: one more term per component', async () => {
    const nominal = await contractRun(['--gpu', 'h100', '--gpu-hours', '1000', '--date', '2024-02']);
    const y2024 = await contractRun(['--gpu', 'h100', '--gpu-hours', '1000', '--date', '2024-02', '--dollar-year', '2024']);
    const rental = y2024.costs.find((c: any) => c.id === 'rental');
    const factor = rental.terms[rental.terms.length - 1];
    expect(factor.name).toContain('PCU518210518210');
    expect(y2024.rental.usd).toBeCloseTo(nominal.rental.usd * factor.value, 6);
  });
  it('--dollar-year: the energy figure is the converted one everywhere (energy, ownership, costs[], table)', async () => {
    const args = ['--gpu', 'a100-40gb', '--gpu-hours', '57M', '--date', '2022-05', '--dollar-year', '2024'];
    const r = await contractRun(args);
    const energy = r.costs.find((c: any) => c.id === 'energy').usd;
    expect(energy).toBeCloseTo(3_710_982, 0); // 43,391 MWh x $0.0832 (2022) = $3,610,152 nominal, x 1.03 to 2024
    expect(r.energy.usd).toBe(energy);
    expect(r.ownership.energyUsd).toBe(energy);
    expect(r.ownership.capexUsd + energy).toBeCloseTo(r.ownership.usd, 6);
    const table = (await cli([...args, '--wide'])).stdout;
    expect(table).toContain('43,391 MWh, $3,710,982 at $0.0832/kWh x 1.03');
    expect(table).toContain('$3,710,982 energy');
  });
  it('tables and CSV state the basis', async () => {
    expect((await cli(['--gpu', 'h100', '--gpu-hours', '1000', '--explain'])).stdout).toContain('Dollars: nominal');
    expect((await cli(['--gpu', 'h100', '--gpu-hours', '1000', '--dollar-year', '2024', '--format', 'markdown'])).stdout).toContain(
      '2024 US dollars',
    );
    const csv = (await cli(['--gpu', 'h100', '--gpu-hours', '1000', '--dollar-year', '2023', '--format', 'csv'])).stdout.trim().split('\n');
    const head = parseCsvLine(csv[0]!);
    expect(parseCsvLine(csv[1]!)[head.indexOf('dollarYear')]).toBe('2023');
  });
  it('a year outside the bundled index exits 2', async () => {
    const r = await cli(['--gpu', 'h100', '--gpu-hours', '1000', '--dollar-year', '2031']);
    expect(r.code).toBe(2);
    expect(badInputLine(r)).toContain('PCU518210518210');
  });
});

describe('stale prices', () => {
  it('older than --max-price-age (default 12m): stderr and a diagnostic code in JSON', async () => {
    const { result, json } = await cliJson(['--gpu', 'a100-40gb', '--gpu-hours', '1000']);
    expect(json.runs[0].rental.priceAgeDays).toBeGreaterThan(365);
    expect(json.runs[0].diagnostics.map((d: any) => d.code)).toContain('stale-price');
    expect(result.stderr).toMatch(/warning: a100-40gb price aws-p4d-2025-06 is from 2025-06, 18 months before/);
  });
  it('--max-price-age 2y or none: no warning', async () => {
    expect((await cliJson(['--gpu', 'a100-40gb', '--gpu-hours', '1000', '--max-price-age', '2y'])).result.stderr).toBe('');
    expect((await cliJson(['--gpu', 'a100-40gb', '--gpu-hours', '1000', '--max-price-age', 'none'])).result.stderr).toBe('');
  });
  it('a bad --max-price-age exits 2', async () => {
    expect((await cli(['--gpu', 'h100', '--gpu-hours', '1000', '--max-price-age', 'soon'])).code).toBe(2);
  });
  it("gpus shows each default price's age", async () => {
    const out = (await cli(['gpus'])).stdout;
    expect(out).toContain('Age');
    expect(out).toMatch(/a100-40gb.*on-demand, 2025-06.*18 months/);
  });
});

describe('the A100 presets agree', () => {
  it('40GB and 80GB: one provider for the default rent, and the same first server price', async () => {
    const a40 = await contractRun(['--gpu', 'a100-40gb', '--gpu-hours', '1000', '--date', '2023-01']);
    const a80 = await contractRun(['--gpu', 'a100', '--gpu-hours', '1000', '--date', '2023-01']);
    expect(a40.rental.priceId.split('-')[0]).toBe(a80.rental.priceId.split('-')[0]);
    expect(a80.rental.usdPerGpuHour).toBeGreaterThan(a40.rental.usdPerGpuHour);
    expect(a40.ownership.purchaseUsdPerChip).toBe(a80.ownership.purchaseUsdPerChip);
    // The 80GB came out later, so it has lost less value by any date.
    expect(a80.ownership.capexUsd).toBeGreaterThan(a40.ownership.capexUsd);
  });
});
