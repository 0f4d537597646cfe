// The seed command of issue 2, `train-cost --chips 512 --gpu h800 --hours 80`, through the
// built binary in every output format: 40,960 GPU-hours at DeepSeek's $2 = $81,920.
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, cli, cliJson, ok, parseCsvLine } from '../helpers/cli.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];

// The JSON contract of DESIGN.md (schemaVersion 1): every key always present.
const PHASE_KEYS = [
  'name',
  'gpu',
  'chips',
  'wallClockHours',
  'gpuHours',
  'rental',
  'energy',
  'ownership',
  'compute',
  'memory',
  'range',
  'warnings',
];
const RUN_KEYS = [...PHASE_KEYS, 'reported', 'phases'];
const SUBKEYS: Record<string, string[]> = {
  gpu: ['id', 'name'],
  rental: ['usd', 'usdPerGpuHour', 'priceId', 'priceSource'],
  energy: ['kWh', 'usd', 'co2Tonnes', 'region', 'pue'],
  compute: ['precision', 'flop', 'mfu', 'impliedMfu', 'params', 'tokens'],
  range: ['gpuHours', 'usd'],
};

function expectContract(obj: Record<string, unknown>, keys: string[]): void {
  for (const k of keys) expect(obj, `key "${k}"`).toHaveProperty([k]);
  for (const [k, sub] of Object.entries(SUBKEYS)) {
    const inner = obj[k] as Record<string, unknown>;
    expect(inner, k).toBeTypeOf('object');
    expect(inner, k).not.toBeNull();
    for (const s of sub) expect(inner, `key "${k}.${s}"`).toHaveProperty([s]);
  }
  const range = obj.range as { gpuHours: unknown; usd: unknown };
  expect(range.gpuHours).toHaveLength(2);
  expect(range.usd).toHaveLength(2);
  expect(Array.isArray(obj.warnings)).toBe(true);
}

/** A successful run: exit 0, nothing on stderr. */
describe('seed: --chips 512 --gpu h800 --hours 80', () => {
  describe('--format json', () => {
    let json: any;
    beforeAll(async () => {
      const { result, json: j } = await cliJson(SEED);
      ok(result);
      json = j;
    });

    it('gives the issue-2 figures', async () => {
      expect(json.schemaVersion).toBe(1);
      expect(json.runs).toHaveLength(1);
      const run = json.runs[0];
      expect(run.gpuHours).toBe(40960);
      expect(run.rental.usd).toBe(81920);
      expect(run.rental.usdPerGpuHour).toBe(2);
      expect(run.wallClockHours).toBe(80);
      expect(run.chips).toBe(512);
      expect(run.gpu).toEqual({ id: 'h800', name: expect.stringContaining('H800') });
      expect(run.rental.priceId).toBe('deepseek-assumption');
      expect(run.rental.priceSource).toContain('DeepSeek-V3 Technical Report');
      expect(run.range).toMatchObject({ gpuHours: [40960, 40960], usd: [81920, 81920] });
      expect(run.compute.precision).toBe('bf16');
      expect(run.warnings).toEqual([]);
    });

    it('has every key of the contract on the run and on its phase (null when unknown)', async () => {
      const run = json.runs[0];
      expectContract(run, RUN_KEYS);
      expect(run.phases).toHaveLength(1);
      expectContract(run.phases[0], PHASE_KEYS);
      expect(run.phases[0].gpuHours).toBe(40960);
      expect(run.phases[0].rental.usd).toBe(81920);
      // Unknown figures are null, not absent and not 0.
      expect(run.compute.flop).toBeNull();
      expect(run.compute.impliedMfu).toBeNull();
      expect(run.reported).toBeNull();
    });

    it('--json is the same as --format json', async () => {
      const r = await cli([...SEED, '--json']);
      expect(JSON.parse(ok(r))).toEqual(json);
    });

    it('never contains NaN or Infinity', async () => {
      const r = await cli([...SEED, '--format', 'json']);
      expect(r.stdout).not.toMatch(/NaN|Infinity/);
    });
  });

  describe('--format table', () => {
    let table: string;
    beforeAll(async () => {
      table = ok(await cli(SEED));
    });

    it('shows 40,960 GPU-hours and $81,920, then one line of key assumptions, and ends on the total', async () => {
      expect(table).toContain('40,960');
      expect(table).toContain('$81,920');
      expect(table).toContain('3.3 days');
      const lines = table.trimEnd().split('\n');
      expect(lines.at(-1)).toBe('Total: $81,920 to rent; $51,057 to own (0.62x of renting)');
      expect(lines.at(-2)).toBe('512 x h800, 80 h: 40,960 GPU-hours, 80 h (3.3 days) of wall-clock');
      expect(lines.at(-3)).toBe(
        'Assuming h800 at $2.00/GPU-hour (deepseek-assumption, 2024-12-27); region us; nominal dollars; --explain: the arithmetic and every source',
      );
      // The arithmetic and the sources wait for --explain.
      expect(table).not.toContain('DeepSeek-V3 Technical Report');
      expect(table).not.toContain('Arithmetic');
      expect(lines.length).toBeLessThan(24);
    });

    it('--explain adds the arithmetic and the price source with its date', async () => {
      const explained = ok(await cli([...SEED, '--explain']));
      const lines = explained.split('\n');
      expect(explained).toContain('rental = GPU-hours x price = 40,960 x $2.00 = $81,920');
      const sourceLine = lines.findIndex((l) => l.includes('DeepSeek-V3 Technical Report'));
      expect(sourceLine).toBeGreaterThan(lines.findIndex((l) => l.includes('$81,920')));
      expect(lines[sourceLine]).toContain('2024-12-27');
      expect(lines.at(-2)).toBe('Total: $81,920 to rent; $51,057 to own (0.62x of renting)');
    });

    it('has no colour codes when piped', async () => {
      expect(table).not.toMatch(ANSI);
    });

    it('has colour with FORCE_COLOR=1', async () => {
      const out = ok(await cli(SEED, { env: { FORCE_COLOR: '1' } }));
      expect(out).toMatch(ANSI);
    });

    it('has no colour with FORCE_COLOR=1 and --no-color', async () => {
      const out = ok(await cli([...SEED, '--no-color'], { env: { FORCE_COLOR: '1' } }));
      expect(out).not.toMatch(ANSI);
      expect(out).toBe(table);
    });

    it('has no colour with FORCE_COLOR=1 and NO_COLOR=1', async () => {
      const out = ok(await cli(SEED, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }));
      expect(out).not.toMatch(ANSI);
      expect(out).toBe(table);
    });
  });

  it('--format csv: a header row and one data row, parseable', async () => {
    const out = ok(await cli([...SEED, '--format', 'csv']));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const header = parseCsvLine(lines[0]!);
    const row = parseCsvLine(lines[1]!);
    expect(row).toHaveLength(header.length);
    const rec = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    expect(Number(rec.gpuHours)).toBe(40960);
    expect(Number(rec.rentalUsd)).toBe(81920);
    expect(Number(rec.usdPerGpuHour)).toBe(2);
    expect(Number(rec.chips)).toBe(512);
    expect(Number(rec.wallClockHours)).toBe(80);
    expect(rec.gpu).toBe('h800');
    expect(out).not.toMatch(ANSI);
  });

  it('--format markdown: a pipe table with the figures', async () => {
    const out = ok(await cli([...SEED, '--format', 'markdown']));
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^\|.*\|$/);
    expect(lines[1]).toMatch(/^\|(\s*:?-{3,}:?\s*\|)+$/);
    const cells = (l: string) => l.split('|').length;
    expect(cells(lines[1]!)).toBe(cells(lines[0]!));
    expect(cells(lines[2]!)).toBe(cells(lines[0]!));
    expect(lines[2]).toContain('40,960');
    expect(lines[2]).toContain('$81,920');
    expect(out).toContain('DeepSeek-V3 Technical Report');
    expect(out).not.toMatch(ANSI);
  });

  it('--format ndjson: one JSON object per line', async () => {
    const out = ok(await cli([...SEED, '--format', 'ndjson']));
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const obj = JSON.parse(lines[0]!);
    expect(obj.gpuHours).toBe(40960);
    expect(obj.rental.usd).toBe(81920);
    expect(obj.schemaVersion).toBe(1);
  });
});

describe('the other ways to give a duration', () => {
  const run = async (args: string[]) => {
    const { result, json } = await cliJson(['--gpu', 'h800', ...args]);
    ok(result);
    return json.runs[0];
  };

  it('--chips 512 --days 10 is 512 x 240 h = 122,880 GPU-hours', async () => {
    const r = await run(['--chips', '512', '--days', '10']);
    expect(r.gpuHours).toBe(122880);
    expect(r.wallClockHours).toBe(240);
    expect(r.rental.usd).toBe(245760);
  });

  it('--days 80/24 of 512 chips equals the seed', async () => {
    const r = await run(['--chips', '512', '--days', String(80 / 24)]);
    expect(r.gpuHours).toBeCloseTo(40960, 6);
  });

  it('--gpu-hours 40960 alone: same GPU-hours and cost, wall-clock unknown (null)', async () => {
    const r = await run(['--gpu-hours', '40960']);
    expect(r.gpuHours).toBe(40960);
    expect(r.rental.usd).toBe(81920);
    expect(r.wallClockHours).toBeNull();
    expect(r.chips).toBeNull();
  });

  it('--gpu-hours 40960 with --chips 512: wall-clock 80 h', async () => {
    const r = await run(['--gpu-hours', '40960', '--chips', '512']);
    expect(r.gpuHours).toBe(40960);
    expect(r.wallClockHours).toBe(80);
  });

  it('numbers take suffixes and exponents: --gpu-hours 40.96K and 4.096e4', async () => {
    expect((await run(['--gpu-hours', '40.96K'])).gpuHours).toBe(40960);
    expect((await run(['--gpu-hours', '4.096e4'])).gpuHours).toBe(40960);
  });
});
