// --out FILE: the result written whole to a file (a temporary file beside it, then a rename), the
// format from the extension unless --format, a folder refused, an unwritable path exit 2 in one line.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputSchema } from '../../src/output/contract.js';
import { cli, badInputLine } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];
const tmp = tempFolder('out');
/** A fresh empty folder (inside the file's temporary folder, removed after its tests). */
const fresh = () => mkdtempSync(join(tmp.dir, 'case-'));

describe('--out FILE', () => {
  it.each([
    ['plan.json', (t: string) => expect(outputSchema.parse(JSON.parse(t)).runs[0]!.rental.usd).toBe(81_920)],
    ['plan.csv', (t: string) => expect(t.split('\n')[1]).toMatch(/^"512 x h800, 80 h",,h800,512,80,40960,2,81920,/)],
    ['plan.md', (t: string) => expect(t).toMatch(/^\| Run \|/)],
    ['plan.ndjson', (t: string) => expect(JSON.parse(t.trim()).gpuHours).toBe(40_960)],
    ['plan.txt', (t: string) => expect(t).toMatch(/^┌/)],
  ])('%s: the format from the extension, nothing on stdout', async (name, check) => {
    const dir = fresh();
    const r = await cli([...SEED, '--out', join(dir, name)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    check(readFileSync(join(dir, name), 'utf8'));
    expect(readdirSync(dir)).toEqual([name]); // no temporary file left behind
  });

  it('the file holds exactly what stdout would', async () => {
    const dir = fresh();
    const file = join(dir, 'x.json');
    await cli([...SEED, '--out', file]);
    expect(readFileSync(file, 'utf8')).toBe((await cli([...SEED, '--format', 'json'])).stdout);
  });

  it('--format wins over the extension', async () => {
    const file = join(fresh(), 'plan.txt');
    await cli([...SEED, '--format', 'csv', '--out', file]);
    expect(readFileSync(file, 'utf8')).toMatch(/^run,phase,gpu,/);
  });

  it('replaces an existing file whole; a failed command leaves it as it was', async () => {
    const file = join(fresh(), 'plan.json');
    writeFileSync(file, 'old');
    const bad = await cli(['--chips', '512', '--gpu', 'h80', '--hours', '80', '--out', file]);
    expect(bad.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect((await cli([...SEED, '--out', file])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(1);
  });

  it('a failed gate still writes the output, with its check, and exits 1', async () => {
    const file = join(fresh(), 'plan.json');
    const r = await cli([...SEED, '--max-cost', '50000', '--out', file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).checks[0].passed).toBe(false);
  });

  it('refuses a folder: exit 2, one line', async () => {
    const dir = fresh();
    const r = await cli([...SEED, '--out', dir]);
    expect(r.code).toBe(2);
    expect(badInputLine(r)).toBe(`train-cost: --out ${dir} is a folder; give a file name, e.g. --out ${join(dir, 'estimate.json')}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a path that cannot be written: exit 2, one line naming it', async () => {
    const dir = fresh();
    const missing = await cli([...SEED, '--out', join(dir, 'no', 'such', 'plan.json')]);
    expect(missing.code).toBe(2);
    expect(badInputLine(missing)).toMatch(/^train-cost: --out .*no\/such\/plan\.json: cannot write the file \(no folder .*, ENOENT\)$/);
    writeFileSync(join(dir, 'file'), '');
    const underFile = await cli([...SEED, '--out', join(dir, 'file', 'plan.json')]);
    expect(underFile.code).toBe(2);
    expect(badInputLine(underFile)).toMatch(/cannot write the file \(.*ENOTDIR\)$/);
  });

  it('gpus, runs, budget, backtest and schema take --out too', async () => {
    const dir = fresh();
    for (const [args, name] of [
      [['gpus'], 'gpus.csv'],
      [['runs'], 'runs.json'],
      [['budget', '1e6', '--gpu', 'h100'], 'budget.md'],
      [['backtest'], 'backtest.ndjson'],
      [['schema', 'output'], 'output.schema.json'],
    ] as const) {
      const r = await cli([...args, '--out', join(dir, name)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(join(dir, 'gpus.csv'), 'utf8')).toMatch(/^id,name,/);
    expect(JSON.parse(readFileSync(join(dir, 'runs.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(join(dir, 'budget.md'), 'utf8')).toMatch(/^\| /);
    expect(JSON.parse(readFileSync(join(dir, 'output.schema.json'), 'utf8')).type).toBe('object');
    mkdirSync(join(dir, 'sub'));
    expect(readdirSync(dir).sort()).toEqual(['backtest.ndjson', 'budget.md', 'gpus.csv', 'output.schema.json', 'runs.json', 'sub']);
  });
});
