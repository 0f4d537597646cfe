// The default command: estimate one run, or compare many (list-valued flags make a grid).
import type { Command } from 'commander';
import { combinations, gridSize } from '../../core/grid.js';
import type { RunEstimate } from '../../core/types.js';
import { CheckFailed, closest, InputError, UsageError } from '../../errors.js';
import { type LoadedRun, looksLikePath, parseRunText, resolveRunRef } from '../../presets/runs.js';
import { CLOUDS, PRECISIONS, WORKLOAD_KINDS } from '../../presets/schema.js';
import { checkDollarYear, loadPriceIndex } from '../../presets/price-index.js';
import type { DollarBasis } from '../../core/dollars.js';
import { fmtNumber } from '../../output/format.js';
import { csvWriter } from '../../output/csv.js';
import { ndjsonLine } from '../../output/json.js';
import { type GateCheck, MAX_COST_AT, runChecks } from '../../core/checks.js';
import { GateTally } from '../gates.js';
import { reportWarnings, warn } from '../warnings.js';
import { describeWarning } from '../../output/warnings.js';
import { COMMAND_NAMES } from '../command-names.js';
import type { CliContext } from '../context.js';
import { assertFinite } from '../../input/finite.js';
import { MAX_YAML_BYTES } from '../../input/read.js';
import {
  addOptions,
  ageOption,
  always,
  COMMON_KEYS,
  commonOptions,
  dateOption,
  ESTIMATE_OUT,
  estimateFormatOf,
  explainOption,
  num,
  oneOf,
  option,
  type OptionShape,
  type OptionsOf,
  outOption,
  parseOptions,
  priceSourceOption,
  settingOption,
  toggle,
  wideOption,
  wordList,
} from '../options.js';
import { ESTIMATE_FORMATS, type EstimateFormat, renderEstimates } from '../../output/render.js';
import { USAGE } from '../usage.js';
import { applyDevelopment, developmentShape, toDevelopment } from '../development.js';
import { flagsOnlyRun, OVERRIDE_KEYS, type Overrides } from '../../presets/run-input.js';
import { estimateSpec, lineageContext, loadCatalog, type RunSpec } from '../../estimate-spec.js';
import { DEFAULT_MAX_PRICE_AGE } from '../../input/age.js';

/** More runs than this in one grid is surely a typo in a range (CSV and NDJSON write run by run). */
export const MAX_GRID_RUNS = 1_000_000;
/**
 * Most runs in a format written whole (table, Markdown, JSON, HTML); beyond it, CSV or NDJSON.
 * 1,000 take about 0.7-1.5 s and under 180 MB in any of them; a table's layout (cli-table3) grows
 * with the square of its rows, and JSON keeps the whole document (10,000 runs: 10-19 s, 1.5 GB).
 */
export const MAX_WHOLE_RUNS = 1_000;

const estimateShape = {
  ...commonOptions(ESTIMATE_FORMATS),
  ...outOption(ESTIMATE_OUT),
  ...wideOption,
  ...explainOption,
  ...developmentShape,
  gpu: option('-g, --gpu <ids>', 'accelerator preset(s), comma-separated: h800,h100 (train-cost gpus)', wordList),
  chips: settingOption('chips', '-c, --chips <n>', 'number of chips; a list 512,1024 or a range 256..4096:x2'),
  hours: settingOption('hours', '--hours <h>', 'wall-clock hours (with --chips)'),
  days: settingOption('days', '--days <d>', 'wall-clock days (with --chips)'),
  gpuHours: settingOption('gpuHours', '--gpu-hours <n>', 'total GPU-hours (instead of chips and time)'),
  params: settingOption('params', '--params <n>', 'model parameters, e.g. 70B'),
  activeParams: settingOption('activeParams', '--active-params <n>', 'active parameters per token (mixture of experts), e.g. 37B'),
  tokens: settingOption('tokens', '--tokens <n>', 'training tokens, e.g. 15T'),
  flops: settingOption('flops', '--flops <n>', 'total workload FLOP, e.g. 3.3e24 (instead of params and tokens)'),
  mfu: settingOption('mfu', '--mfu <f>', 'model FLOP utilisation, 0-1 (default: calibrated on published runs)'),
  precision: option('--precision <p>', `${PRECISIONS.join(', ')} (default bf16, fp16 where there is no bf16)`, (flag) =>
    oneOf(flag, PRECISIONS),
  ),
  kind: option(
    '--kind <k>',
    'phase kind: pretrain (or train), finetune, lora, rl, generate, distill (FLOP rules: --explain lists them)',
    (flag) => oneOf(flag, WORKLOAD_KINDS),
  ),
  trainableFraction: settingOption(
    'trainableFraction',
    '--trainable-fraction <f>',
    'LoRA: share of parameters trained, 0-1 (FLOP = (4 + 2f) x N x D)',
  ),
  teacherParams: settingOption(
    'teacherParams',
    '--teacher-params <n>',
    'distill: teacher parameters, e.g. 70B (teacher generation = 2 x N_teacher x D)',
  ),
  generationMfu: settingOption(
    'generationMfu',
    '--generation-mfu <f>',
    'MFU of generation (rl rollouts, distill teacher, generate), 0-1 (default: an assumption, 10%)',
  ),
  withBase: toggle('--with-base', "also estimate the run's base run (base: in its run file), stated apart, never summed into it"),
  price: settingOption('price', '--price <usd>', 'USD per GPU-hour, overrides the preset price'),
  priceSource: priceSourceOption(),
  maxCost: option(
    '--max-cost <usd>',
    'exit 1 when a run costs more (rental USD), e.g. 2e6; the check is in the output (JSON checks[])',
    (flag) => num({ flag }),
  ),
  maxCostAt: option(
    '--max-cost-at <at>',
    'which figure --max-cost holds to the limit: central (default) or high (the top of the rental range)',
    (flag) => oneOf(flag, MAX_COST_AT),
  ),
  strict: toggle('--strict', 'exit 1 when an audit of reported GPU-hours is impossible or implausible (implied MFU)'),
  region: option('--region <id>', 'energy region: grid CO2, electricity price, PUE (us, china, eu, world, ...; default us)', wordList),
  pue: settingOption('pue', '--pue <n>', "power usage effectiveness, 1-3 (default: the region's)"),
  electricityPrice: settingOption('electricityPrice', '--electricity-price <usd>', "USD per kWh (default: the region's industrial price)"),
  gridIntensity: settingOption('gridIntensity', '--grid-intensity <g>', "grid carbon intensity, g CO2 per kWh (default: the region's)"),
  purchasePrice: settingOption(
    'purchasePrice',
    '--purchase-price <usd>',
    'purchase USD per chip, chip only (server cost added as Epoch AI does)',
  ),
  lifetimeYears: settingOption(
    'lifetimeYears',
    '--lifetime-years <y>',
    'hardware life for amortisation (default 3.1: Epoch AI depreciation)',
  ),
  utilization: settingOption('utilization', '--utilization <f>', 'share of the hardware life spent on useful work, 0-1 (default 1)'),
  date: option(
    '--date <d>',
    "training start, YYYY-MM or YYYY-MM-DD: prices and hardware value as of then (default: the run file's, else today)",
    (flag) => dateOption(flag),
  ),
  cloud: option(
    '--cloud <c>',
    `hyperscaler for --price-source epoch: ${CLOUDS.join(', ')} (default: from the run's organization, else aws)`,
    (flag) => oneOf(flag, CLOUDS),
  ),
  dollarYear: option(
    '--dollar-year <y>',
    "state every figure in this year's US dollars (PPI PCU518210518210, as Epoch AI); default: nominal",
    (flag) => num({ flag, integer: true }),
  ),
  maxPriceAge: always(
    '--max-price-age <age>',
    "warn when a preset price is older than this before the run's date: 12m, 90d, 2y, none (default 12m)",
    (flag) => ageOption(flag).prefault(DEFAULT_MAX_PRICE_AGE),
  ),
} satisfies OptionShape;
type EstimateOptions = OptionsOf<typeof estimateShape>;

/** The estimate's options and argument (the program's own: train-cost [runs...]). */
export function addEstimateOptions(cmd: Command): Command {
  return addOptions(cmd, estimateShape).argument('[runs...]', 'bundled run ids (train-cost runs), YAML run files, or - for stdin');
}

export async function runEstimate(ctx: CliContext, refs: string[], raw: Record<string, unknown>): Promise<void> {
  const plan = await planEstimate(ctx, refs, raw);
  const { opts, format } = plan;
  const gates = new GateTally();
  if (format === 'csv' || format === 'ndjson') {
    if (plan.grid) assertFinite(plan.lasts());
    const warnings = await streamRuns(ctx, plan.runs(), format, opts, gates);
    for (const w of warnings) warn(ctx, w);
  } else {
    const runs = wholeRuns(plan);
    const checks = runChecks(runs, opts);
    gates.add(checks, runs.length);
    ctx.out(renderEstimates(runs, format, { ...ctx.renderOptions(opts), checks, explain: opts.explain === true }), opts.out);
    reportWarnings(ctx, runs);
  }
  const failed = gates.message();
  if (failed !== null) throw new CheckFailed(failed);
}

/**
 * The runs the estimate command gives for these run references and flags, as its --format json
 * would (the same checks and errors), with their warnings on stderr: diff's run sides.
 */
export async function estimateRuns(ctx: CliContext, refs: string[], raw: Record<string, unknown>): Promise<RunEstimate[]> {
  const runs = wholeRuns(await planEstimate(ctx, refs, { ...raw, format: 'json' }));
  reportWarnings(ctx, runs);
  return runs;
}

/** What the command is asked, checked, with its runs still to estimate (a streamed grid keeps none). */
interface Plan {
  opts: EstimateOptions;
  format: EstimateFormat;
  /** More than one run per base: each named after the settings that vary. */
  grid: boolean;
  /** Every run, estimated one at a time. */
  runs(): Generator<RunEstimate>;
  /** The last run of each base (a range's largest values), checked before a streamed grid's first byte. */
  lasts(): RunEstimate[];
}

async function planEstimate(ctx: CliContext, refs: string[], raw: Record<string, unknown>): Promise<Plan> {
  const opts = parseOptions(estimateShape, raw);
  // Bare `train-cost` (at most --format, --no-color...): a short usage rather than "no gpu".
  const common: readonly string[] = COMMON_KEYS;
  if (
    refs.length === 0 &&
    Object.keys(estimateShape).every((k) => common.includes(k) || k === 'out' || k === 'explain' || raw[k] === undefined)
  )
    throw new UsageError(USAGE);
  const format = estimateFormatOf(opts);
  if (opts.maxCostAt !== undefined && opts.maxCost === undefined)
    throw new InputError('--max-cost-at needs --max-cost, e.g. --max-cost 2e6 --max-cost-at high');
  const dirs = ctx.presetDirs(opts);
  const catalog = {
    ...loadCatalog(dirs),
    today: ctx.today(),
    dollars: dollarBasis(opts.dollarYear),
    maxPriceAgeDays: opts.maxPriceAge,
  };
  const bases = await loadBases(ctx, refs, dirs);
  const axes = gridAxes(opts);
  const perBase = gridSize(axes);
  const grid = perBase > 1;
  const total = bases.length * perBase;
  const streamed = format === 'csv' || format === 'ndjson';
  if (total > MAX_GRID_RUNS)
    throw new InputError(`the comparison has ${fmtNumber(total)} runs, more than ${fmtNumber(MAX_GRID_RUNS)}: narrow the lists or ranges`);
  if (!streamed && total > MAX_WHOLE_RUNS)
    throw new InputError(
      `the comparison has ${fmtNumber(total)} runs, more than ${fmtNumber(MAX_WHOLE_RUNS)} for --format ${format}: use --format ndjson or --format csv, which write run by run (up to ${fmtNumber(MAX_GRID_RUNS)} runs)`,
    );

  const lineage = lineageContext(catalog, dirs);
  const development = toDevelopment(opts);
  const specOptions = {
    grid,
    withBase: opts.withBase === true,
    develop: (run: RunEstimate) => applyDevelopment(run, development),
  };
  const estimateOne = (base: RunSpec, o: Overrides): RunEstimate => estimateSpec(base, o, lineage, specOptions);

  // What can be refused is refused before the first byte: the first run of each base (the base
  // runs it names), and for a streamed grid also the last (a range's largest values).
  const firsts = bases.map((b) => estimateOne(b, firstCombo(axes)));
  if (opts.withBase && firsts.every((r) => r.baseId === null))
    throw new InputError(
      `--with-base: ${total > 1 ? 'no run names' : `"${firsts[0]!.name}" names no`} base run (base: deepseek-v3 in a run file names one)`,
    );
  assertFinite(firsts);
  return {
    opts,
    format,
    grid,
    *runs() {
      for (const base of bases) for (const o of combinations(axes)) yield estimateOne(base, o);
    },
    lasts: () => bases.map((b) => estimateOne(b, lastCombo(axes))),
  };
}

/** Every run of a format written whole, checked for non-finite figures before anything is written. */
function wholeRuns(plan: Plan): RunEstimate[] {
  const runs = [...plan.runs()];
  assertFinite(runs);
  return runs;
}

/**
 * CSV and NDJSON, run by run: each run is estimated, checked and written before the next (the
 * context's stream gathers lines into ~64 KB chunks and waits until the output takes each), so
 * memory stays flat however many runs. Returns the warnings to tell on stderr (CSV: all; NDJSON: stale prices, as JSON).
 */
async function streamRuns(
  ctx: CliContext,
  runs: Iterable<RunEstimate>,
  format: 'csv' | 'ndjson',
  opts: EstimateOptions,
  gates: GateTally,
): Promise<Set<string>> {
  const writer = ctx.stream(opts.out);
  const warnings = new Set<string>();
  try {
    const csv = format === 'csv' ? csvWriter() : null;
    if (csv !== null) await writer.write(csv.header);
    for (const run of runs) {
      const checks = runChecks([run], opts);
      gates.add(checks, 1);
      // Warnings go to stderr in every format, each once.
      for (const w of run.warnings) warnings.add(describeWarning(w));
      if (!(await writer.write(lineOf(run, csv, checks)))) break;
    }
  } catch (e) {
    writer.abort();
    throw e;
  }
  await writer.end();
  return warnings;
}

/**
 * A run's CSV lines or NDJSON line. Both writers refuse a non-finite number; the run is then
 * searched for it, for the error that names it (huge inputs that overflow are bad input). What a
 * streamed format writes is checked as it is written: a figure it does not show cannot reach it.
 * (The first and last run of a grid are checked whole before the first byte, as every format's are.)
 */
function lineOf(run: RunEstimate, csv: ReturnType<typeof csvWriter> | null, checks: readonly GateCheck[]): string {
  try {
    return csv !== null ? csv.run(run) : ndjsonLine(run, checks);
  } catch (e) {
    assertFinite(run);
    throw e;
  }
}

/** --dollar-year: the bundled price index and the year; null (nominal) without it. */
function dollarBasis(year: number | undefined): DollarBasis | null {
  if (year === undefined) return null;
  const index = loadPriceIndex();
  checkDollarYear(index, year);
  return { year, index };
}

async function loadBases(ctx: CliContext, refs: string[], dirs: string[]): Promise<RunSpec[]> {
  if (refs.length === 0) return [{ run: flagsOnlyRun(), fromFlags: true }];
  if (refs.filter((r) => r === '-').length > 1) throw new InputError('- (stdin) can be given only once');
  const stdin = refs.includes('-') ? await ctx.readStdin('run file', MAX_YAML_BYTES) : '';
  return refs.map((ref) => ({
    run: (ref === '-' ? parseRunText(stdin, '<stdin>') : resolveRunOrHint(ref, dirs)).run,
    fromFlags: false,
  }));
}

function resolveRunOrHint(ref: string, dirs: string[]): LoadedRun {
  try {
    return resolveRunRef(ref, dirs);
  } catch (e) {
    const command = e instanceof InputError && !looksLikePath(ref) ? closest(ref, COMMAND_NAMES) : null;
    if (command !== null)
      throw new InputError(`unknown run or command "${ref}"; did you mean the command "${command}"? (train-cost --help lists them)`);
    throw e;
  }
}

/** The list-valued flags as the axes of a grid, in the order given (the first value is the baseline). */
function gridAxes(opts: EstimateOptions): Record<string, readonly unknown[]> {
  const axes: Record<string, readonly unknown[]> = {};
  for (const k of OVERRIDE_KEYS) {
    const v: unknown = opts[k as keyof EstimateOptions];
    if (v !== undefined) axes[k] = Array.isArray(v) ? v : [v];
  }
  return axes;
}

const firstCombo = (axes: Record<string, readonly unknown[]>) =>
  Object.fromEntries(Object.entries(axes).map(([k, v]) => [k, v[0]])) as Overrides;
const lastCombo = (axes: Record<string, readonly unknown[]>) =>
  Object.fromEntries(Object.entries(axes).map(([k, v]) => [k, v[v.length - 1]])) as Overrides;
