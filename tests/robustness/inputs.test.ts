// Issue 11, items 1 and 2: hostile or broken input files, preset folders and flag values end as
// exit 2 with one line (never exit 70, a hang, a flood of stderr or a YAMLWarning), and every
// read is bounded. Each case was a reproducer from the fuzz run; it failed before the fix.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badInputLine, cli, REPO_ROOT, expectInputError } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const { dir: TMP, write: file } = tempFolder('robust');

const RUN_TAIL = 'phases:\n  - name: pretrain\n    gpu: h100\n    gpuHours: 1000\n';

describe('YAML that used to crash (exit 70)', () => {
  it('an alias whose anchor is missing names the file, the line and the alias', async () => {
    const f = file('missing-anchor.yaml', `name: x\n${RUN_TAIL}reported:\n  source: *nothing\n`);
    const line = await expectInputError([f]);
    expect(line).toBe(`train-cost: ${f}:7: invalid YAML: alias *nothing has no anchor &nothing before it`);
  });

  it('an alias bomb is refused with the limits stated', async () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, cur] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
    ])
      rows.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const f = file('bomb.yaml', `${rows.join('\n')}\n`);
    const r = await cli([f]);
    const line = badInputLine(r);
    expect(line).toContain(`${f}:4: invalid YAML: too many aliases`);
    expect(line).toContain('at most 100 aliases and 64 levels of nesting');
  });

  it('an anchor used a few times still works', async () => {
    const f = file('anchors.yaml', `name: anchored\nchips: 8\nphases:\n  - &p {name: a, gpu: h100, hours: 10}\n  - *p\n  - *p\n`);
    const r = await cli([f, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].phases).toHaveLength(3);
  });

  it('an alias inside the node it names is refused, not expanded', async () => {
    const f = file('circular.yaml', `name: x\n${RUN_TAIL}reported: &r {source: abc, notes: *r}\n`);
    expect(await expectInputError([f])).toBe(`train-cost: ${f}:6: invalid YAML: alias *r is inside the node it refers to`);
  });

  it('nesting deeper than the limit is refused, flow or block, however deep', async () => {
    const block = file('deep-block.yaml', Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k:\n`).join(''));
    expect(await expectInputError([block])).toBe(
      `train-cost: ${block}:65: invalid YAML: nesting is deeper than 64 levels; train-cost reads YAML with at most 100 aliases and 64 levels of nesting`,
    );
    const flow = file('deep-flow.yaml', `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(await expectInputError([flow])).toContain(
      'invalid YAML: nesting is too deep; train-cost reads YAML with at most 100 aliases and 64 levels of nesting',
    );
  });

  it('an unresolved tag is one error line, with no YAMLWarning beside it (run file, stdin and validate)', async () => {
    const f = file('tag.yaml', `name: !!int "abc"\n${RUN_TAIL}`);
    const expected = `train-cost: ${f}:1: invalid YAML: Unresolved tag: tag:yaml.org,2002:int`;
    expect(await expectInputError([f])).toBe(expected);
    expect(await expectInputError(['validate', f])).toBe(expected);
    expect(await expectInputError(['-'], { input: `name: !!int "abc"\n${RUN_TAIL}` })).toBe(
      'train-cost: <stdin>:1: invalid YAML: Unresolved tag: tag:yaml.org,2002:int',
    );
  });
});

describe('files and folders of the wrong kind', () => {
  it('a directory given as a run file', async () => {
    const dir = join(TMP, 'a-folder.yaml');
    mkdirSync(dir);
    expect(await expectInputError([dir])).toBe(`train-cost: run file ${dir} is a folder, not a file`);
  });

  it('presets/regions.yaml (or a gpu preset, or a list) given as a run file says it is not a run file', async () => {
    const expected = 'a run file is a YAML mapping with a name and phases (train-cost schema run)';
    expect(await expectInputError(['presets/regions.yaml'])).toBe(
      `train-cost: presets/regions.yaml: not a run file: it looks like a regions preset (regions.yaml); ${expected}`,
    );
    expect(await expectInputError([join(REPO_ROOT, 'presets', 'gpus', 'h100.yaml')])).toContain(
      'not a run file: it looks like a gpu preset',
    );
    expect(await expectInputError([file('list.yaml', '- 1\n- 2\n')])).toContain('not a run file: it holds a list');
  });

  it('a preset folder whose gpus or runs is a file (ENOTDIR), by --presets or TRAIN_COST_PRESETS', async () => {
    for (const sub of ['gpus', 'runs']) {
      const dir = join(TMP, `notdir-${sub}`);
      mkdirSync(dir);
      writeFileSync(join(dir, sub), 'not a folder\n');
      const args = sub === 'gpus' ? ['gpus'] : ['runs'];
      const message = `train-cost: ${join(dir, sub)} is a file, not a folder: a preset folder's gpus/ and runs/ hold *.yaml files`;
      expect(await expectInputError([...args, '--presets', dir])).toBe(message);
      expect(await expectInputError(args, { env: { TRAIN_COST_PRESETS: dir } })).toBe(message);
    }
  });

  it('a missing run file or backtest file', async () => {
    expect(await expectInputError([join(TMP, 'nope.yaml')])).toBe(`train-cost: run file ${join(TMP, 'nope.yaml')} not found`);
    expect(await expectInputError(['backtest', join(TMP, 'nope.csv')])).toBe(`train-cost: backtest CSV ${join(TMP, 'nope.csv')} not found`);
  });
});

describe('input limits', () => {
  it.each([
    ['/dev/zero', 'run', []],
    ['/dev/urandom', 'run', []],
    ['/dev/zero', 'backtest', ['backtest']],
    ['/dev/urandom', 'backtest', ['backtest']],
  ])('%s as a %s file ends at once with the size limit', async (device, kind, before) => {
    const started = Date.now();
    const line = await expectInputError([...before, device]);
    expect(line).toBe(`train-cost: ${kind} file ${device} is larger than 128 KiB, the limit for a YAML file`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a YAML file over 128 KiB is refused before it is read', async () => {
    const f = file('huge.yaml', Buffer.alloc(128 * 1024 + 1, 0x20));
    expect(await expectInputError([f])).toBe(`train-cost: run file ${f} is larger than 128 KiB, the limit for a YAML file`);
  });

  it('a backtest CSV over 4 MiB is refused before it is read; one under it with over 10,000 runs is refused by count', async () => {
    const huge = file('huge.csv', Buffer.alloc(4 * 1024 * 1024 + 1, 0x20));
    expect(await expectInputError(['backtest', huge])).toBe(
      `train-cost: backtest CSV ${huge} is larger than 4 MiB, the limit for any input file`,
    );
    const rows = Array.from({ length: 10_001 }, (_, i) => `r${i},h100,7B,1T,1000`);
    const many = file('many.csv', `name,gpu,params,tokens,gpu_hours\n${rows.join('\n')}\n`);
    expect(await expectInputError(['backtest', many])).toBe(`train-cost: ${many}: 10,001 runs; a backtest file holds at most 10,000`);
  });

  it('a published-runs CSV with a 1 MB hardware cell ends quickly (it was searched word by word, quadratically)', async () => {
    const f = file('hardware.csv', `name,params_total,training_tokens,hardware,gpu_hours\nx,7B,1T,${'a '.repeat(400_000)},1000\n`);
    const started = Date.now();
    expect(await expectInputError(['backtest', f])).toBe(
      `train-cost: ${f}: no row has parameters, tokens, GPU-hours and a known accelerator (1 skipped)`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a list of 30,000 values is refused with the cap', async () => {
    const line = await expectInputError(['--gpu', 'h100', '--hours', '1', '--chips', Array(30_000).fill('8').join(',')]);
    expect(line).toBe(
      'train-cost: --chips lists 30,000 values; one flag takes at most 1,000 comma-separated values (for more, give a range such as 256..4096:x2)',
    );
  });

  it('ranges that together expand past 100,000 values are refused', async () => {
    expect(await expectInputError(['--gpu', 'h100', '--hours', '1', '--chips', '1..100000,1..100000'])).toBe(
      'train-cost: --chips expands to more than 100,000 values, the most one flag takes',
    );
  });

  it('a 100,000-digit number is refused quickly (no quadratic pattern)', async () => {
    const started = Date.now();
    const line = await expectInputError(['--gpu', 'h100', '--hours', '1', '--chips', `${'1'.repeat(100_000)}x`]);
    expect(line).toMatch(/^train-cost: invalid --chips "1{60}"…: expected a number/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('messages quote a short excerpt of the input', () => {
  // YAML files stop at 128 KiB, so values of 100 KB; a CSV may hold 2 MB in one cell.
  const big = (ch: string) => ch.repeat(100_000);

  it('a file of NUL bytes gives a short line (2 MB: over the limit; 100 KB: read and refused)', async () => {
    expect((await expectInputError([file('nul.yaml', Buffer.alloc(2_000_000, 0))])).length).toBeLessThan(300);
    expect((await expectInputError([file('nul-small.yaml', Buffer.alloc(100_000, 0))])).length).toBeLessThan(300);
  });

  it.each([
    ['a value', `name: x\nphases: [{name: p, gpuHours: "${big('a')}"}]\n`, /got "a{60}"…$/],
    ['a gpu id', `name: x\nphases: [{name: p, gpu: "${big('g')}", gpuHours: 5}]\n`, /unknown gpu "g{60}"… \(known: /],
    ['a region id', `name: x\nregion: "${big('r')}"\nphases: [{name: p, gpu: h100, gpuHours: 5}]\n`, /unknown region "r{60}"… \(known: /],
    ['NUL bytes in a value', `name: x\nphases: [{name: p, gpuHours: "${'\u0000'.repeat(100_000)}"}]\n`, /got "(\\u0000){10}"…$/],
  ])('%s of 100 KB', async (_what, text, pattern) => {
    const line = await expectInputError([file('big.yaml', text)]);
    expect(line).toMatch(pattern);
    expect(line.length).toBeLessThan(400);
  });

  it('a 2 MB CSV cell', async () => {
    const f = file('big.csv', `name,gpu,params,tokens,gpu_hours\nx,h100,${'z'.repeat(2_000_000)},1,1\n`);
    expect(await expectInputError(['backtest', f])).toBe(
      `train-cost: ${f}:2: params: expected a positive number, got "${'z'.repeat(60)}"…`,
    );
  });
});

describe('ids resolve only against real entries, never prototype keys', () => {
  const flags = ['--gpu', 'h100', '--chips', '8', '--hours', '1'];

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('--region %s is an unknown region', async (name) => {
    expect(await expectInputError([...flags, '--region', name])).toMatch(new RegExp(`^train-cost: unknown region "${name}"`));
  });

  it.each(['__proto__', 'constructor', 'toString'])('--gpu %s is an unknown gpu', async (name) => {
    expect(await expectInputError(['--gpu', name, '--chips', '8', '--hours', '1'])).toMatch(
      new RegExp(`^train-cost: unknown gpu "${name}"`),
    );
  });

  it.each(['toString', 'constructor', '__proto__'])('run id %s is an unknown run', async (name) => {
    expect(await expectInputError([name])).toMatch(new RegExp(`^train-cost: unknown run "${name}"`));
  });

  it('a __proto__ key in a preset or run file is refused', async () => {
    const dir = join(TMP, 'proto-presets');
    mkdirSync(join(dir, 'gpus'), { recursive: true });
    writeFileSync(join(dir, 'gpus', 'x.yaml'), '__proto__:\n  polluted: true\n');
    expect(await expectInputError(['gpus', '--presets', dir])).toBe(
      `train-cost: ${join(dir, 'gpus', 'x.yaml')}:1: invalid YAML: the key "__proto__" is not allowed`,
    );
    const run = file('proto-run.yaml', `name: x\n${RUN_TAIL}model: {__proto__: {params: 1}}\n`);
    expect(await expectInputError([run])).toBe(`train-cost: ${run}:6: invalid YAML: the key "__proto__" is not allowed`);
  });
});
