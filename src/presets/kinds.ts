// Which schema a preset file follows, by where it sits: gpus/*.yaml, runs/*.yaml, prices/*.yaml
// (price sheets of `prices import`), regions.yaml, mfu-model.yaml. Used by the build (to validate the bundled presets) and by `validate`.
import { basename, dirname } from 'node:path';
import { mfuModelSchema } from './mfu.js';
import { MAX_YAML_BYTES, readInputFile } from '../input/read.js';
import { priceIndexSchema } from './price-index.js';
import { parseYamlData } from './load.js';
import { gpuSchema, priceSheetSchema, regionsSchema, runSchema } from './schema.js';
import { thresholdsSchema } from './thresholds.js';

export const PRESET_SCHEMAS = {
  gpu: gpuSchema,
  run: runSchema,
  regions: regionsSchema,
  'mfu-model': mfuModelSchema,
  thresholds: thresholdsSchema,
  'price-index': priceIndexSchema,
  'price-sheet': priceSheetSchema,
} as const;
export type PresetKind = keyof typeof PRESET_SCHEMAS;

/** A file's kind: by its folder (gpus/, runs/) or name (regions.yaml, mfu-model.yaml), else by its keys. */
export function presetKindOf(file: string): PresetKind {
  const folder = basename(dirname(file));
  if (folder === 'gpus') return 'gpu';
  if (folder === 'runs') return 'run';
  if (folder === 'price-index') return 'price-index';
  if (folder === 'prices') return 'price-sheet';
  if (/^regions\.ya?ml$/.test(basename(file))) return 'regions';
  if (/^mfu-model\.ya?ml$/.test(basename(file))) return 'mfu-model';
  if (/^thresholds\.ya?ml$/.test(basename(file))) return 'thresholds';
  let data: unknown;
  try {
    data = parseYamlData(readInputFile(file, 'preset file', MAX_YAML_BYTES), file);
  } catch {
    // Unreadable or invalid YAML: the run loader reports it, with its line.
    return 'run';
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    if (Object.hasOwn(data, 'peakTflops')) return 'gpu';
    if (Object.hasOwn(data, 'regions')) return 'regions';
    if (Object.hasOwn(data, 'thresholds')) return 'thresholds';
  }
  return 'run';
}
