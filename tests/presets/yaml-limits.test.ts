// What user YAML may ask of the loader (issue 11): aliases resolve to an earlier anchor and
// expand a bounded number of times, nesting is shallow, keys cannot reach a prototype, warnings
// are errors, and a file of another kind is named as such. Called directly, without the CLI.
import { describe, expect, it } from 'vitest';
import { bundledPresetsDir, parseYaml, parseYamlData } from '../../src/presets/load.js';
import { findRegion, loadRegions } from '../../src/presets/regions.js';
import { notARun, parseRunText } from '../../src/presets/runs.js';
import { runSchema } from '../../src/presets/schema.js';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../../src/presets/yaml-limits.js';
import { inputError } from '../helpers/errors.js';


const RUN = 'name: x\nphases:\n  - name: p\n    gpu: h100\n    gpuHours: 10\n';

describe('aliases', () => {
  it('a missing anchor names its line', () => {
    expect(inputError(() => parseRunText(`${RUN}reported: {source: *nothing}\n`, 'r.yaml'))).toBe(
      'r.yaml:6: invalid YAML: alias *nothing has no anchor &nothing before it',
    );
  });

  it('an anchor defined after its alias is missing too', () => {
    expect(inputError(() => parseYamlData('a: *x\nb: &x 1\n', 'f.yaml'))).toBe('f.yaml:1: invalid YAML: alias *x has no anchor &x before it');
  });

  it(`up to ${MAX_YAML_ALIASES} expansions pass; one more is refused`, () => {
    const doc = (n: number) => `a: &a 1\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    expect((parseYamlData(doc(MAX_YAML_ALIASES)) as { b: number[] }).b).toHaveLength(MAX_YAML_ALIASES);
    expect(inputError(() => parseYamlData(doc(MAX_YAML_ALIASES + 1), 'f.yaml'))).toBe(
      'f.yaml:2: invalid YAML: too many aliases (more than 100 once expanded); train-cost reads YAML with at most 100 aliases and 64 levels of nesting',
    );
  });

  it('nested aliases count each time they are expanded (a small bomb is caught)', () => {
    // 4 aliases of b, each holding 5 of a: 4 x (1 + 5) + 5 = 29 expansions... then c of 4 x b.
    const text = 'a: &a [1]\nb: &b [*a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n';
    expect(inputError(() => parseYamlData(text, 'f.yaml'))).toMatch(/^f\.yaml:4: invalid YAML: too many aliases/);
  });

  it('an alias inside its own anchor is refused', () => {
    expect(inputError(() => parseYamlData('a: &a [1, *a]\n', 'f.yaml'))).toBe('f.yaml:1: invalid YAML: alias *a is inside the node it refers to');
  });
});

describe('nesting', () => {
  const nested = (n: number) => `${'['.repeat(n - 1)}1${']'.repeat(n - 1)}\n`;

  it(`${MAX_YAML_DEPTH} levels pass, one more is refused`, () => {
    expect(JSON.stringify(parseYamlData(nested(MAX_YAML_DEPTH)))).toBe(`${'['.repeat(63)}1${']'.repeat(63)}`);
    expect(inputError(() => parseYamlData(nested(MAX_YAML_DEPTH + 1), 'f.yaml'))).toBe(
      'f.yaml:1: invalid YAML: nesting is deeper than 64 levels; train-cost reads YAML with at most 100 aliases and 64 levels of nesting',
    );
  });

  it('aliases that nest an anchor past the limit are refused', () => {
    const text = `a: &a ${nested(40).trim()}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`;
    expect(inputError(() => parseYamlData(text, 'f.yaml'))).toMatch(/^f\.yaml:2: invalid YAML: nesting is deeper than 64 levels once aliases are expanded/);
  });

  it('nesting deep enough to overflow the parser is one InputError', () => {
    expect(inputError(() => parseYamlData(nested(50_000), 'f.yaml'))).toBe(
      'f.yaml:1: invalid YAML: nesting is too deep; train-cost reads YAML with at most 100 aliases and 64 levels of nesting',
    );
  });
});

describe('keys and prototypes', () => {
  it('a __proto__ key is refused anywhere, and nothing is polluted', () => {
    expect(inputError(() => parseYamlData('a:\n  __proto__: {polluted: 1}\n', 'f.yaml'))).toBe(
      'f.yaml:2: invalid YAML: the key "__proto__" is not allowed',
    );
    expect(inputError(() => parseYamlData('{"__proto__": {"polluted": 1}}', 'f.yaml'))).toContain('"__proto__" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a key that is a list, a mapping or an alias is refused (it would be stringified)', () => {
    expect(inputError(() => parseYamlData('? [a, b]\n: 1\n', 'f.yaml'))).toBe('f.yaml:1: invalid YAML: a key must be plain text, not a list, a mapping or an alias');
    expect(inputError(() => parseYamlData('a: &k x\n*k : 1\n', 'f.yaml'))).toContain('a key must be plain text');
  });

  it('constructor and toString are keys like any other (zod refuses them where unknown)', () => {
    expect(inputError(() => parseYaml(`${RUN}constructor: 1\n`, 'r.yaml', runSchema))).toBe('r.yaml:6: (top level): unknown key "constructor"');
  });

  it('regions resolve only against the file\'s own entries', () => {
    const regions = loadRegions([bundledPresetsDir()]);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(inputError(() => findRegion(regions, name))).toMatch(new RegExp(`^unknown region "${name}"`));
    expect(findRegion(regions, 'US').id).toBe('us');
  });
});

describe('warnings and other kinds of file', () => {
  it('an unresolved tag is an error, and nothing is written to stderr', () => {
    const warnings: unknown[] = [];
    const listener = (w: unknown) => warnings.push(w);
    process.on('warning', listener);
    try {
      expect(inputError(() => parseYamlData('a: !!int "abc"\n', 'f.yaml'))).toBe('f.yaml:1: invalid YAML: Unresolved tag: tag:yaml.org,2002:int');
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });

  it.each([
    [{ default: 'us', regions: {} }, 'not a run file: it looks like a regions preset (regions.yaml)'],
    [{ id: 'x', peakTflops: { bf16: 1 } }, 'not a run file: it looks like a gpu preset (gpus/*.yaml)'],
    [{ source: 'abc', model: { version: 1, refParams: 1 } }, 'not a run file: it looks like the MFU model (mfu-model.yaml)'],
    [[1, 2], 'not a run file: it holds a list'],
    ['text', 'not a run file: it holds a single value'],
    [{ foo: 1 }, 'not a run file: it has neither "name" nor "phases"'],
  ])('%j is no run', (data, start) => {
    expect(notARun(data)).toMatch(new RegExp(`^${start.replace(/[()*.]/g, '\\$&')}; a run file is a YAML mapping with a name and phases`));
  });

  it('a run, even a broken one, is left to the schema', () => {
    expect(notARun({ name: 'x' })).toBeNull();
    expect(notARun({ phases: [] })).toBeNull();
    expect(notARun(null)).toBeNull();
  });
});
