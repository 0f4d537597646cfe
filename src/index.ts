// Library API: the estimation core, the preset schemas and loaders, the renderers.
export { estimatePhase, estimateRun } from './core/estimate.js';
export * from './core/types.js';
export { gpuSchema, runSchema, phaseSchema, priceSchema } from './presets/schema.js';
export { loadGpus, findGpu, choosePrice } from './presets/gpus.js';
export { loadRuns, resolveRunRef } from './presets/runs.js';
export { loadMfuProvider } from './presets/mfu.js';
export { bundledPresetsDir } from './presets/load.js';
export { renderEstimates, FORMATS, type Format } from './output/render.js';
export { SCHEMA_VERSION } from './output/json.js';
export { jsonSchemaOf, SCHEMA_KINDS, type SchemaKind } from './output/schemas.js';
export { outputSchema } from './output/contract.js';
export { estimateBudget } from './core/budget.js';
export { PRESET_SCHEMAS, presetKindOf, type PresetKind } from './presets/kinds.js';
export { readPresetFile } from './presets/load.js';
