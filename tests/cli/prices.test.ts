// prices import: catalog CSVs in SkyPilot's and gpuhunt's formats become a preset folder the
// estimate and `gpus --prices` use; unmapped accelerators are reported; bad input is one line.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { badInputLine, cli, contractRun, expectInputError } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const tmp = tempFolder('prices');
/** The preset folder the imports write, which the later tests read. */
const out = join(tmp.dir, 'presets');
const SKY = 'tests/fixtures/catalogs/aws/vms.csv';
const HUNT = 'tests/fixtures/catalogs/runpod.csv';

describe('prices import', () => {
  it('a SkyPilot vms.csv: per-GPU on-demand and spot offers per region, the cheapest zone, A100 40/80GB mapped', async () => {
    const r = await cli(['prices', 'import', SKY, '--out', out, '--date', '2026-05-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'note: not imported, no bundled gpu for: A10G (2 offers); add a gpu preset (gpus/<id>.yaml with that alias) to import them\n',
    );
    expect(readdirSync(join(out, 'prices')).sort()).toEqual(['aws-a100-40gb.yaml', 'aws-a100.yaml', 'aws-h100.yaml']);
    const h100 = parse(readFileSync(join(out, 'prices', 'aws-h100.yaml'), 'utf8'));
    expect(h100.gpu).toBe('h100');
    expect(h100.imported).toBe('2026-05-01');
    const spot = h100.prices.find((p: any) => p.spot);
    // Two us-east-1 zones ($43.16, $39.84 for 8 GPUs): the cheaper, per GPU.
    expect(spot.usdPerHour).toBeCloseTo(39.84 / 8, 9);
    expect(spot.region).toBe('us-east-1');
    expect(
      h100.prices
        .filter((p: any) => !p.spot)
        .map((p: any) => p.region)
        .sort(),
    ).toEqual(['us-east-1', 'us-west-2']);
    expect(h100.prices.every((p: any) => p.usdPerHour > 0 && p.date === '2026-05-01' && p.source.includes('aws/vms.csv'))).toBe(true);
    const a100 = parse(readFileSync(join(out, 'prices', 'aws-a100.yaml'), 'utf8'));
    expect(a100.prices[0].instanceType).toBe('p4de.24xlarge');
  });

  it('a gpuhunt CSV: spot flag, gpu_count, gpu_memory 80 -> a100', async () => {
    const r = await cli(['prices', 'import', HUNT, '--out', out, '--date', '2026-05-02']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/RTXA6000 \(1 offer\)/);
    const h100 = parse(readFileSync(join(out, 'prices', 'runpod-h100.yaml'), 'utf8'));
    expect(h100.prices.map((p: any) => [p.region, p.spot, p.usdPerHour])).toEqual([
      ['CA', true, 1.75],
      ['CA', false, 2.99],
      ['US', false, 23.92 / 8],
    ]);
    expect(readdirSync(join(out, 'prices'))).toContain('runpod-a100.yaml');
  });

  it('without --date the offers are dated today (TRAIN_COST_TODAY); a --date that is no day is refused', async () => {
    const dir = mkdtempSync(join(tmp.dir, 'today-'));
    const r = await cli(['prices', 'import', HUNT, '--out', dir], { env: { TRAIN_COST_TODAY: '2026-03-04' } });
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'prices', 'runpod-h100.yaml'), 'utf8')).imported).toBe('2026-03-04');
    for (const date of ['2026-02-30', '2026-05'])
      expect(await expectInputError(['prices', 'import', HUNT, '--out', dir, '--date', date])).toBe(
        `train-cost: invalid --date "${date}": expected a date YYYY-MM-DD, e.g. 2026-05-01`,
      );
  });

  it('train-cost validate accepts the price sheets it wrote, and names the field of a broken one', async () => {
    const sheet = join(out, 'prices', 'aws-h100.yaml');
    const ok = await cli(['validate', sheet]);
    expect(ok.code, ok.stderr).toBe(0);
    // In a folder of its own, not the imported presets the later tests read.
    const broken = tmp.write('broken/prices/broken.yaml', readFileSync(sheet, 'utf8').replace(/usdPerHour: [0-9.]+/, 'usdPerHour: cheap'));
    const bad = await cli(['validate', broken]);
    expect(bad.code).toBe(2);
    expect(badInputLine(bad)).toMatch(/usdPerHour/);
  });

  it('gpus h100 --prices lists the offers cheapest first, imported ones included', async () => {
    const r = await cli(['gpus', 'h100', '--prices', '--presets', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const prices = JSON.parse(r.stdout).prices;
    const usd = prices.map((p: any) => p.usdPerGpuHour);
    expect(usd).toEqual([...usd].sort((a: number, b: number) => a - b));
    expect(prices[0]).toMatchObject({ provider: 'runpod', spot: true, usdPerGpuHour: 1.75 });
    expect(prices.some((p: any) => p.provider === 'aws' && p.spot === false)).toBe(true);
    expect(prices.some((p: any) => p.default === true)).toBe(true);
  });

  it('the estimate uses an imported offer, and the bundled default stays the default', async () => {
    const spot = await contractRun([
      '--gpu',
      'h100',
      '--gpu-hours',
      '1000',
      '--presets',
      out,
      '--price-source',
      'aws-us-east-1-p5.48xlarge-spot-2026-05-01',
    ]);
    expect(spot.rental.usd).toBeCloseTo(1000 * (39.84 / 8), 6);
    expect(spot.rental.priceSource).toMatch(/SkyPilot catalog aws\/vms.csv/);
    const plain = await contractRun(['--gpu', 'h100', '--gpu-hours', '1000']);
    expect((await contractRun(['--gpu', 'h100', '--gpu-hours', '1000', '--presets', out])).rental.usd).toBe(plain.rental.usd);
    // The seed is untouched by a price folder for other gpus.
    expect((await contractRun(['--chips', '512', '--gpu', 'h800', '--hours', '80', '--presets', out])).rental.usd).toBe(81_920);
  });

  it('bad input: not a catalog, no --out, unknown provider, unknown gpu with --prices', async () => {
    expect(
      await expectInputError(['prices', 'import', 'tests/fixtures/backtest/published-format.csv', '--out', out, '--provider', 'x']),
    ).toMatch(/not a SkyPilot or gpuhunt catalog/);
    expect(await expectInputError(['prices', 'import', SKY])).toMatch(/--out is required/);
    expect(await expectInputError(['prices', 'import', 'nope.csv', '--out', out, '--provider', 'x'])).toMatch(/nope.csv not found/);
    expect(await expectInputError(['gpus', 'h80', '--prices'])).toMatch(/unknown gpu "h80"/);
    expect(await expectInputError(['gpus', '--prices'])).toMatch(/--prices needs a gpu/);
  });
});
