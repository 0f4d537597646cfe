// One pipeline from what the user wrote to a run's estimate, for the estimate command (and diff's
// run sides) and the library's estimate() alike: the catalog and the lineage context read from
// the preset folders, then a run (a run file's, or the one flags alone describe) with settings on
// top, named, estimated, and its base runs counted toward the compute thresholds.
import { estimateRun } from './core/estimate.js';
import type { RunEstimate } from './core/types.js';
import { describeFlagsRun } from './output/run-name.js';
import { loadGpus } from './presets/gpus.js';
import { bundledPresetsDir } from './presets/load.js';
import { type LineageContext, withBase } from './presets/lineage.js';
import { loadMfuProvider } from './presets/mfu.js';
import { loadRegions } from './presets/regions.js';
import { applyOverrides, type Catalog, type Overrides, toRunInput } from './presets/run-input.js';
import type { RunPreset } from './presets/schema.js';
import { loadThresholds } from './presets/thresholds.js';

// The bundled GPUs and regions alone are read once per process; with a user's folders, all are
// read on every call (the user's files may change).
let bundled: PresetCatalog | undefined;

/** The GPUs and regions of a catalog. */
type PresetCatalog = Pick<Catalog, 'gpus' | 'regions'>;

/** The GPUs and regions of the preset folders (the bundled ones first); the caller adds what runs are estimated as of. */
export function loadCatalog(dirs: readonly string[]): PresetCatalog {
  if (dirs.length === 1 && dirs[0] === bundledPresetsDir()) return (bundled ??= { gpus: loadGpus(dirs), regions: loadRegions(dirs) });
  return { gpus: loadGpus(dirs), regions: loadRegions(dirs) };
}

/** What estimating a run needs beyond its catalog: the MFU model and the thresholds its lineage is held to. */
export function lineageContext(catalog: Catalog, dirs: string[]): LineageContext {
  return { catalog, dirs, mfu: loadMfuProvider(dirs), thresholds: loadThresholds(dirs) };
}

/** A run to estimate: a run file's, or the one flags alone describe (flagsOnlyRun()). */
export interface RunSpec {
  run: RunPreset;
  /** Flags alone describe it: its errors name no run, and it is named by what was asked (describeFlagsRun). */
  fromFlags: boolean;
  /** A name of its own for a run of flags alone (the library's `name`). */
  name?: string;
}

export interface SpecOptions {
  /** One run of a grid: a run file's run is named "name (key value, ...)" after the settings that vary. */
  grid?: boolean;
  /** Attach the base run, stated apart (--with-base). */
  withBase?: boolean;
  /** What follows the run's own estimate, before its lineage (the CLI's development cost). */
  develop?: (run: RunEstimate) => RunEstimate;
}

/** The run with the settings on top, named, estimated, and its base runs counted. */
export function estimateSpec(spec: RunSpec, o: Overrides, ctx: LineageContext, opts: SpecOptions = {}): RunEstimate {
  const run = applyOverrides(spec.run, o);
  const name = spec.fromFlags ? (spec.name ?? describeFlagsRun(run)) : opts.grid === true ? `${run.name} (${describeCombo(o)})` : run.name;
  const estimate = estimateRun(toRunInput({ ...run, name }, ctx.catalog, spec.fromFlags), ctx.mfu);
  return withBase(opts.develop === undefined ? estimate : opts.develop(estimate), run, o, ctx, opts.withBase === true);
}

function describeCombo(o: Overrides): string {
  return Object.entries(o)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
}
