// Gates that say what they checked: --max-cost (central or the top of the range) and --strict,
// in JSON checks[], as a line in the table and Markdown, and as exit 1 with one line on stderr.
import { describe, expect, it } from 'vitest';
import { outputSchema } from '../../src/output/contract.js';
import { cli, cliJson, withoutWarnings } from '../helpers/cli.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];
const WORKLOAD = ['--params', '70B', '--tokens', '15T', '--gpu', 'h100'];
/** 8 H100s for 10 hours cannot train 70B x 15T: the implied MFU is impossible. */
const IMPOSSIBLE = [...WORKLOAD, '--chips', '8', '--hours', '10'];

describe('--max-cost', () => {
  it('a passing gate is in JSON checks[] and exits 0', async () => {
    const { result, json } = await cliJson([...SEED, '--max-cost', '2e6']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    outputSchema.parse(json);
    expect(json.checks).toEqual([
      { gate: 'max-cost', limit: 2_000_000, value: 81_920, at: 'central', run: '512 x h800, 80 h', passed: true },
    ]);
  });

  it('the table and Markdown show the check line, then end on the answer', async () => {
    const table = await cli([...SEED, '--max-cost', '2e6']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    const check = lines.indexOf('check max-cost: $81,920 <= $2,000,000 passed');
    expect(check, table.stdout).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(/^Total: \$81,920 to rent/);
    const md = await cli([...SEED, '--max-cost', '2e6', '--format', 'markdown']);
    const mdLines = md.stdout.trimEnd().split('\n');
    expect(mdLines).toContain('- check max-cost: $81,920 &lt;= $2,000,000 passed');
    expect(mdLines.indexOf('- check max-cost: $81,920 &lt;= $2,000,000 passed')).toBeLessThan(
      mdLines.findIndex((l) => l.startsWith('**Total: $81,920')),
    );
  });

  it("a failing gate is recorded in the output and exits 1 with today's one stderr line", async () => {
    const { result, json } = await cliJson([...SEED, '--max-cost', '50000']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('train-cost: 1 of 1 run over --max-cost $50,000: "512 x h800, 80 h" costs $81,920\n');
    outputSchema.parse(json);
    expect(json.checks[0]).toMatchObject({ limit: 50_000, value: 81_920, at: 'central', passed: false });
    const table = await cli([...SEED, '--max-cost', '50000']);
    expect(table.stdout).toContain('check max-cost: $81,920 > $50,000 failed');
  });

  it('--max-cost-at high gates on the top of the rental range, which the central estimate passes', async () => {
    const central = await cliJson([...WORKLOAD, '--max-cost', '3e7']);
    expect(central.result.code, central.result.stderr).toBe(0);
    const run = central.json.runs[0];
    expect(run.rental.usd).toBeLessThan(3e7);
    expect(run.range.usd[1]).toBeGreaterThan(3e7);
    const high = await cliJson([...WORKLOAD, '--max-cost', '3e7', '--max-cost-at', 'high']);
    expect(high.result.code).toBe(1);
    expect(high.json.checks).toEqual([{ gate: 'max-cost', limit: 3e7, value: run.range.usd[1], at: 'high', run: run.name, passed: false }]);
    expect(high.result.stderr).toMatch(
      /^train-cost: 1 of 1 run over --max-cost \$30,000,000 at the high end of the range: "h100, 70B x 15T tokens" could cost \$38,165,422\n$/,
    );
  });

  it('one check per run of a comparison, named in the lines', async () => {
    const { result, json } = await cliJson(['--chips', '512,1024', '--gpu', 'h800', '--hours', '80', '--max-cost', '100000']);
    expect(result.code).toBe(1);
    expect(json.checks.map((c: { value: number; passed: boolean }) => [c.value, c.passed])).toEqual([
      [81_920, true],
      [163_840, false],
    ]);
    expect(result.stderr).toBe('train-cost: 1 of 2 runs over --max-cost $100,000: "1024 x h800, 80 h" costs $163,840\n');
    const table = await cli(['--chips', '512,1024', '--gpu', 'h800', '--hours', '80', '--max-cost', '100000']);
    expect(table.stdout).toContain('check max-cost (512 x h800, 80 h): $81,920 <= $100,000 passed');
    expect(table.stdout).toContain('check max-cost (1024 x h800, 80 h): $163,840 > $100,000 failed');
  });

  it('--max-cost-at takes central or high, and needs --max-cost', async () => {
    const bad = await cli([...SEED, '--max-cost', '1e6', '--max-cost-at', 'top']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('train-cost: unknown --max-cost-at "top"; use one of: central, high\n');
    const alone = await cli([...SEED, '--max-cost-at', 'high']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--max-cost-at needs --max-cost/);
  });

  it('no gate, no checks: an empty checks[]', async () => {
    const { json } = await cliJson(SEED);
    expect(json.checks).toEqual([]);
  });
});

describe('--strict', () => {
  it('an impossible audit exits 0 without --strict (the warning says so)', async () => {
    const r = await cli([...IMPOSSIBLE, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].compute.verdict).toBe('impossible');
  });

  it('an impossible audit fails --strict: exit 1, one stderr line, the check in JSON', async () => {
    const { result, json } = await cliJson([...IMPOSSIBLE, '--strict']);
    expect(result.code).toBe(1);
    // The warning is on stderr too (every warning is); the failure is one line.
    expect(result.stderr).toMatch(/^warning: .*cannot hold/m);
    expect(withoutWarnings(result.stderr)).toMatch(
      /^train-cost: 1 of 1 audit fails --strict: "8 x h100, 10 h, 70B x 15T tokens" implied MFU [\d.]+% is impossible$/,
    );
    outputSchema.parse(json);
    expect(json.checks).toEqual([
      {
        gate: 'audit',
        value: json.runs[0].compute.impliedMfu,
        verdict: 'impossible',
        run: '8 x h100, 10 h, 70B x 15T tokens',
        phase: null,
        passed: false,
      },
    ]);
  });

  it('a plausible audit passes --strict', async () => {
    const { result, json } = await cliJson(['deepseek-v3', '--strict']);
    expect(result.code, result.stderr).toBe(0);
    expect(json.checks.length).toBeGreaterThan(0);
    for (const c of json.checks) expect(c).toMatchObject({ gate: 'audit', verdict: 'plausible', passed: true });
  });

  it('a run without an audit has nothing to check', async () => {
    const { result, json } = await cliJson([...SEED, '--strict']);
    expect(result.code).toBe(0);
    expect(json.checks).toEqual([]);
  });

  it('both gates failing give one stderr line', async () => {
    const r = await cli([...IMPOSSIBLE, '--strict', '--max-cost', '10']);
    expect(r.code).toBe(1);
    expect(withoutWarnings(r.stderr).split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/over --max-cost \$10\.00: .*; 1 of 1 audit fails --strict/);
  });
});
