// The library's high-level call: estimate(input) takes what a run file or the command line says,
// resolves the bundled presets (and the caller's folders), and returns the run as the CLI's JSON
// gives it (`runs[0]` of `train-cost ... --format json`). Bad input throws InputError with the
// line the CLI prints.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { assertFinite } from './input/finite.js';
import { today } from './input/today.js';
import { estimateRun } from './core/estimate.js';
import { InputError } from './errors.js';
import { flagName } from './input/flags.js';
import { type NumberRule, parseOne } from './input/list.js';
import type { outputSchema } from './output/contract.js';
import { runToJson } from './output/json.js';
import { describeFlagsRun } from './output/run-name.js';
import { loadGpus } from './presets/gpus.js';
import { bundledPresetsDir, describeIssuePath } from './presets/load.js';
import { loadMfuProvider } from './presets/mfu.js';
import { loadRegions } from './presets/regions.js';
import { withBase } from './presets/lineage.js';
import { loadThresholds } from './presets/thresholds.js';
import { applyOverrides, type Catalog, flagsOnlyRun, type Overrides, toRunInput } from './presets/run-input.js';
import { PRECISIONS, runSchema, WORKLOAD_KINDS, type RunPreset } from './presets/schema.js';

/** One run of the JSON output (`runs[0]` of `--format json`, schemaVersion 1). */
export type RunEstimateJson = z.output<typeof outputSchema>['runs'][number];

/** A run file's contents (presets/runs/*.yaml, `train-cost schema run`). */
export type RunFile = z.input<typeof runSchema>;

/** Settings the command line takes as flags (--gpu, --chips, --hours...), one value each; numbers may be written "37B", "14.8T". */
export interface EstimateSettings {
  gpu?: string;
  chips?: number | string;
  hours?: number | string;
  days?: number | string;
  gpuHours?: number | string;
  params?: number | string;
  activeParams?: number | string;
  tokens?: number | string;
  flops?: number | string;
  mfu?: number | string;
  precision?: RunPreset['precision'];
  kind?: 'train' | 'generate';
  price?: number | string;
  priceSource?: string;
  region?: string;
  pue?: number | string;
  electricityPrice?: number | string;
  gridIntensity?: number | string;
  purchasePrice?: number | string;
  lifetimeYears?: number | string;
  utilization?: number | string;
}

/**
 * What estimate() takes: flag-like settings alone (`{gpu: 'h800', chips: 512, hours: 80}`, as
 * `train-cost --gpu h800 --chips 512 --hours 80`), or a run file with `phases` and, on top, the
 * settings a flag would override. `presets`: extra preset folders (gpus/, runs/, regions.yaml),
 * later ones overriding earlier ones, all after the bundled presets.
 */
export type EstimateInput =
  (EstimateSettings & { name?: string; presets?: string[] }) | (RunFile & EstimateSettings & { presets?: string[] });

// How each numeric setting is checked: the rules of the CLI's flags (src/cli/commands/estimate.ts).
const NUMBER_RULES: Record<string, Omit<NumberRule, 'flag'>> = {
  chips: { integer: true },
  hours: {},
  days: {},
  gpuHours: {},
  params: {},
  activeParams: {},
  tokens: {},
  flops: {},
  mfu: { max: 1 },
  price: {},
  pue: { min: 1 },
  electricityPrice: { allowZero: true },
  gridIntensity: { allowZero: true },
  purchasePrice: {},
  lifetimeYears: {},
  utilization: { max: 1 },
};
const WORD_SETTINGS = ['gpu', 'priceSource', 'region'] as const;
const CHOICES = { precision: PRECISIONS, kind: WORKLOAD_KINDS } as const;
/** Settings a run file has no top-level key for: with `phases`, they override a single phase. */
const PHASE_SETTINGS = ['hours', 'days', 'gpuHours', 'params', 'activeParams', 'tokens', 'flops', 'kind'] as const;

/** Estimate one run. `(await estimate({gpu: 'h800', chips: 512, hours: 80})).gpuHours === 40960`. */
export async function estimate(input: EstimateInput): Promise<RunEstimateJson> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InputError('estimate() takes an object such as {gpu: "h800", chips: 512, hours: 80}');
  const { presets, ...rest } = input as Record<string, unknown> & { presets?: unknown };
  const dirs = presetDirs(presets);
  const catalog = loadCatalog(dirs);
  const fromFlags = rest.phases === undefined;
  let spec: RunPreset;
  if (fromFlags) {
    const { name, ...settings } = rest;
    if (name !== undefined && typeof name !== 'string') throw new InputError('name must be a string');
    const overrides = toOverrides(settings);
    const run = applyOverrides(flagsOnlyRun(), overrides);
    spec = { ...run, name: name ?? describeFlagsRun(run) };
  } else {
    const file: Record<string, unknown> = {};
    const settings: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) ((PHASE_SETTINGS as readonly string[]).includes(k) ? settings : file)[k] = v;
    spec = applyOverrides(parseRunFile(file), toOverrides(settings));
  }
  const mfu = loadMfuProvider(dirs);
  // As the CLI does: the run, then its lineage (a base's compute counts toward the thresholds).
  const run = withBase(
    estimateRun(toRunInput(spec, catalog, fromFlags), mfu),
    spec,
    {},
    { catalog, dirs, mfu, thresholds: loadThresholds(dirs) },
    false,
  );
  assertFinite([run]); // as the CLI checks its list of runs: the same message
  // The run's JSON text read back: what --format json gives, as plain data of its own.
  return runToJson(run);
}

/** The settings, checked as the CLI checks its flags (same messages). */
function toOverrides(settings: Record<string, unknown>): Overrides {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    const rule = NUMBER_RULES[key];
    if (rule !== undefined) {
      if (typeof value !== 'number' && typeof value !== 'string')
        throw new InputError(`${key} must be a number, got ${JSON.stringify(value)}`);
      out[key] = parseOne(String(value), { ...rule, flag: flagName(key) });
    } else if ((WORD_SETTINGS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value.trim() === '') throw new InputError(`${flagName(key)} needs a value`);
      out[key] = value;
    } else if (key === 'precision' || key === 'kind') {
      const v = String(value).trim().toLowerCase();
      const values: readonly string[] = CHOICES[key];
      if (!values.includes(v)) throw new InputError(`unknown ${flagName(key)} "${String(value)}"; use one of: ${values.join(', ')}`);
      out[key] = v;
    } else {
      throw new InputError(
        `unknown setting "${key}"; use ${[...Object.keys(NUMBER_RULES), ...WORD_SETTINGS, 'precision', 'kind', 'name', 'presets'].join(', ')}, or a run file with phases`,
      );
    }
  }
  return out as Overrides;
}

function parseRunFile(data: Record<string, unknown>): RunPreset {
  const result = runSchema.safeParse({ name: 'run', ...data }, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(`run: ${describeIssuePath(result.error.issues[0]!)}`);
}

function presetDirs(presets: unknown): string[] {
  if (presets === undefined) return [bundledPresetsDir()];
  if (!Array.isArray(presets) || presets.some((d) => typeof d !== 'string')) throw new InputError('presets must be a list of folders');
  const user = (presets as string[]).map((d) => resolve(d));
  for (const dir of user)
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new InputError(`preset folder not found: ${dir} (presets takes folders with gpus/, runs/ or regions.yaml)`);
  return [bundledPresetsDir(), ...user];
}

// The bundled presets are read once per process; a caller's folders on every call (they may change).
let bundled: Pick<Catalog, 'gpus' | 'regions'> | undefined;
function loadCatalog(dirs: string[]): Catalog {
  const load = () => ({ gpus: loadGpus(dirs), regions: loadRegions(dirs) });
  // Runs without a date are dated today (TRAIN_COST_TODAY fixes it), as on the command line: read on
  // every call, so a long-lived process moves with the calendar.
  return { ...(dirs.length === 1 ? (bundled ??= load()) : load()), today: today(process.env) };
}
