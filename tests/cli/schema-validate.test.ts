// `train-cost schema <kind>` prints JSON Schemas (the ones presets/*.yaml point editors to), and
// `train-cost validate <file...>` checks preset and run files, exiting 2 at the first bad one
// with the file, the line and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectInputError, inputErrorLine, REPO_ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const { write } = tempFolder('validate');

describe('train-cost schema', () => {
  it.each(['gpu', 'run', 'regions', 'output'])('schema %s prints a JSON Schema with properties', async (kind) => {
    const r = await cli(['schema', kind]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
  });

  it('the schemas describe what they are for', async () => {
    const props = async (kind: string) => Object.keys(JSON.parse((await cli(['schema', kind])).stdout).properties);
    expect(await props('gpu')).toEqual(expect.arrayContaining(['id', 'name', 'memoryGB', 'peakTflops', 'prices']));
    expect(await props('run')).toEqual(expect.arrayContaining(['name', 'gpu', 'phases', 'reported']));
    expect(await props('regions')).toEqual(expect.arrayContaining(['default', 'regions']));
    expect(await props('output')).toEqual(expect.arrayContaining(['schemaVersion', 'runs']));
  });

  it('presets refuse unknown keys, so the schemas do too', async () => {
    for (const kind of ['gpu', 'run', 'regions'])
      expect(JSON.parse((await cli(['schema', kind])).stdout).additionalProperties, kind).toBe(false);
  });

  it.each(['gpu', 'run', 'regions', 'output'])('schemas/%s.schema.json (what the preset files point editors to) matches', async (kind) => {
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', `${kind}.schema.json`), 'utf8'));
    expect(JSON.parse((await cli(['schema', kind])).stdout)).toEqual(shipped);
  });

  it('an unknown kind exits 2 listing the kinds', async () => {
    const line = await expectInputError(['schema', 'bogus']);
    expect(line).toContain('"bogus"');
    for (const kind of ['gpu', 'run', 'regions', 'output']) expect(line).toContain(kind);
  });
});

describe('train-cost validate', () => {
  const files = [
    ...readdirSync(join(REPO_ROOT, 'presets', 'gpus')).map((f) => `presets/gpus/${f}`),
    ...readdirSync(join(REPO_ROOT, 'presets', 'runs')).map((f) => `presets/runs/${f}`),
    'presets/regions.yaml',
  ].filter((f) => f.endsWith('.yaml'));

  it('the bundled presets are valid: exit 0, one "ok" line per file', async () => {
    const r = await cli(['validate', ...files]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    files.forEach((f, i) => {
      expect(lines[i]).toMatch(/^ok /);
      expect(lines[i]).toContain(f);
    });
    expect(lines.find((l) => l.includes('h800.yaml'))).toContain('(gpu)');
    expect(lines.find((l) => l.includes('deepseek-r1.yaml'))).toContain('(run)');
    expect(lines.find((l) => l.includes('regions.yaml'))).toContain('(regions)');
  });

  it('a run file with a bad value exits 2 naming the file, the line and the field', async () => {
    const file = write(
      'runs/negative-chips.yaml',
      ['name: bad', 'gpu: h800', 'phases:', '  - name: a', '    chips: -8', '    hours: 10', ''].join('\n'),
    );
    const line = await expectInputError(['validate', file]);
    expect(line).toContain(`${file}:5: `);
    expect(line).toContain('phases.0.chips');
  });

  it('a gpu file with a bad value exits 2 naming the file, the line and the field', async () => {
    const good = readFileSync(join(REPO_ROOT, 'presets', 'gpus', 'h800.yaml'), 'utf8');
    const text = good.replace(/^memoryGB: 80$/m, 'memoryGB: -80');
    expect(text).not.toBe(good);
    const line = text.split('\n').findIndex((l) => l.startsWith('memoryGB:')) + 1;
    const file = write('gpus/h800.yaml', text);
    const err = await expectInputError(['validate', file]);
    expect(err).toContain(`${file}:${line}: `);
    expect(err).toContain('memoryGB');
  });

  it('a misspelt key in a run file is an error, not silently dropped', async () => {
    const file = write(
      'runs/typo.yaml',
      ['name: bad', 'gpu: h800', 'phases:', '  - name: a', '    chips: 8', '    hourz: 10', ''].join('\n'),
    );
    const line = await expectInputError(['validate', file]);
    // At the typo's own line.
    expect(line).toMatch(/typo\.yaml:6: /);
    expect(line).toContain('hourz');
  });

  it('stops at the first bad file, after reporting the good ones before it', async () => {
    const good = write(
      'runs/good.yaml',
      ['name: good', 'gpu: h800', 'phases:', '  - name: a', '    chips: 8', '    hours: 10', ''].join('\n'),
    );
    const bad = write(
      'runs/bad.yaml',
      ['name: bad', 'gpu: h800', 'phases:', '  - name: a', '    chips: 0', '    hours: 10', ''].join('\n'),
    );
    const r = await cli(['validate', good, bad, 'presets/regions.yaml']);
    const line = inputErrorLine(r);
    expect(r.stdout.trimEnd().split('\n')).toEqual([`ok ${good} (run)`]);
    expect(line).toContain('bad.yaml:5: ');
  });

  it('invalid YAML exits 2 with its line', async () => {
    const file = write('runs/broken.yaml', ['name: broken', 'gpu: h800', 'phases:', '  - name: a', '    chips: [8', ''].join('\n'));
    const line = await expectInputError(['validate', file]);
    expect(line).toMatch(/broken\.yaml:\d+: /);
    expect(line).toContain('YAML');
  });
});
