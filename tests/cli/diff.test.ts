// train-cost diff BASE HEAD: sides from run files, run ids and saved JSON output; every format;
// the --max-increase and --max-cost gates (exit 1, one line, the result still printed).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffOutputSchema } from '../../src/output/diff-contract.js';
import { cli, parseCsvLine, withoutWarnings, expectInputError } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const A = 'examples/plan-a.yaml';
const B = 'examples/plan-b.yaml';
const tmp = tempFolder('diff').dir;

async function json(args: string[]) {
  const r = await cli(['diff', ...args, '--format', 'json']);
  return { r, doc: diffOutputSchema.parse(JSON.parse(r.stdout)) };
}

describe('train-cost diff plan-a plan-b', () => {
  it('Markdown: a heading, the table per run and phase, and the verdict on the rental cost', async () => {
    const r = await cli(['diff', A, B, '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(withoutWarnings(r.stderr)).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('### train-cost diff: `examples/plan-a.yaml` → `examples/plan-b.yaml`');
    expect(r.stdout).toContain('|  | Rental cost | $637,653 | $749,335 | +$111,682 | +17.5% |');
    expect(r.stdout).toContain('| &nbsp;&nbsp;long-context extension | GPU-hours | 24,576 | 12,288 | -12,288 | -50.0% |');
    expect(lines.at(-1)).toBe('**Rental cost up $111,682 (+17.5%), from $637,653 to $749,335.**');
    // The change is the difference of the printed figures (the unrounded ones differ by 47,804.2).
    expect(r.stdout).toContain('| 8B pre-training, then long context | GPU-hours | 159,813 | 112,008 | -47,805 | -29.9% |');
    expect(r.stdout).toContain('|  | Rental cost | $98,058 | $82,207 | -$15,851 | -16.2% |');
  });

  it('JSON: the versioned document, figures equal to the estimate of each side', async () => {
    const { r, doc } = await json([A, B]);
    expect(r.code).toBe(0);
    expect(doc).toMatchObject({ schemaVersion: 1, tool: { name: 'train-cost' }, currency: 'USD', dollarYear: null, checks: [] });
    expect(doc.diff.base).toEqual({ source: A, kind: 'run', toolVersion: expect.any(String) });
    const estimate = async (f: string) => JSON.parse((await cli([f, '--format', 'json'])).stdout).runs[0];
    const [a, b] = [await estimate(A), await estimate(B)];
    const run = doc.diff.runs[0]!;
    expect(run.status).toBe('changed');
    const rental = run.metrics.find((m) => m.id === 'rental')!;
    expect(rental.before).toBe(a.rental.usd);
    expect(rental.after).toBe(b.rental.usd);
    expect(rental.change).toBeCloseTo(b.rental.usd - a.rental.usd, 6);
    expect(rental.relative).toBeCloseTo(b.rental.usd / a.rental.usd - 1, 9);
    expect(run.metrics.find((m) => m.id === 'owned')!.after).toBeCloseTo(b.ownership.usd, 6);
    expect(run.metrics.find((m) => m.id === 'gpuHours')!).toMatchObject({ before: a.gpuHours, after: b.gpuHours });
    expect(run.phases.map((p) => [p.status, p.base])).toEqual([
      ['changed', 'pre-training'],
      ['changed', 'long-context extension'],
    ]);
    expect(run.phases[1]!.metrics[0]).toEqual({
      id: 'gpuHours',
      unit: 'gpu-hours',
      before: 24576,
      after: 12288,
      change: -12288,
      relative: -0.5,
    });
  });

  it('a plan against itself is unchanged, with changes of 0', async () => {
    const { doc } = await json([A, A]);
    expect(doc.diff.runs[0]!.status).toBe('unchanged');
    expect(doc.diff.totals.every((m) => m.change === 0 && m.relative === 0)).toBe(true);
    const r = await cli(['diff', A, A]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Rental cost unchanged at $637,653.');
  });

  it('a saved JSON output is a side, told by its content, with the same figures', async () => {
    const saved = join(tmp, 'baseline.json');
    writeFileSync(saved, (await cli([A, '--format', 'json'])).stdout);
    const fromSaved = await json([saved, B]);
    const fromRun = await json([A, B]);
    expect(fromSaved.doc.diff.base.kind).toBe('saved');
    expect(fromSaved.doc.diff.runs).toEqual(fromRun.doc.diff.runs);
    // Estimate flags do not change a saved side: a note says so.
    const r = await cli(['diff', saved, B, '--region', 'eu']);
    expect(r.code).toBe(0);
    expect(withoutWarnings(r.stderr)).toBe(`note: --region does not apply to the saved output ${saved}: it is compared as saved`);
  });

  it('the note wraps on a narrow terminal as warnings do, and stays one line piped', async () => {
    const saved = join(tmp, 'baseline.json');
    writeFileSync(saved, (await cli([A, '--format', 'json'])).stdout);
    const tty = await cli(['diff', saved, B, '--region', 'eu'], { tty: { stderr: true, stderrColumns: 60 } });
    expect(tty.code).toBe(0);
    const note = withoutWarnings(tty.stderr.replace(/\n  (?=\S)/g, ' '));
    expect(note).toBe(`note: --region does not apply to the saved output ${saved}: it is compared as saved`);
    const lines = tty.stderr.trimEnd().split('\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
    expect(lines.filter((l) => l.startsWith('  ')).length).toBeGreaterThan(0);
  });

  it('bundled run ids; runs of other names are paired in order (renamed)', async () => {
    const { doc } = await json(['deepseek-v3', 'deepseek-r1']);
    expect(doc.diff.runs).toHaveLength(1);
    expect(doc.diff.runs[0]).toMatchObject({ status: 'changed', base: expect.stringMatching(/V3/), head: expect.stringMatching(/R1/) });
  });

  it('runs on one side only are added or removed', async () => {
    const both = join(tmp, 'both.json');
    writeFileSync(both, (await cli([A, B, '--format', 'json'])).stdout);
    // plan-a and plan-b share a name: the first matches, the second is removed.
    const { doc } = await json([both, A]);
    expect(doc.diff.runs.map((r) => r.status)).toEqual(['unchanged', 'removed']);
    expect(doc.diff.runs[1]!.metrics.find((m) => m.id === 'rental')).toMatchObject({ after: null, change: null });
    const back = await json([A, both]);
    expect(back.doc.diff.runs.map((r) => r.status)).toEqual(['unchanged', 'added']);
    const table = await cli(['diff', A, both]);
    expect(table.stdout).toContain('8B pre-training, then long context (added)');
    expect(table.stdout).toContain('(1 run added)');
  });

  it('flags apply to run sides as in the estimate command', async () => {
    const { doc } = await json([A, A, '--price', '2']);
    const rental = doc.diff.runs[0]!.metrics.find((m) => m.id === 'rental')!;
    expect(rental.after).toBeCloseTo(2 * doc.diff.runs[0]!.metrics[0]!.after!, 3);
  });

  it('CSV: one row per run, phase and figure; NDJSON: one line per run', async () => {
    const csv = await cli(['diff', A, B, '--format', 'csv']);
    const rows = csv.stdout.trimEnd().split('\n').map(parseCsvLine);
    expect(rows[0]).toEqual(['run', 'phase', 'status', 'baseName', 'headName', 'figure', 'unit', 'before', 'after', 'change', 'relative']);
    expect(rows).toHaveLength(1 + 3 * 4);
    expect(rows.find((r) => r[1] === 'long-context extension' && r[5] === 'gpuHours')!.slice(7)).toEqual([
      '24576',
      '12288',
      '-12288',
      '-0.5',
    ]);
    const nd = await cli(['diff', A, B, '--format', 'ndjson', '--max-cost', '1e6']);
    const lines = nd.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      schemaVersion: 1,
      sides: { base: { source: A } },
      status: 'changed',
      checks: [{ gate: 'max-cost', passed: true }],
    });
  });
});

describe('gates', () => {
  it('--max-increase 10% fails on +17.5%: exit 1, the result printed, one line on stderr, JSON carries the check', async () => {
    const r = await cli(['diff', A, B, '--max-increase', '10%', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- check max-increase: +17.5% over +10.0%: failed');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '**Rental cost up $111,682 (+17.5%), from $637,653 to $749,335; 1 of 1 checks failed.**',
    );
    expect(withoutWarnings(r.stderr)).toBe(
      'train-cost: 1 of 1 check failed: "8B pre-training, then long context" rental cost rises 17.5%, over --max-increase 10.0%',
    );
    const { r: jr, doc } = await json([A, B, '--max-increase', '0.1']);
    expect(jr.code).toBe(1);
    expect(doc.checks).toEqual([
      { gate: 'max-increase', limit: 0.1, value: expect.closeTo(0.17515, 4), run: '8B pre-training, then long context', passed: false },
    ]);
  });

  it('--max-increase 20% and a decrease pass', async () => {
    expect((await cli(['diff', A, B, '--max-increase', '20%'])).code).toBe(0);
    const down = await cli(['diff', B, A, '--max-increase', '0%']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('check max-increase: -14.9% within 0.0%: passed');
  });

  it("--max-cost holds the head's rental cost", async () => {
    const over = await cli(['diff', A, B, '--max-cost', '700000']);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('check max-cost: $749,335 over $700,000: failed');
    expect(withoutWarnings(over.stderr)).toBe(
      'train-cost: 1 of 1 check failed: "8B pre-training, then long context" costs $749,335, over --max-cost $700,000',
    );
    expect((await cli(['diff', B, A, '--max-cost', '700000'])).code).toBe(0);
  });
});

describe('bad input: exit 2, one line', () => {
  it.each([
    [['--max-increase', 'ten'], 'train-cost: invalid --max-increase "ten": expected a percentage such as 10% or a fraction such as 0.1'],
    [['--max-increase', '10'], 'train-cost: invalid --max-increase "10": expected a percentage such as 10% or a fraction such as 0.1'],
    [['--format', 'xml'], 'train-cost: unknown --format "xml"; use one of: table, json, csv, markdown, ndjson'],
  ])('%s', async (flags, line) => {
    expect(await expectInputError(['diff', A, B, ...flags])).toBe(line);
  });

  it('a missing side, a saved output of another version, mixed dollar years', async () => {
    expect(await expectInputError(['diff', 'examples/no-such.yaml', B])).toMatch(/^train-cost: run file examples\/no-such\.yaml/);
    const v2 = join(tmp, 'v2.json');
    writeFileSync(v2, JSON.stringify({ schemaVersion: 2, runs: [] }));
    expect(await expectInputError(['diff', v2, B])).toBe(
      `train-cost: saved output ${v2}: schemaVersion: Invalid input: expected 1; expected the output of train-cost --format json (schemaVersion 1)`,
    );
    const y2024 = join(tmp, 'y2024.json');
    writeFileSync(y2024, (await cli([A, '--format', 'json', '--dollar-year', '2024'])).stdout);
    expect(await expectInputError(['diff', y2024, B])).toBe(
      'train-cost: the sides are in different dollars (base 2024 dollars, head nominal): give --dollar-year to match a saved output',
    );
    expect((await cli(['diff', y2024, B, '--dollar-year', '2024'])).code).toBe(0);
    expect(await expectInputError(['diff', '-', '-'])).toBe('train-cost: - (stdin) can be given only once');
  });

  it('train-cost schema diff is the JSON Schema of the document', async () => {
    const r = await cli(['schema', 'diff']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).properties.diff.properties.runs.type).toBe('array');
  });
});

it('diff takes exactly two plans', async () => {
  expect(await expectInputError(['diff', 'examples/plan-a.yaml'])).toBe(
    'train-cost: diff takes two plans, BASE and HEAD, got 1; see train-cost diff --help',
  );
});
