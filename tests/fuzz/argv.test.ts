// Issue 11 item 3: fuzzed command lines, in-process, with a fixed seed. Generators come from the
// real flags (read from the commander program) and the bundled gpu and run ids; see
// arbitraries.ts for the values and the invariants. A failure prints fast-check's shrunk
// counterexample (the args) and the seed and path to replay it.
// Knobs (environment): FUZZ_SCALE=0.1 runs a tenth of the cases; FUZZ_SLOW=1 logs cases over 30 ms;
// FUZZ_STATS=1 prints the count and mean time per exit code and format.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../helpers/cli.js';
import {
  checkCommon,
  checkContract,
  expectContractsChecked,
  flagsArg,
  formatOf,
  FORMATS,
  GPU_IDS,
  junk,
  numberArg,
  PRICES_IMPORT_FLAGS,
  ROOT_FLAGS,
  RUN_IDS,
  runs,
  SUB_FLAGS,
} from './arbitraries.js';

const SEED = 110_003;
// Cases per property: the properties below add up to 10,000 command lines a run (FUZZ_SCALE to scale).

const STDIN_RUN = 'name: from stdin\ngpu: h100\nchips: 64\nphases:\n  - name: pretrain\n    hours: 10\n';
const FILES = [
  'examples/plan.yaml',
  'examples/lora.yaml',
  'examples/rl.yaml',
  'examples/distill.yaml',
  'examples/deepseek-r1-from-tokens.yaml',
  'presets/runs/gpt-3.yaml',
].map((f) => join(REPO_ROOT, f));
/** Flags a subcommand takes from before its name (program.ts INHERITED). */
const GLOBAL_FLAGS = ROOT_FLAGS.filter((f) => ['--format', '--json', '--no-color', '--presets', '--debug'].includes(f.long));

const runRef = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...RUN_IDS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '-',
      ...FILES,
      join(REPO_ROOT, 'presets/gpus/h100.yaml'),
      join(REPO_ROOT, 'presets/regions.yaml'),
      join(REPO_ROOT, 'presets'),
    ),
  },
  { weight: 1, arbitrary: junk },
);
/** Mostly the cheap formats (json, csv); table, markdown and ndjson too. */
const cheapFormat = fc.constantFrom('json', 'json', 'json', 'csv', 'csv', ...FORMATS);
const formatFlag = fc.option(
  cheapFormat.map((f) => ['--format', f]),
  { nil: [] as string[] },
);

/** The default command: an estimate from flags, run ids or files. */
const estimateArgs = fc
  .tuple(
    fc.array(runRef, { maxLength: 2 }),
    // A seed-like core (chips, gpu, hours) half the time, so that many cases get past validation.
    fc.option(
      fc
        .tuple(fc.constantFrom(...GPU_IDS), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 10_000 }))
        .map(([g, c, h]) => ['--gpu', g, '--chips', String(c), '--hours', String(h)]),
      { nil: [] as string[] },
    ),
    flagsArg(ROOT_FLAGS, 5),
    formatFlag,
  )
  .map(([refs, core, flags, format]) => [...refs, ...core, ...flags, ...format]);

const positional: Record<string, fc.Arbitrary<string[]>> = {
  gpus: fc.option(
    fc.oneof(fc.constantFrom(...GPU_IDS, 'h1*', 'tpu', 'nvidia'), junk).map((p) => [p]),
    { nil: [] as string[] },
  ),
  runs: fc.option(
    fc.oneof(fc.constantFrom(...RUN_IDS), junk).map((p) => [p]),
    { nil: [] as string[] },
  ),
  budget: fc.oneof({ weight: 5, arbitrary: numberArg.map((n) => [n]) }, { weight: 1, arbitrary: fc.constant<string[]>([]) }),
  // Always a file: the bundled backtest (no file) refits the model per held-out run (~0.5 s).
  backtest: fc.constantFrom(...FILES, join(REPO_ROOT, 'presets/calibration/treatment.csv'), join(REPO_ROOT, 'nope.csv')).map((f) => [f]),
  schema: fc.oneof(fc.constantFrom('gpu', 'run', 'regions', 'mfu-model', 'output'), junk).map((k) => [k]),
  validate: fc.array(
    fc.constantFrom(
      ...FILES,
      ...GPU_IDS.slice(0, 3).map((g) => join(REPO_ROOT, 'presets/gpus', `${g}.yaml`)),
      join(REPO_ROOT, 'presets/regions.yaml'),
      join(REPO_ROOT, 'presets/mfu-model.yaml'),
      '-',
      'nope.yaml',
    ),
    {
      maxLength: 3,
    },
  ),
};

/** A subcommand, with flags before its name (inherited or refused), its own flags and positionals. */
const subcommandArgs = fc.constantFrom('gpus', 'runs', 'budget', 'backtest', 'schema', 'validate', 'prices').chain((sub) => {
  const before = flagsArg(GLOBAL_FLAGS, 2);
  if (sub === 'prices')
    return fc
      .tuple(
        before,
        fc.constantFrom('import', 'export', ''),
        fc.constantFrom(join(REPO_ROOT, 'nope.csv'), join(REPO_ROOT, 'presets/calibration/published-runs.csv')),
        flagsArg(PRICES_IMPORT_FLAGS, 3),
      )
      .map(([b, verb, file, flags]) => [...b, 'prices', ...(verb ? [verb] : []), file, ...flags]);
  return fc
    .tuple(before, positional[sub]!, flagsArg(SUB_FLAGS[sub]!, sub === 'budget' ? 4 : 2), formatFlag)
    .map(([b, pos, flags, format]) => [...b, sub, ...pos, ...flags, ...format]);
});

/** Run twice (identical bytes), check the invariants, and the JSON contract for an estimate. */
let checked = 0;
const STATS: Record<string, { n: number; ms: number }> = {};
if (process.env.FUZZ_STATS)
  afterAll(() =>
    console.log(
      Object.entries(STATS)
        .map(([k, v]) => `${k}: ${v.n} cases, ${(v.ms / v.n).toFixed(2)} ms each, ${(v.ms / 1000).toFixed(1)} s`)
        .join('\n'),
    ),
  );
async function check(args: string[], estimate: boolean): Promise<void> {
  const label = `args: ${JSON.stringify(args)}`;
  const opts = { input: STDIN_RUN, env: {} };
  const t0 = performance.now();
  const r = await cli(args, opts);
  if (process.env.FUZZ_STATS) {
    const k = `${args.includes('gpus') || args.includes('runs') || args.includes('budget') || args.includes('validate') || args.includes('schema') ? 'sub' : 'est'} exit ${r.code} ${r.code === 2 ? '' : formatOf(args)}`;
    const s = (STATS[k] ??= { n: 0, ms: 0 });
    s.n++;
    s.ms += performance.now() - t0;
  }
  if (process.env.FUZZ_SLOW && performance.now() - t0 > 30)
    console.log('SLOW', (performance.now() - t0).toFixed(0), JSON.stringify(args), r.stdout.length);
  checkCommon(r, args.join(' '), label);
  // Identical bytes on a second run: every fourth case (the time budget), and every case that failed.
  if (checked++ % 4 === 0) {
    const again = await cli(args, opts);
    expect(again, `${label}\nnot the same bytes on a second run`).toEqual(r);
  }
  const format = formatOf(args);
  if (r.stdout === '' || r.code === 2) return;
  if (
    estimate &&
    (format === 'json' || format === 'ndjson') &&
    !args.includes('--help') &&
    !args.includes('-h') &&
    !args.includes('-V') &&
    !args.includes('--version')
  )
    checkContract(r.stdout, format, label);
}

const property = (arb: fc.Arbitrary<string[]>, estimate: boolean) => fc.asyncProperty(arb, (args) => check(args, estimate));

describe('fuzzed command lines (fixed seed)', () => {
  it(`estimates from flags, run ids and files: ${runs(6000)} cases`, async () => {
    await expectContractsChecked(() => fc.assert(property(estimateArgs, true), { seed: SEED, numRuns: runs(6000) }));
  }, 180_000);

  it(`subcommands with their own and inherited flags: ${runs(3000)} cases`, async () => {
    await fc.assert(property(subcommandArgs, false), { seed: SEED + 1, numRuns: runs(3000) });
  }, 120_000);

  it(`any real flag in any order, with junk: ${runs(500)} cases`, async () => {
    const all = [...new Map([...ROOT_FLAGS, ...Object.values(SUB_FLAGS).flat()].map((f) => [f.long, f])).values()];
    const arb = fc
      .tuple(
        fc.array(fc.oneof(junk, fc.constantFrom('gpus', 'runs', 'budget', 'schema', 'validate', 'help', '-')), { maxLength: 2 }),
        flagsArg(all, 5),
      )
      .map(([pos, flags]) => [...pos, ...flags].filter((a) => !a.startsWith('--out')));
    await fc.assert(property(arb, false), { seed: SEED + 2, numRuns: runs(500) });
  }, 60_000);
});

/** GPU-hours and rental of a seed-like estimate, from its JSON. */
async function estimate(args: string[]): Promise<{ gpuHours: number; usd: number }> {
  const r = await cli([...args, '--format', 'json'], { env: {} });
  expect(r.code, `args: ${JSON.stringify(args)}\n${r.stderr}`).toBe(0);
  const run = JSON.parse(r.stdout).runs[0];
  return { gpuHours: run.gpuHours, usd: run.rental.usd };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Bundled gpus with a default price (the others ask for --price). */
const PRICED: string[] = [];
for (const g of GPU_IDS)
  if ((await cli(['--gpu', g, '--chips', '1', '--hours', '1', '--format', 'json'], { env: {} })).code === 0) PRICED.push(g);

describe('linear where the model is (fixed seed)', () => {
  const gpu = fc.constantFrom(...PRICED);
  const chips = fc.integer({ min: 1, max: 50_000 });
  const hours = fc.double({ min: 0.01, max: 10_000, noNaN: true }).map((h) => Number(h.toPrecision(6)));

  it(`twice the chips for the same hours gives twice the GPU-hours and the rental: ${runs(250)} cases`, async () => {
    await fc.assert(
      fc.asyncProperty(gpu, chips, hours, async (g, c, h) => {
        const one = await estimate(['--gpu', g, '--chips', String(c), '--hours', String(h)]);
        const two = await estimate(['--gpu', g, '--chips', String(2 * c), '--hours', String(h)]);
        expect(close(two.gpuHours, 2 * one.gpuHours), `gpu ${g} chips ${c} hours ${h}: ${one.gpuHours} then ${two.gpuHours}`).toBe(true);
        expect(close(two.usd, 2 * one.usd), `gpu ${g} chips ${c} hours ${h}: $${one.usd} then $${two.usd}`).toBe(true);
      }),
      { seed: SEED + 3, numRuns: runs(250) },
    );
  }, 60_000);

  it('most bundled gpus have a default price', () => expect(PRICED.length).toBeGreaterThan(GPU_IDS.length / 2));

  it(`twice the price gives twice the rental: ${runs(250)} cases`, async () => {
    const price = fc.double({ min: 0.01, max: 1000, noNaN: true }).map((p) => Number(p.toPrecision(4)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GPU_IDS), chips, hours, price, async (g, c, h, p) => {
        const base = ['--gpu', g, '--chips', String(c), '--hours', String(h)];
        const one = await estimate([...base, '--price', String(p)]);
        const two = await estimate([...base, '--price', String(2 * p)]);
        expect(two.gpuHours).toBe(one.gpuHours);
        expect(close(two.usd, 2 * one.usd), `${base.join(' ')} --price ${p}: $${one.usd} then $${two.usd}`).toBe(true);
      }),
      { seed: SEED + 4, numRuns: runs(250) },
    );
  }, 60_000);
});
