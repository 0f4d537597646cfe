// Big grids: CSV and NDJSON are written run by run (through the writer's promises), every other
// format refuses more than MAX_WHOLE_RUNS runs with a hint, and ranges are counted before they are made.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { MAX_GRID_RUNS, MAX_WHOLE_RUNS } from '../../src/cli/commands/estimate.js';
import { cli, expectInputError } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const tmp = tempFolder('stream');
const GRID = (n: number) => ['--gpu', 'h100', '--hours', '1', '--chips', `1..${n}`];

/** main with a stdout whose writes settle later (like a pipe), recording each chunk as it is written. */
async function slowCli(args: string[]) {
  const chunks: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let stderr = '';
  const io: CliIO = {
    stdout: {
      write: (text) => {
        chunks.push(text);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        return new Promise<void>((r) => setTimeout(() => (inFlight--, r()), 1));
      },
    },
    stderr: { write: (t) => void (stderr += t) },
    stdin: { read: async () => '' },
    env: { TRAIN_COST_TODAY: '2026-01-15' },
  };
  const code = await main(args, io);
  return { code, chunks, stderr, maxInFlight };
}

describe('streamed formats', () => {
  it('NDJSON of 3,000 runs comes in several chunks, each awaited before the next (backpressure)', async () => {
    const r = await slowCli([...GRID(3000), '--format', 'ndjson']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.chunks.length).toBeGreaterThan(10);
    expect(r.maxInFlight).toBe(1);
    const lines = r.chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    expect(JSON.parse(lines[2999]!).chips).toBe(3000);
  });

  it('CSV streams a header, then one line per run, in grid order (the last flag varies fastest)', async () => {
    const r = await slowCli(['--gpu', 'h100,h800', '--hours', '1,2', '--chips', '8,16', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.chunks.join('').trimEnd().split('\n');
    expect(rows[0]!.startsWith('run,phase,gpu,chips,wallClockHours,gpuHours')).toBe(true);
    // The run name ("8 x h100, 1 h") is quoted; gpu, chips and hours follow the empty phase cell.
    expect(
      rows.slice(1).map((l) =>
        l
          .replace(/^"[^"]*",/, '')
          .split(',')
          .slice(1, 4)
          .join(' '),
      ),
    ).toEqual(['h100 8 1', 'h100 8 2', 'h100 16 1', 'h100 16 2', 'h800 8 1', 'h800 8 2', 'h800 16 1', 'h800 16 2']);
  });

  it('--max-cost is decided after streaming: every line written, then exit 1 with one line', async () => {
    const r = await cli([...GRID(2000), '--format', 'ndjson', '--max-cost', '1000']);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2000);
    expect(r.stderr).toBe('train-cost: 1666 of 2000 runs over --max-cost $1,000: "2000 x h100, 1 h" costs $5,980\n');
    const last = JSON.parse(r.stdout.trimEnd().split('\n').at(-1)!);
    expect(last.checks).toEqual([{ gate: 'max-cost', limit: 1000, value: 5980, at: 'central', run: '2000 x h100, 1 h', passed: false }]);
  });

  it('--out FILE is written whole, through a temporary file', async () => {
    const dir = tmp.dir;
    const r = await cli([...GRID(2000), '--format', 'csv', '--out', join(dir, 'grid.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'grid.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(2001);
    expect(readdirSync(dir)).toEqual(['grid.csv']);
  });
});

describe('a streamed line is the run of the whole document', () => {
  // Several bases (a multi-phase run with its base, a single-phase one), two axes, and gates:
  // each NDJSON line's run is, byte for byte, the run of --format json, in the same order.
  const GRID_ARGS = [
    'deepseek-r1',
    'deepseek-v3',
    '--with-base',
    '--chips',
    '1024,2048',
    '--region',
    'us,eu',
    '--max-cost',
    '6e6',
    '--strict',
  ];

  it('NDJSON lines equal the JSON document runs, with the header and each run its own checks', async () => {
    const whole = await cli([...GRID_ARGS, '--format', 'json']);
    const streamed = await cli([...GRID_ARGS, '--format', 'ndjson']);
    // Every run passes its --max-cost of $6M: both exit 0.
    expect([whole.code, streamed.code], whole.stderr).toEqual([0, 0]);
    expect(streamed.stderr).toBe(whole.stderr);
    const doc = JSON.parse(whole.stdout) as { runs: unknown[]; checks: { run: string }[] };
    const lines = streamed.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(doc.runs).toHaveLength(8);
    const header = `{"schemaVersion":1,"tool":{"name":"train-cost","version":"${JSON.parse(lines[0]!).tool.version}"},"currency":"USD","dollarYear":null,`;
    lines.forEach((line, i) => {
      const run = doc.runs[i] as { name: string };
      expect(line.startsWith(header)).toBe(true);
      // The JSON document re-written on one line (its numbers read back write the same text).
      const checks = doc.checks.filter((c) => c.run === run.name);
      expect(line).toBe(`${header}${JSON.stringify(run).slice(1, -1)},"checks":${JSON.stringify(checks)}}`);
    });
    expect(lines.some((l) => JSON.parse(l).base !== null)).toBe(true);
    expect(lines.some((l) => JSON.parse(l).phases.length > 1)).toBe(true);
  });

  it('NDJSON of a single run equals the JSON run with --dollar-year and a purchase price', async () => {
    const args = [
      '--gpu',
      'h100,a100',
      '--params',
      '7B',
      '--tokens',
      '1T',
      '--chips',
      '64',
      '--dollar-year',
      '2020',
      '--purchase-price',
      '25000',
    ];
    const doc = JSON.parse((await cli([...args, '--format', 'json'])).stdout) as { runs: unknown[] };
    const lines = (await cli([...args, '--format', 'ndjson'])).stdout.trimEnd().split('\n');
    // After the header ("dollarYear":2020,), before the checks.
    expect(lines.map((l) => l.slice(l.indexOf('"dollarYear":2020,') + 18, l.lastIndexOf(',"checks":')))).toEqual(
      doc.runs.map((r) => JSON.stringify(r).slice(1, -1)),
    );
  });

  it('huge inputs that overflow are refused with the figure named, before anything is written, in both streamed formats', async () => {
    for (const format of ['ndjson', 'csv']) {
      const line = await expectInputError(['--gpu', 'h100', '--gpu-hours', '1,1e300', '--format', format]);
      expect(line).toMatch(/^train-cost: the inputs are too large: [\w.[\]]+ overflows; /);
    }
  });
});

describe('limits', () => {
  it(`a table, Markdown or JSON of more than ${MAX_WHOLE_RUNS.toLocaleString('en-US')} runs is refused at once with a hint`, async () => {
    for (const format of ['table', 'markdown', 'json', 'html']) {
      const r = await cli([...GRID(MAX_WHOLE_RUNS + 1), '--format', format]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `train-cost: the comparison has 1,001 runs, more than 1,000 for --format ${format}: use --format ndjson or --format csv, which write run by run (up to 1,000,000 runs)\n`,
      );
    }
  });

  it(`more than ${MAX_GRID_RUNS.toLocaleString('en-US')} runs are refused in every format`, async () => {
    const r = await cli(['--gpu', 'h100', '--hours', '1..11', '--chips', '1..100000', '--format', 'ndjson']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('train-cost: the comparison has 1,100,000 runs, more than 1,000,000: narrow the lists or ranges\n');
  });

  // Expanded, a billion values would exhaust memory long before the test's timeout.
  it('--chips 1..1e9 is refused before it is expanded', async () => {
    const r = await cli([...GRID(1e9), '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('train-cost: --chips range "1..1000000000" expands to more than 100,000 values, the most one flag takes\n');
  });
});
