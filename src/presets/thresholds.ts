// Regulatory compute thresholds (presets/thresholds.yaml): each folder's file adds or replaces
// thresholds by id.
import { z } from 'zod';
import type { ComputeThreshold } from '../core/thresholds.js';
import { readPresetFile, lastPresetFile } from './load.js';
import { lazy } from '../lazy.js';
import { ID_PATTERN } from './schema.js';

const id = lazy(() =>
z.string().regex(ID_PATTERN, 'must be lowercase letters, digits, "." or "-"'),
);

export const thresholdsSchema = lazy(() =>
z.strictObject({
  thresholds: z.array(
    z.strictObject({
      id,
      name: z.string().min(3),
      flop: z.number().positive().finite(),
      status: z.string().min(3, 'must say whether the rule is in force'),
      source: z.string().min(3, 'must name where the figure comes from'),
    }),
  ),
}),
);

export function loadThresholds(presetDirs: readonly string[]): ComputeThreshold[] {
  const byId = new Map<string, ComputeThreshold>();
  for (const dir of presetDirs) {
    const file = lastPresetFile([dir], 'thresholds.yaml');
    if (file === null) continue;
    for (const t of readPresetFile(file, thresholdsSchema).thresholds) byId.set(t.id, t);
  }
  return [...byId.values()];
}
