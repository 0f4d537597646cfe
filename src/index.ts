// Library API (package "train-cost"). estimate() is the high-level call; below it, the estimation
// core, the preset loaders and the renderers. Its declarations (dist/index.d.ts) are written by
// scripts/dts.mjs with every type spelled out, so a consumer needs no zod or other build-time
// package: keep what is exported here to plain data and functions.
export { estimate, type EstimateInput, type EstimateSettings, type RunEstimateJson, type RunFile } from './api.js';
export { InputError } from './errors.js';
export { estimatePhase, estimateRun } from './core/estimate.js';
export { estimateBudget, type BudgetInput } from './core/budget.js';
export * from './core/types.js';
export { loadGpus, findGpu, choosePrice } from './presets/gpus.js';
export { loadRegions, type Regions } from './presets/regions.js';
export { loadRuns, resolveRunRef, type LoadedRun } from './presets/runs.js';
export { loadMfuProvider } from './presets/mfu.js';
export { bundledPresetsDir } from './presets/load.js';
export type { GpuPreset, RegionPreset, RunPreset } from './presets/schema.js';
export { renderEstimates, FORMATS, type Format, ESTIMATE_FORMATS, type EstimateFormat } from './output/render.js';
export { SCHEMA_VERSION } from './output/json.js';
export { jsonSchemaOf, type SchemaKind } from './output/schemas.js';
