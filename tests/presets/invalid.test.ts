// Invalid preset files fail at load with `file.yaml:LINE: field.path: problem`, as an InputError
// (exit 2 through the CLI), never silently: unknown keys, duplicate keys, missing sources and
// dates, two defaults, negative peaks, bad YAML and wrong types.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadGpus } from '../../src/presets/gpus.js';
import { bundledPresetsDir, fileStem, readPresetFile, yamlFilesIn } from '../../src/presets/load.js';
import { gpuSchema } from '../../src/presets/schema.js';
import { cli, REPO_ROOT } from '../helpers/cli.js';

const DIR = join(REPO_ROOT, 'tests', 'fixtures', 'invalid-gpus');

interface Case {
  /** Line of the offending key or value. */
  line: number;
  /** Field path (or YAML problem) the message must name. */
  field: string;
  /** More text the message must contain. */
  says: string[];
}

const CASES: Record<string, Case> = {
  'unknown-key': { line: 8, field: 'memroyBandwidthTBps', says: ['unknown key'] },
  'unknown-key-nested': { line: 17, field: 'prices.0', says: ['unknown key', 'defualt'] },
  'duplicate-key': { line: 11, field: 'invalid YAML', says: ['unique'] },
  'missing-source': { line: 13, field: 'prices.0.source', says: ['required'] },
  'price-no-date': { line: 19, field: 'prices.1.date', says: ['required'] },
  'two-defaults': { line: 13, field: 'prices', says: ['exactly one', 'default'] },
  'negative-tflops': { line: 10, field: 'peakTflops.fp8', says: ['0'] },
  'bad-syntax': { line: 4, field: 'invalid YAML', says: [] },
  'wrong-type': { line: 7, field: 'memoryGB', says: ['number'] },
};

function loadError(file: string): InputError {
  try {
    readPresetFile(file, gpuSchema);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('invalid gpu presets (tests/fixtures/invalid-gpus)', () => {
  it('every fixture in the folder has a case here (none is silently skipped)', async () => {
    expect(yamlFilesIn(DIR).map(fileStem).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s.yaml fails naming the file, the line and the field', async (stem, c) => {
    const e = loadError(join(DIR, `${stem}.yaml`));
    const msg = e.message;
    // One line: it is printed as is after "train-cost: ".
    expect(msg).not.toContain('\n');
    const m = new RegExp(`(?:^|/)${stem}\\.yaml:(\\d+): `).exec(msg);
    expect(m, msg).not.toBeNull();
    if (c.line > 0) expect(Number(m![1]), msg).toBe(c.line);
    expect(msg).toContain(c.field);
    for (const s of c.says) expect(msg).toContain(s);
    expect(e.exitCode).toBe(2);
  });

  // A misspelt key is reported at its own line, not at its parent's.
  it('an unknown top-level key is reported at its own line', async () => {
    const msg = loadError(join(DIR, 'unknown-key.yaml')).message;
    expect(msg).toMatch(/unknown-key\.yaml:8: /);
  });

  // A value of the wrong type is named as such, with the value, not reported as missing.
  it('a value of the wrong type is not reported as missing', async () => {
    const msg = loadError(join(DIR, 'wrong-type.yaml')).message;
    expect(msg).not.toContain('is required');
    expect(msg).toContain('eighty');
  });

  it('loadGpus fails on the first bad file of a preset folder', async () => {
    expect(() => loadGpus([bundledPresetsDir(), join(REPO_ROOT, 'tests', 'fixtures', 'bad-presets')])).toThrow(
      /bad-gpu\.yaml:\d+: prices\.0\.date/,
    );
  });
});

describe('user presets through the CLI (--presets, TRAIN_COST_PRESETS)', () => {
  const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];

  it('a folder with a bad gpu file: exit 2, one line naming the file, line and field', async () => {
    const r = await cli([...SEED, '--presets', 'tests/fixtures/bad-presets']);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('    at ');
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^train-cost: tests\/fixtures\/bad-presets\/gpus\/bad-gpu\.yaml:12: prices\.0\.date: /);
  });

  it('train-cost gpus with the bad folder fails the same way', async () => {
    const r = await cli(['gpus', '--presets', 'tests/fixtures/bad-presets']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad-gpu.yaml:12: prices.0.date');
  });

  it('a user h800 preset overrides the bundled one by id ($1.50 instead of $2.00)', async () => {
    const r = await cli([...SEED, '--presets', 'tests/fixtures/user-presets', '--format', 'json', '--max-price-age', 'none']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.gpu.name).toContain('user preset');
    expect(run.rental).toMatchObject({ usdPerGpuHour: 1.5, usd: 61440, priceId: 'test-fixture-price', priceSource: 'test fixture' });
    expect(run.gpuHours).toBe(40960);
  });

  it('TRAIN_COST_PRESETS does the same', async () => {
    const r = await cli([...SEED, '--format', 'json', '--max-price-age', 'none'], { env: { TRAIN_COST_PRESETS: 'tests/fixtures/user-presets' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].rental.usdPerGpuHour).toBe(1.5);
  });

  it('the table names the user price and its source', async () => {
    const r = await cli([...SEED, '--presets', 'tests/fixtures/user-presets', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$61,440');
    expect(r.stdout).toContain('test fixture');
    expect(r.stdout).not.toContain('DeepSeek-V3 Technical Report');
  });

  it('gpus lists the overriding preset once, with its price', async () => {
    const r = await cli(['gpus', '--presets', 'tests/fixtures/user-presets', '--format', 'json']);
    expect(r.code).toBe(0);
    const h800s = JSON.parse(r.stdout).gpus.filter((g: any) => g.id === 'h800');
    expect(h800s).toHaveLength(1);
    expect(h800s[0].usdPerGpuHour).toBe(1.5);
  });

  it('the user preset is itself a valid preset file', async () => {
    const g = readPresetFile(join(REPO_ROOT, 'tests', 'fixtures', 'user-presets', 'gpus', 'h800.yaml'), gpuSchema);
    expect(g.id).toBe('h800');
    expect(g.prices.filter((p) => p.default)).toHaveLength(1);
  });
});
