// Exit codes and messages (DESIGN.md, "Errors and exit codes"): bad input is exit 2 with ONE
// line on stderr naming the flag and what is accepted, no stack trace, nothing on stdout.
import { describe, expect, it } from 'vitest';
import { cli, badInputLine } from '../helpers/cli.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];

/** Exit 2, nothing on stdout, exactly one line on stderr without a stack trace; returns that line. */
const badInput = badInputLine;

describe('bad input: exit 2, one line, no stack', () => {
  it('an unknown flag names it', async () => {
    const line = badInput(await cli(['--bogus', ...SEED]));
    expect(line).toContain('--bogus');
  });

  it('an unknown gpu suggests the closest id', async () => {
    const line = badInput(await cli(['--gpu', 'h80', '--chips', '8', '--hours', '1']));
    expect(line).toContain('unknown gpu "h80"');
    expect(line).toContain('did you mean "h800"');
    // ... and lists what is accepted.
    expect(line).toContain('h100');
  });

  it('no duration names the three ways to give one', async () => {
    const line = badInput(await cli(['--gpu', 'h800', '--chips', '8']));
    expect(line).toContain('--hours');
    expect(line).toContain('--days');
    expect(line).toContain('--gpu-hours');
  });

  it('two durations conflict', async () => {
    const line = badInput(await cli(['--gpu', 'h800', '--chips', '8', '--hours', '1', '--days', '1']));
    expect(line).toContain('--hours');
    expect(line).toContain('--days');
    expect(line).toContain('--gpu-hours');
  });

  it('--gpu-hours with --hours conflict', async () => {
    const line = badInput(await cli(['--gpu', 'h800', '--chips', '8', '--hours', '1', '--gpu-hours', '8']));
    expect(line).toContain('--gpu-hours');
  });

  it('--hours without --chips says chips are needed', async () => {
    const line = badInput(await cli(['--gpu', 'h800', '--hours', '80']));
    expect(line).toContain('--chips');
  });

  it.each([
    ['non-numeric', ['--chips', 'abc'], ['--chips', '"abc"']],
    ['negative', ['--chips', '-5'], ['--chips', '-5']],
    ['negative (= form)', ['--chips=-5'], ['--chips', '-5']],
    ['zero', ['--chips', '0'], ['--chips', '0']],
    ['not a whole number', ['--chips', '8.5'], ['--chips', '8.5']],
  ])('%s --chips: %j names the flag and the value', async (_what, bad, mentions) => {
    const args = ['--gpu', 'h800', '--hours', '1', ...bad];
    const line = badInput(await cli(args));
    for (const m of mentions) expect(line).toContain(m);
  });

  it.each(['1e999', 'NaN', 'Infinity', '-Infinity'])('a non-finite --hours %s is refused', async (v) => {
    const line = badInput(await cli(['--gpu', 'h800', '--chips', '8', `--hours=${v}`]));
    expect(line).toContain('--hours');
    expect(line).toContain(v);
  });

  // Finite but absurd inputs overflow what is derived from them (peak FLOP = GPU-hours x 3600 x
  // 989e12 passes 1.8e308 from ~5e288 GPU-hours): refused as bad input, never Infinity or a crash.
  it.each([
    ['table', ['--gpu', 'h800', '--chips', '8', '--gpu-hours', '1e300']],
    ['json', ['--gpu', 'h800', '--chips', '8', '--gpu-hours', '1e300', '--format', 'json']],
    ['json, chips x hours', ['--gpu', 'h800', '--chips', '1e308', '--hours', '1e308', '--format', 'json']],
  ])('huge finite input (%s): no NaN/Infinity, no internal error', async (_what, args) => {
    const r = await cli(args);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(2);
    expect(badInput(r)).toContain('too large');
  });

  it('a non-numeric --hours says what would be accepted', async () => {
    const line = badInput(await cli(['--gpu', 'h800', '--chips', '8', '--hours', 'eighty']));
    expect(line).toContain('--hours');
    expect(line).toMatch(/expected .*\d/);
  });

  it('an unknown --format lists the formats', async () => {
    const line = badInput(await cli([...SEED, '--format', 'xml']));
    expect(line).toContain('--format');
    expect(line).toContain('"xml"');
    for (const f of ['table', 'json', 'csv', 'markdown', 'ndjson']) expect(line).toContain(f);
  });

  it('an unknown --price-source lists what is accepted', async () => {
    const line = badInput(await cli([...SEED, '--price-source', 'bogus']));
    expect(line).toContain('bogus');
    expect(line).toContain('marketplace');
    expect(line).toContain('deepseek-assumption');
  });

  it('an unknown --precision lists the precisions', async () => {
    const line = badInput(await cli([...SEED, '--precision', 'fp9']));
    expect(line).toContain('--precision');
    expect(line).toContain('fp9');
    expect(line).toContain('bf16');
  });

  it('a precision the gpu lacks (h800 fp4) names the gpu and the precisions it has', async () => {
    const line = badInput(await cli([...SEED, '--precision', 'fp4']));
    expect(line).toContain('h800');
    expect(line).toContain('fp4');
    expect(line).toContain('fp8');
  });

  it('a gpu without a known price asks for --price', async () => {
    const line = badInput(await cli(['--gpu', 'h20', '--chips', '8', '--hours', '1']));
    expect(line).toContain('h20');
    expect(line).toContain('--price');
  });

  it('... and with --price 1.5 it works', async () => {
    const r = await cli(['--gpu', 'h20', '--chips', '8', '--hours', '1', '--price', '1.5', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.gpuHours).toBe(8);
    expect(run.rental.usd).toBe(12);
  });

  it('an unknown gpu in a list fails the whole command, with no partial output', async () => {
    const line = badInput(await cli(['--gpu', 'h800,h80', '--chips', '8', '--hours', '1']));
    expect(line).toContain('did you mean "h800"');
  });

  it('a reversed range is refused', async () => {
    const line = badInput(await cli(['--gpu', 'h800', '--chips', '4096..256:x2', '--hours', '1']));
    expect(line).toContain('--chips');
    expect(line).toContain('4096..256');
  });

  it('--presets with a folder that does not exist', async () => {
    const line = badInput(await cli([...SEED, '--presets', 'tests/fixtures/no-such-folder']));
    expect(line).toContain('no-such-folder');
  });

  it('train-cost gpus --format bogus', async () => {
    const line = badInput(await cli(['gpus', '--format', 'bogus']));
    expect(line).toContain('--format');
    expect(line).toContain('bogus');
  });
});

describe('success: --help and --version', () => {
  it('--help exits 0 with examples on stdout', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Examples');
    expect(r.stdout).toContain('train-cost --chips 512 --gpu h800 --hours 80');
    for (const flag of [
      '--gpu',
      '--chips',
      '--hours',
      '--days',
      '--gpu-hours',
      '--price',
      '--price-source',
      '--format',
      '--json',
      '--no-color',
      '--presets',
    ])
      expect(r.stdout).toContain(flag);
  });

  it('--version exits 0 with a version number', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('--max-cost: exit 1 when over budget', () => {
  it('over budget: exit 1, the output still on stdout, one line on stderr naming --max-cost', async () => {
    const r = await cli([...SEED, '--max-cost', '1000']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('$81,920');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--max-cost');
    expect(lines[0]).toContain('$81,920');
    expect(r.stderr).not.toContain('    at ');
  });

  it('over budget in JSON: stdout is still valid JSON', async () => {
    const r = await cli([...SEED, '--max-cost', '1000', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).runs[0].rental.usd).toBe(81920);
  });

  it('within budget (1e6): exit 0, nothing on stderr', async () => {
    const r = await cli([...SEED, '--max-cost', '1e6']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$81,920');
  });

  it('exactly at the budget is not over it', async () => {
    const r = await cli([...SEED, '--max-cost', '81920']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
