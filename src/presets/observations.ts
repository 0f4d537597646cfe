// Calibration/backtest observations: from the bundled runs, or from a user's CSV or YAML file.
import { join } from 'node:path';
import { z } from 'zod';
import { FLOP_PER_PARAM_TOKEN } from '../core/compute.js';
import { BASIS_WEIGHTS, type MfuObservation, observationFromRun } from '../core/mfu.js';
import type { Precision } from '../core/types.js';
import { InputError } from '../errors.js';
import { quote } from '../input/excerpt.js';
import { parseCsv } from '../input/csv.js';
import { parseQuantity } from '../input/number.js';
import { MAX_YAML_BYTES, readInputFile } from '../input/read.js';
import { findGpu } from './gpus.js';
import { displayPath, lastPresetFile, parseYaml } from './load.js';
import { isPublishedRunsHeader, publishedRowsToObservations, type Skipped } from './published-csv.js';
import type { LoadedRun } from './runs.js';
import { GPU_HOURS_BASES, type GpuPreset, PRECISIONS, runSchema } from './schema.js';

/** Observations of runs whose gpu ids are resolved (aliases allowed) against the presets. */
export function observationsOfRuns(runs: readonly LoadedRun[], gpus: readonly GpuPreset[]): MfuObservation[] {
  return runs.flatMap(({ id, run }) => {
    const o = observationFromRun({ ...run, id });
    return o === null ? [] : [{ ...o, gpuId: findGpu(gpus, o.gpuId).id }];
  });
}

export const BACKTEST_CSV_COLUMNS = ['name', 'gpu', 'params', 'active_params', 'tokens', 'gpu_hours', 'precision', 'chips', 'basis'] as const;
const REQUIRED = ['name', 'gpu', 'tokens', 'gpu_hours'] as const;
/** Most runs in one backtest CSV: 10,000 take ~100 MB and under 2 s as JSON; 130,000 (4 MiB) took 420 MB. */
export const MAX_BACKTEST_ROWS = 10_000;

export interface ObservationsFile {
  observations: MfuObservation[];
  /** Rows that could not be backtested, with why (published-runs format only). */
  skipped: Skipped[];
}

/**
 * A user's backtest file: CSV with a header row, either BACKTEST_CSV_COLUMNS or the columns of the
 * published-runs reference table; or YAML (one run or a list of runs).
 */
export function readObservationsFile(file: string, gpus: readonly GpuPreset[]): ObservationsFile {
  const csv = /\.csv$/i.test(file);
  const text = csv ? readInputFile(file, 'backtest CSV') : readInputFile(file, 'backtest file', MAX_YAML_BYTES);
  if (csv) return csvObservations(text, displayPath(file), gpus);
  const runs = parseYaml(text, file, z.union([z.array(runSchema).min(1), runSchema]));
  const list = Array.isArray(runs) ? runs : [runs];
  const obs = observationsOfRuns(
    list.map((run, i) => ({ id: run.id ?? run.name ?? `run ${i + 1}`, run })),
    gpus,
  );
  if (obs.length === 0)
    throw new InputError(`${displayPath(file)}: no run has both a training workload (params and tokens) and GPU-hours (reported.gpuHours or a duration)`);
  return { observations: obs, skipped: [] };
}

function csvObservations(text: string, shown: string, gpus: readonly GpuPreset[]): ObservationsFile {
  const rows = parseCsv(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length - 1 > MAX_BACKTEST_ROWS)
    throw new InputError(
      `${shown}: ${(rows.length - 1).toLocaleString('en-US')} runs; a backtest file holds at most ${MAX_BACKTEST_ROWS.toLocaleString('en-US')}`,
    );
  if (rows.length < 2) throw new InputError(`${shown}: needs a header row and at least one run (columns: ${BACKTEST_CSV_COLUMNS.join(', ')})`);
  const header = rows[0]!.cells.map((h) => h.trim().toLowerCase());
  if (isPublishedRunsHeader(header)) return publishedRowsToObservations(header, rows.slice(1), shown, gpus);
  for (const h of header)
    if (!(BACKTEST_CSV_COLUMNS as readonly string[]).includes(h))
      throw new InputError(`${shown}:1: unknown column ${quote(h)}; columns are: ${BACKTEST_CSV_COLUMNS.join(', ')}`);
  for (const r of REQUIRED) if (!header.includes(r)) throw new InputError(`${shown}:1: missing column "${r}" (required: ${REQUIRED.join(', ')})`);
  if (!header.includes('params') && !header.includes('active_params'))
    throw new InputError(`${shown}:1: needs a "params" or "active_params" column`);

  const observations = rows.slice(1).map(({ cells, line }): MfuObservation => {
    const get = (col: string) => {
      const at = header.indexOf(col);
      const v = at < 0 ? '' : (cells[at] ?? '').trim();
      return v === '' ? null : v;
    };
    const number = (col: string) => {
      const v = get(col);
      if (v === null) return null;
      const n = parseQuantity(v.replace(/,/g, ''));
      if (n === null || n <= 0) throw new InputError(`${shown}:${line}: ${col}: expected a positive number, got ${quote(v)}`);
      return n;
    };
    const need = <T>(v: T | null, col: string): T => {
      if (v === null) throw new InputError(`${shown}:${line}: ${col} is empty`);
      return v;
    };
    const precision = get('precision')?.toLowerCase() ?? 'bf16';
    if (!(PRECISIONS as readonly string[]).includes(precision))
      throw new InputError(`${shown}:${line}: precision: unknown ${quote(precision)}; use one of: ${PRECISIONS.join(', ')}`);
    const basis = get('basis')?.toLowerCase() ?? 'reported';
    if (!(GPU_HOURS_BASES as readonly string[]).includes(basis))
      throw new InputError(`${shown}:${line}: basis: unknown ${quote(basis)}; use one of: ${GPU_HOURS_BASES.join(', ')}`);
    const gpu = findGpu(gpus, need(get('gpu'), 'gpu'));
    const active = number('active_params') ?? need(number('params'), 'params');
    const chips = number('chips');
    return {
      name: need(get('name'), 'name'),
      gpuId: gpu.id,
      precision: precision as Precision,
      activeParams: active,
      // Training workload: 6 x N_active x D (Kaplan et al. 2020).
      flop: FLOP_PER_PARAM_TOKEN.train * active * need(number('tokens'), 'tokens'),
      chips,
      gpuHours: need(number('gpu_hours'), 'gpu_hours'),
      weight: BASIS_WEIGHTS[basis as keyof typeof BASIS_WEIGHTS],
      basis: basis as keyof typeof BASIS_WEIGHTS,
    };
  });
  return { observations, skipped: [] };
}

/** A row of the calibration data left out of the fit, or corrected, with why (presets/calibration/treatment.csv). */
export interface Treated {
  name: string;
  action: 'exclude' | 'correct';
  reason: string;
  source: string;
}

export interface CalibrationData {
  /** The usable rows, corrections applied, weighted by basis x confidence. */
  observations: MfuObservation[];
  /** Rows without parameters, tokens, GPU-hours or a known accelerator. */
  skipped: Skipped[];
  /** Rows excluded or corrected, with their reasons. */
  treated: Treated[];
}

/**
 * The calibration set: every usable row of presets/calibration/published-runs.csv (a copy of the
 * reference table of published runs), with the exclusions and corrections of treatment.csv.
 */
export function loadCalibrationData(presetDirs: readonly string[], gpus: readonly GpuPreset[]): CalibrationData {
  const file = lastPresetFile(presetDirs, join('calibration', 'published-runs.csv'));
  const treatFile = lastPresetFile(presetDirs, join('calibration', 'treatment.csv'));
  if (file === null || treatFile === null) throw new Error('presets/calibration/ is missing from the package');
  const rows = parseCsv(readInputFile(file, 'calibration CSV')).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows[0]!.cells.map((h) => h.trim().toLowerCase());
  const { observations, skipped } = publishedRowsToObservations(header, rows.slice(1), displayPath(file), gpus);

  const trows = parseCsv(readInputFile(treatFile, 'calibration treatment CSV')).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const th = trows[0]!.cells.map((h) => h.trim());
  const treated: Treated[] = [];
  const byName = new Map(observations.map((o) => [o.name, o]));
  const out = new Map(observations.map((o) => [o.name, o as MfuObservation | null]));
  for (const { cells, line } of trows.slice(1)) {
    const get = (col: string) => (cells[th.indexOf(col)] ?? '').trim();
    const name = get('name');
    const o = byName.get(name);
    if (o === undefined) throw new Error(`${displayPath(treatFile)}:${line}: no usable row named "${name}"`);
    const action = get('action');
    if (action === 'exclude') out.set(name, null);
    else if (action === 'correct') {
      const hours = get('gpu_hours') === '' ? o.gpuHours : parseQuantity(get('gpu_hours'));
      const tokens = get('tokens') === '' ? o.flop / (FLOP_PER_PARAM_TOKEN.train * o.activeParams) : parseQuantity(get('tokens'));
      const basis = (get('gpu_hours_basis') || (o.basis ?? 'reported')) as keyof typeof BASIS_WEIGHTS;
      if (hours === null || tokens === null || !(basis in BASIS_WEIGHTS)) throw new Error(`${displayPath(treatFile)}:${line}: bad correction`);
      out.set(name, { ...o, gpuHours: hours, flop: FLOP_PER_PARAM_TOKEN.train * o.activeParams * tokens, basis, weight: (BASIS_WEIGHTS[basis] * o.weight) / BASIS_WEIGHTS[o.basis ?? 'reported'] });
    } else throw new Error(`${displayPath(treatFile)}:${line}: action must be exclude or correct, got "${action}"`);
    treated.push({ name, action, reason: get('reason'), source: get('source') });
  }
  return { observations: [...out.values()].filter((o) => o !== null), skipped, treated };
}
