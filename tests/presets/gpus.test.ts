// Every bundled accelerator preset parses, is consistent, and resolves the way users type it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choosePrice, findGpu, loadGpus } from '../../src/presets/gpus.js';
import { bundledPresetsDir, fileStem, readPresetFile, yamlFilesIn } from '../../src/presets/load.js';
import { gpuSchema, type GpuPreset, regionsSchema } from '../../src/presets/schema.js';
import { parse } from 'yaml';
import { inputError } from '../helpers/errors.js';

const GPU_DIR = join(bundledPresetsDir(), 'gpus');
const files = yamlFilesIn(GPU_DIR);
const presets: { file: string; gpu: GpuPreset }[] = files.map((file) => ({ file, gpu: readPresetFile(file, gpuSchema) }));
const gpus = presets.map((p) => p.gpu);

const REQUIRED = [
  'h800', 'h100', 'h100-pcie', 'a100', 'a100-40gb', 'a800', 'h20', 'h200', 'b200', 'gb200',
  'l40s', 'v100', 'mi300x', 'mi325x', 'tpu-v4', 'tpu-v5e', 'tpu-v5p', 'tpu-v6e', 'gaudi2', 'gaudi3',
];

/** The presets that give a release date (the others leave it out). */
const DATED = ['a100', 'a100-40gb', 'b200', 'h100', 'h200', 'h800', 'mi300x', 'tpu-v4', 'tpu-v5p', 'v100'];

describe('bundled gpu presets (presets/gpus/*.yaml)', () => {
  it('there is one file per required accelerator', () => {
    expect(files.length).toBeGreaterThanOrEqual(REQUIRED.length);
    const stems = files.map(fileStem);
    for (const id of REQUIRED) expect(stems, id).toContain(id);
  });

  it('every release date has its source (the presets that give one)', () => {
    const dated = gpus.filter((gpu) => gpu.releaseDate !== undefined);
    expect(dated.map((gpu) => gpu.id).sort()).toEqual(DATED);
    for (const gpu of dated) expect(gpu.releaseDateSource?.trim().length ?? 0, gpu.id).toBeGreaterThan(3);
  });

  describe.each(presets.map((p) => [fileStem(p.file), p] as const))('%s', (stem, { file, gpu }) => {
    it('parses with the schema; its id is the file name', () => {
      expect(gpu.id).toBe(stem);
    });

    it('begins with the yaml-language-server $schema line', () => {
      expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+gpu\.schema\.json$/);
    });

    it('has a BF16 or FP16 dense peak, memory and a spec source', () => {
      const peak = gpu.peakTflops.bf16 ?? gpu.peakTflops.fp16;
      expect(peak).toBeGreaterThan(0);
      expect(gpu.memoryGB).toBeGreaterThan(0);
      expect(gpu.specSource.length).toBeGreaterThan(3);
    });

    it('every price has a date and a source; exactly one default when prices exist', () => {
      for (const p of gpu.prices) {
        expect(p.date, p.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        expect(p.source.trim().length, p.id).toBeGreaterThan(3);
        expect(p.usdPerHour, p.id).toBeGreaterThan(0);
      }
      if (gpu.prices.length > 0) expect(gpu.prices.filter((p) => p.default)).toHaveLength(1);
      expect(new Set(gpu.prices.map((p) => p.id)).size).toBe(gpu.prices.length);
    });

    it('ids and aliases are lowercase', () => {
      for (const name of [gpu.id, ...gpu.aliases]) expect(name).toBe(name.toLowerCase());
    });
  });

  it('a release date without its source is refused with the field named', () => {
    const h100 = presets.find((p) => p.gpu.id === 'h100')!.gpu;
    const { releaseDateSource: _dropped, ...withoutSource } = h100;
    const r = gpuSchema.safeParse(withoutSource);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['releaseDateSource', 'is required with releaseDate']);
  });

  it('aliases are unique across files and never shadow an id', () => {
    const ids = new Set(gpus.map((g) => g.id));
    const seen = new Map<string, string>();
    for (const g of gpus) {
      for (const a of g.aliases) {
        expect(ids.has(a), `alias "${a}" of ${g.id} is also an id`).toBe(false);
        expect(seen.get(a), `alias "${a}" of ${g.id} also belongs to ${seen.get(a)}`).toBeUndefined();
        seen.set(a, g.id);
      }
    }
  });

  it('h800 defaults to the $2.00 DeepSeek assumption (DeepSeek-V3 report)', () => {
    const h800 = findGpu(gpus, 'h800');
    const def = h800.prices.find((p) => p.default)!;
    expect(def.usdPerHour).toBe(2);
    expect(def.kind).toBe('assumption');
    expect(def.source).toContain('DeepSeek-V3 Technical Report');
    expect(h800.peakTflops.bf16).toBe(989);
  });

  it('v100 has FP16 but no BF16', () => {
    const v100 = findGpu(gpus, 'v100');
    expect(v100.peakTflops.bf16).toBeUndefined();
    expect(v100.peakTflops.fp16).toBeGreaterThan(0);
  });

  it('loadGpus of the bundled folder gives the same presets', () => {
    const loaded = loadGpus([bundledPresetsDir()]);
    expect(loaded.map((g) => g.id).sort()).toEqual(gpus.map((g) => g.id).sort());
  });
});

describe('findGpu', () => {
  it('finds by id', () => {
    expect(findGpu(gpus, 'h100').id).toBe('h100');
  });

  it('finds by alias: h100-sxm is h100, a100-80gb is a100', () => {
    expect(findGpu(gpus, 'h100-sxm').id).toBe('h100');
    expect(findGpu(gpus, 'a100-80gb').id).toBe('a100');
  });

  it('is case-insensitive and ignores surrounding spaces', () => {
    expect(findGpu(gpus, 'H800').id).toBe('h800');
    expect(findGpu(gpus, ' H100-SXM ').id).toBe('h100');
  });

  it('an unknown name gets a did-you-mean and the known ids', () => {
    const message = inputError(() => findGpu(gpus, 'h80'));
    expect(message).toContain('unknown gpu "h80"');
    expect(message).toContain('did you mean "h800"?');
    expect(message).toContain('mi300x');
  });

  it('a typo of an alias suggests the canonical id', () => {
    const message = inputError(() => findGpu(gpus, 'h100-sxn'));
    expect(message).toContain('did you mean "h100"?');
  });

  it('a name far from every id gets no suggestion', () => {
    const message = inputError(() => findGpu(gpus, 'potato-9000'));
    expect(message).not.toContain('did you mean');
    expect(message).toContain('h800');
  });
});

describe('choosePrice', () => {
  const h800 = findGpu(gpus, 'h800');

  it('the default price of h800', () => {
    expect(choosePrice(h800, { date: '2026-11-30' })).toMatchObject({ usdPerGpuHour: 2, id: 'deepseek-assumption', kind: 'assumption', date: '2024-12-27' });
    expect(choosePrice(h800, { date: '2026-11-30', priceSource: 'default' }).usdPerGpuHour).toBe(2);
  });

  it('an explicit price wins over a price source', () => {
    const p = choosePrice(h800, { date: '2026-11-30', price: 2.5, priceSource: 'marketplace' });
    expect(p).toMatchObject({ usdPerGpuHour: 2.5, id: null, date: null });
    expect(p.source).toContain('--price');
  });

  it('by kind: marketplace for h800 is the CR8DL listing at $3.42', () => {
    expect(choosePrice(h800, { date: '2026-11-30', priceSource: 'marketplace' })).toMatchObject({ usdPerGpuHour: 3.42, id: 'cr8dl', kind: 'marketplace' });
    expect(choosePrice(h800, { date: '2026-11-30', priceSource: 'MARKETPLACE' }).id).toBe('cr8dl');
  });

  it('by kind, the most recent price of that kind', () => {
    const h100 = findGpu(gpus, 'h100');
    const market = h100.prices.filter((p) => p.kind === 'marketplace');
    expect(market.length).toBeGreaterThan(1);
    const newest = [...market].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    expect(choosePrice(h100, { date: '2026-11-30', priceSource: 'marketplace' }).date).toBe(newest.date);
  });

  it('by price id', () => {
    expect(choosePrice(h800, { date: '2026-11-30', priceSource: 'cr8dl' }).usdPerGpuHour).toBe(3.42);
  });

  it('a kind the gpu has no price of lists the kinds it has', () => {
    const message = inputError(() => choosePrice(h800, { date: '2026-11-30', priceSource: 'committed-3y' }));
    expect(message).toContain('committed');
    expect(message).toContain('marketplace');
  });

  it('an unknown source lists the kinds and the price ids', () => {
    const message = inputError(() => choosePrice(h800, { date: '2026-11-30', priceSource: 'bogus' }));
    expect(message).toContain('"bogus"');
    expect(message).toContain('deepseek-assumption');
    expect(message).toContain('marketplace');
  });

  it('a gpu without prices asks for --price, and accepts one', () => {
    const h20 = findGpu(gpus, 'h20');
    expect(h20.prices).toHaveLength(0);
    expect(inputError(() => choosePrice(h20, { date: '2026-11-30' }))).toContain('--price');
    expect(choosePrice(h20, { date: '2026-11-30', price: 1.5 }).usdPerGpuHour).toBe(1.5);
  });
});

describe('regions.yaml', () => {
  it('an electricity price series without its source is refused with the field named', () => {
    const regions = parse(readFileSync('presets/regions.yaml', 'utf8')) as { regions: Record<string, Record<string, unknown>> };
    expect(regionsSchema.safeParse(regions).success).toBe(true);
    delete regions.regions.us!.electricityByYearSource;
    const r = regionsSchema.safeParse(regions);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'regions.us.electricityByYearSource',
      'is required with electricityUsdPerKwhByYear',
    ]);
  });
});
