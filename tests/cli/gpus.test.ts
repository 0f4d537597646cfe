// `train-cost gpus`: the accelerator presets with specs and default price, in every format.
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, cli, ok, parseCsvLine } from '../helpers/cli.js';

// Issue 2: every accelerator of ../shared/reference/accelerators.csv with a dense BF16 (or FP16) figure.
const REQUIRED = [
  'h800',
  'h100',
  'h100-pcie',
  'a100',
  'a100-40gb',
  'a800',
  'h20',
  'h200',
  'b200',
  'gb200',
  'l40s',
  'v100',
  'mi300x',
  'mi325x',
  'tpu-v4',
  'tpu-v5e',
  'tpu-v5p',
  'tpu-v6e',
  'gaudi2',
  'gaudi3',
];

describe('train-cost gpus', () => {
  let gpus: any[];
  beforeAll(async () => {
    const json = JSON.parse(ok(await cli(['gpus', '--format', 'json'])));
    expect(json.schemaVersion).toBe(1);
    gpus = json.gpus;
  });
  const byId = (id: string) => gpus.find((g) => g.id === id);

  it('--format json lists every required accelerator', async () => {
    const ids = gpus.map((g) => g.id);
    for (const id of REQUIRED) expect(ids, id).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(REQUIRED.filter((id) => id !== 'v100'))('%s has a BF16 peak, memory and a name', async (id) => {
    const g = byId(id);
    expect(g.bf16Tflops).toBeTypeOf('number');
    expect(g.bf16Tflops).toBeGreaterThan(0);
    expect(g.memoryGB).toBeGreaterThan(0);
    expect(g.name.length).toBeGreaterThan(0);
  });

  it('v100 has no BF16 (its figure is FP16), but memory', async () => {
    const g = byId('v100');
    expect(g.bf16Tflops).toBeNull();
    expect(g.memoryGB).toBe(16);
  });

  it('h800 defaults to the $2.00 DeepSeek assumption, with its date', async () => {
    const g = byId('h800');
    expect(g.usdPerGpuHour).toBe(2);
    expect(g.priceId).toBe('deepseek-assumption');
    expect(g.priceDate).toBe('2024-12-27');
    expect(g.bf16Tflops).toBe(989);
    expect(g.memoryGB).toBe(80);
  });

  it('every default price has a date; a gpu without a price has null price fields', async () => {
    for (const g of gpus) {
      if (g.usdPerGpuHour === null) {
        expect(g.priceId, g.id).toBeNull();
        expect(g.priceDate, g.id).toBeNull();
      } else {
        expect(g.usdPerGpuHour, g.id).toBeGreaterThan(0);
        expect(g.priceDate, g.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
    // h20 has no dated price (the estimate asks for --price).
    expect(byId('h20').usdPerGpuHour).toBeNull();
  });

  it('--format table shows id, name, BF16, FP8, memory, default $/GPU-hour and its date', async () => {
    const out = ok(await cli(['gpus']));
    expect(out).not.toMatch(ANSI);
    for (const h of ['BF16', 'FP8', 'Memory', '$/GPU-hour']) expect(out).toContain(h);
    const row = out.split('\n').find((l) => /[│|]\s*h800\s*[│|]/.test(l));
    expect(row).toBeDefined();
    expect(row).toContain('$2.00');
    expect(row).toContain('2024-12-27');
    expect(row).toContain('989');
    expect(row).toContain('1,979');
    for (const id of REQUIRED) expect(out).toMatch(new RegExp(`[│|]\\s*${id}\\s*[│|]`));
  });

  it('the table is coloured only when forced, and never with NO_COLOR or --no-color', async () => {
    expect(ok(await cli(['gpus'], { env: { FORCE_COLOR: '1' } }))).toMatch(ANSI);
    expect(ok(await cli(['gpus'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }))).not.toMatch(ANSI);
    expect(ok(await cli(['gpus', '--no-color'], { env: { FORCE_COLOR: '1' } }))).not.toMatch(ANSI);
  });

  it('--format csv: a header row and one row per gpu', async () => {
    const out = ok(await cli(['gpus', '--format', 'csv']));
    const lines = out.trimEnd().split('\n');
    const header = parseCsvLine(lines[0]!);
    expect(header).toContain('id');
    expect(header).toContain('usdPerGpuHour');
    expect(header).toContain('priceDate');
    expect(lines).toHaveLength(gpus.length + 1);
    const rows = lines.slice(1).map((l) => Object.fromEntries(parseCsvLine(l).map((v, i) => [header[i], v])));
    const h800 = rows.find((r) => r.id === 'h800')!;
    expect(Number(h800.usdPerGpuHour)).toBe(2);
    expect(h800.priceDate).toBe('2024-12-27');
    for (const l of lines) expect(parseCsvLine(l)).toHaveLength(header.length);
  });

  it('--format markdown: a pipe table with one row per gpu', async () => {
    const out = ok(await cli(['gpus', '--format', 'markdown']));
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\|.*\|$/);
    expect(lines[1]).toMatch(/^\|(\s*:?-{3,}:?\s*\|)+$/);
    expect(lines).toHaveLength(gpus.length + 2);
    expect(lines.find((l) => l.startsWith('| h800 |'))).toContain('$2.00');
  });
});

describe('gpus --format json carries each whole preset for scripts', () => {
  it('h800: every dated price with its source, the purchase price and the server power', async () => {
    const r = await cli(['gpus', '--format', 'json']);
    const h800 = JSON.parse(r.stdout).gpus.find((g: any) => g.id === 'h800');
    expect(h800.priceSource).toContain('DeepSeek-V3');
    expect(h800.preset.prices.map((p: any) => p.id)).toEqual(['deepseek-assumption', 'cr8dl']);
    for (const p of h800.preset.prices) {
      expect(p.date).toMatch(/^\d{4}/);
      expect(p.source.length).toBeGreaterThan(3);
    }
    expect(h800.preset.purchase.usd).toBe(44_750);
    expect(h800.preset.systemWattsPerChip).toBe(1275);
    expect(h800.preset.peakTflops.fp8).toBe(1979);
  });
});
