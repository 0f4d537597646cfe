// The library's high-level call: estimate(input) takes what a run file or the command line says,
// resolves the bundled presets (and the caller's folders), and returns the run as the CLI's JSON
// gives it (`runs[0]` of `train-cost ... --format json`). Bad input throws InputError with the
// line the CLI prints.
import type { z } from 'zod';
import { estimateSpec, lineageContext, loadCatalog, type RunSpec } from './estimate-spec.js';
import { DEFAULT_MAX_PRICE_AGE, parseAge } from './input/age.js';
import { assertFinite } from './input/finite.js';
import { today } from './input/today.js';
import { InputError } from './errors.js';
import { flagName } from './input/flags.js';
import { parseOne } from './input/list.js';
import type { outputSchema } from './output/contract.js';
import { runToJson } from './output/json.js';
import { describeIssuePath, presetDirsOf } from './presets/load.js';
import { flagsOnlyRun, NUMBER_RULES, type Overrides, PER_PHASE } from './presets/run-input.js';
import { CLOUDS, PRECISIONS, runSchema, WORKLOAD_KINDS, type RunPreset } from './presets/schema.js';
import type { Cloud } from './core/prices.js';
import { parseDate } from './input/date.js';
import { parseChoice, parseWord } from './input/words.js';

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
  generationMfu?: number | string;
  precision?: RunPreset['precision'];
  kind?: (typeof WORKLOAD_KINDS)[number];
  trainableFraction?: number | string;
  teacherParams?: number | string;
  price?: number | string;
  priceSource?: string;
  region?: string;
  pue?: number | string;
  electricityPrice?: number | string;
  gridIntensity?: number | string;
  purchasePrice?: number | string;
  lifetimeYears?: number | string;
  utilization?: number | string;
  /** The training start, YYYY-MM or YYYY-MM-DD: prices and hardware value as of then (default today). */
  date?: string;
  /** The hyperscaler of priceSource 'epoch'. */
  cloud?: Cloud;
}

/**
 * What estimate() takes: flag-like settings alone (`{gpu: 'h800', chips: 512, hours: 80}`, as
 * `train-cost --gpu h800 --chips 512 --hours 80`), or a run file with `phases` and, on top, the
 * settings a flag would override. `presets`: extra preset folders (gpus/, runs/, regions.yaml),
 * later ones overriding earlier ones, all after the bundled presets.
 */
export type EstimateInput =
  (EstimateSettings & { name?: string; presets?: string[] }) | (RunFile & EstimateSettings & { presets?: string[] });

const WORD_SETTINGS = ['gpu', 'priceSource', 'region'] as const;
const CHOICES = { precision: PRECISIONS, kind: WORKLOAD_KINDS, cloud: CLOUDS } as const;
/** Settings a run file has no top-level key for: with `phases`, they override a single phase. */
const PHASE_SETTINGS: readonly string[] = [...PER_PHASE, 'params', 'activeParams'];

/** Estimate one run. `(await estimate({gpu: 'h800', chips: 512, hours: 80})).gpuHours === 40960`. */
export async function estimate(input: EstimateInput): Promise<RunEstimateJson> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InputError('estimate() takes an object such as {gpu: "h800", chips: 512, hours: 80}');
  const { presets, ...rest } = input as Record<string, unknown> & { presets?: unknown };
  const dirs = presetDirs(presets);
  // As on the command line: runs without a date are dated today (TRAIN_COST_TODAY fixes it), read
  // on every call so that a long-lived process moves with the calendar; stale prices are warned about.
  const catalog = {
    ...loadCatalog(dirs),
    today: today(process.env),
    dollars: null,
    maxPriceAgeDays: parseAge(DEFAULT_MAX_PRICE_AGE, '--max-price-age'),
  };
  let spec: RunSpec;
  let overrides: Overrides;
  if (rest.phases === undefined) {
    const { name, ...settings } = rest;
    if (name !== undefined && typeof name !== 'string') throw new InputError('name must be a string');
    overrides = toOverrides(settings);
    spec = { run: flagsOnlyRun(), fromFlags: true, ...(name !== undefined ? { name } : {}) };
  } else {
    const file: Record<string, unknown> = {};
    const settings: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) (PHASE_SETTINGS.includes(k) ? settings : file)[k] = v;
    const run = parseRunFile(file);
    overrides = toOverrides(settings);
    spec = { run, fromFlags: false };
  }
  // As the CLI does: the run, then its lineage (a base's compute counts toward the thresholds).
  const run = estimateSpec(spec, overrides, lineageContext(catalog, dirs));
  assertFinite([run]); // as the CLI checks its list of runs: the same message
  // The run's JSON text read back: what --format json gives, as plain data of its own.
  return runToJson(run);
}

/** The settings, checked as the CLI checks its flags (same messages). */
function toOverrides(settings: Record<string, unknown>): Overrides {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    if (Object.hasOwn(NUMBER_RULES, key)) {
      const rule = NUMBER_RULES[key as keyof typeof NUMBER_RULES];
      if (typeof value !== 'number' && typeof value !== 'string')
        throw new InputError(`${key} must be a number, got ${JSON.stringify(value)}`);
      out[key] = parseOne(String(value), { ...rule, flag: flagName(key) });
    } else if ((WORD_SETTINGS as readonly string[]).includes(key)) {
      out[key] = parseWord(typeof value === 'string' ? value : '', flagName(key));
    } else if (key === 'date') {
      if (typeof value !== 'string') throw new InputError(`date must be a text such as "2024-12", got ${JSON.stringify(value)}`);
      out[key] = parseDate(value, flagName(key));
    } else if (key === 'precision' || key === 'kind' || key === 'cloud') {
      out[key] = parseChoice(String(value), flagName(key), CHOICES[key]);
    } else {
      throw new InputError(
        `unknown setting "${key}"; use ${[...Object.keys(NUMBER_RULES), ...WORD_SETTINGS, 'date', ...Object.keys(CHOICES), 'name', 'presets'].join(', ')}, or a run file with phases`,
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

function presetDirs(presets: unknown = []): string[] {
  if (!Array.isArray(presets) || presets.some((d) => typeof d !== 'string')) throw new InputError('presets must be a list of folders');
  return presetDirsOf(presets as string[], 'presets takes folders');
}
