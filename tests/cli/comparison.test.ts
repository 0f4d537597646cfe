// List-valued flags make a comparison: one run per combination, the first the baseline.
import { describe, expect, it } from 'vitest';
import { cli, cliJson, type CliResult, parseCsvLine, withoutStalePrices } from '../helpers/cli.js';

function ok(r: CliResult): string {
  expect(withoutStalePrices(r.stderr)).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function runs(args: string[]): Promise<any[]> {
  const { result, json } = await cliJson(args);
  ok(result);
  return json.runs;
}

describe('comparisons', () => {
  it('--gpu h800,h100,a100 gives three runs in that order', async () => {
    const r = await runs(['--gpu', 'h800,h100,a100', '--chips', '512', '--hours', '80']);
    expect(r.map((x) => x.gpu.id)).toEqual(['h800', 'h100', 'a100']);
    for (const x of r) {
      expect(x.gpuHours).toBe(40960);
      expect(x.chips).toBe(512);
      expect(x.wallClockHours).toBe(80);
      // Each run at its own gpu's default price.
      expect(x.rental.usd).toBeCloseTo(40960 * x.rental.usdPerGpuHour, 6);
    }
    expect(r[0].rental.usd).toBe(81920);
    // Names tell the runs apart.
    expect(new Set(r.map((x) => x.name)).size).toBe(3);
  });

  it('--chips 512,1024 --gpu h800,h100 gives the four combinations, the baseline first', async () => {
    const r = await runs(['--chips', '512,1024', '--gpu', 'h800,h100', '--hours', '80']);
    expect(r).toHaveLength(4);
    const combos = r.map((x) => `${x.gpu.id}x${x.chips}`);
    expect([...combos].sort()).toEqual(['h100x1024', 'h100x512', 'h800x1024', 'h800x512']);
    expect(combos[0]).toBe('h800x512');
    expect(r[0].rental.usd).toBe(81920);
    for (const x of r) expect(x.gpuHours).toBe(x.chips * 80);
  });

  it('a geometric range --chips 256..4096:x2 gives 256, 512, 1024, 2048, 4096', async () => {
    const r = await runs(['--chips', '256..4096:x2', '--gpu', 'h800', '--hours', '80']);
    expect(r.map((x) => x.chips)).toEqual([256, 512, 1024, 2048, 4096]);
    expect(r.map((x) => x.gpuHours)).toEqual([20480, 40960, 81920, 163840, 327680]);
  });

  it('the table has ratio columns against the first run, 1.00x on the first row', async () => {
    const out = ok(await cli(['--gpu', 'h800,h100,a100', '--chips', '512', '--hours', '80']));
    expect(out).toContain('GPU-h vs baseline');
    expect(out).toContain('Cost vs baseline');
    // Table body rows (cli-table3 draws them between │ borders), not the assumption lines.
    const rows = out.split('\n').filter((l) => l.startsWith('│') && /\b(h800|h100|a100)\b/.test(l));
    expect(rows).toHaveLength(3);
    // First data row: both ratios 1.00x.
    expect(rows[0]!.match(/1\.00x/g)).toHaveLength(2);
    expect(rows[0]).toContain('$81,920');
    // Same GPU-hours everywhere: the GPU-hour ratio is 1.00x on every row; the cost ratio is
    // each price over $2.00.
    const { json } = await cliJson(['--gpu', 'h800,h100,a100', '--chips', '512', '--hours', '80']);
    json.runs.forEach((run: any, i: number) => {
      expect(rows[i]).toContain(`${(run.rental.usdPerGpuHour / 2).toFixed(2)}x`);
    });
  });

  it('a single run has no ratio columns', async () => {
    const out = ok(await cli(['--gpu', 'h800', '--chips', '512', '--hours', '80']));
    expect(out).not.toContain('vs base');
  });

  it('the table shows 2.00x for twice the chips', async () => {
    const out = ok(await cli(['--gpu', 'h800', '--chips', '512,1024', '--hours', '80']));
    const row = out.split('\n').find((l) => l.startsWith('│') && l.includes('1,024') && l.includes('$163,840'));
    expect(row).toBeDefined();
    expect(row!.match(/2\.00x/g)).toHaveLength(2);
  });
});

describe('prices', () => {
  it('--price 2.5 overrides the preset price: 40,960 x 2.5 = $102,400', async () => {
    const [r] = await runs(['--gpu', 'h800', '--chips', '512', '--hours', '80', '--price', '2.5']);
    expect(r.rental.usdPerGpuHour).toBe(2.5);
    expect(r.rental.usd).toBe(102400);
    expect(r.rental.priceId).toBeNull();
    const table = ok(await cli(['--gpu', 'h800', '--chips', '512', '--hours', '80', '--price', '2.5']));
    expect(table).toContain('$102,400');
    expect(table).toContain('--price');
  });

  it('--price-source marketplace for h800 uses the CR8DL $3.42 listing', async () => {
    const [r] = await runs(['--gpu', 'h800', '--chips', '512', '--hours', '80', '--price-source', 'marketplace']);
    expect(r.rental.priceId).toBe('cr8dl');
    expect(r.rental.usdPerGpuHour).toBe(3.42);
    expect(r.rental.usd).toBeCloseTo(40960 * 3.42, 6);
    expect(r.rental.priceSource).toContain('CR8DL');
  });

  it('--price-source takes a price id too', async () => {
    const [r] = await runs(['--gpu', 'h800', '--chips', '512', '--hours', '80', '--price-source', 'cr8dl']);
    expect(r.rental.usdPerGpuHour).toBe(3.42);
  });
});

describe('a long comparison', () => {
  // tests/process/bin.test.ts pipes this CSV into `head -n 1`.
  it('--chips 1..1500:1 as CSV has 1,500 data rows, far past a pipe buffer', async () => {
    const out = ok(await cli(['--gpu', 'h100', '--chips', '1..1500:1', '--hours', '1', '--format', 'csv']));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(1501);
    expect(parseCsvLine(lines[1500]!).slice(0, 4)).toEqual(['1500 x h100, 1 h', '', 'h100', '1500']);
    expect(out.length).toBeGreaterThan(2 * 64 * 1024);
  });
});

describe('a long comparison table', () => {
  it('600 rows make one table: one top and one bottom border, every line as wide as the others', async () => {
    const r = await cli(['--gpu', 'h100', '--chips', '1..600:1', '--hours', '1']);
    expect(r.code, r.stderr).toBe(0);
    const table = r.stdout.split('\n').filter((l) => /^[┌│└├]/.test(l));
    expect(table.filter((l) => l.startsWith('┌'))).toHaveLength(1);
    expect(table.filter((l) => l.startsWith('└'))).toHaveLength(1);
    expect(new Set(table.map((l) => [...l].length)).size).toBe(1);
    expect(table.filter((l) => l.startsWith('│')).length).toBe(601);
    expect(r.stdout).toContain('600 x h100, 1 h');
  });
});

describe('phase rows of a comparison', () => {
  it('leave the run-only cells (vs baseline, reported) blank in every format', async () => {
    const md = (await cli(['deepseek-r1', 'llama-3.1-405b', '--format', 'markdown'])).stdout;
    const phaseRows = md.split('\n').filter((l) => l.startsWith('| &nbsp;'));
    expect(phaseRows).toHaveLength(3);
    for (const row of phaseRows) expect(row.endsWith('|  |  |  |')).toBe(true);
    const html = (await cli(['deepseek-r1', 'llama-3.1-405b', '--format', 'html'])).stdout;
    const cells = [...html.matchAll(/<tr class="phase"[^>]*>(.*?)<\/tr>/g)].flatMap((m) =>
      [...m[1]!.matchAll(/<td data-key="(gpuHoursRatio|costRatio|reported)"[^>]*>(.*?)<\/td>/g)].map((c) => c[2]),
    );
    expect(cells).toEqual(Array(9).fill(''));
    const table = (await cli(['deepseek-r1', 'llama-3.1-405b', '--wide'])).stdout;
    const tableRows = table.split('\n').filter((l) => l.includes(' - R1') || l.includes(' - SFT'));
    // deepseek-r1's three phase rows, as in Markdown above.
    expect(tableRows).toHaveLength(3);
    for (const row of tableRows) expect(row).not.toMatch(/reported|x │/);
  });
});
