// The calibrated MFU model (presets/mfu-model.yaml, fitted by src/core/mfu.ts on the bundled
// published runs), loaded only when a workload needs it.
import { z } from 'zod';
import { type MfuModel, predictMfu } from '../core/mfu.js';
import type { MfuProvider } from '../core/types.js';
import { lastPresetFile, readPresetFile } from './load.js';

const finite = z.number().finite();
const levels = z.strictObject({ accelerator: finite, family: finite, pooled: finite });

export const mfuModelSchema = z.strictObject({
  source: z.string().min(3),
  model: z.strictObject({
    version: z.literal(1),
    refParams: finite.positive(),
    sizeRange: z.tuple([finite.positive(), finite.positive()]),
    intercept: finite,
    slope: finite,
    families: z.record(z.string(), z.strictObject({ offset: finite, slope: finite, observations: z.number().int() })),
    accelerators: z.record(z.string(), z.strictObject({ offset: finite, observations: z.number().int() })),
    precisions: z.record(z.string(), finite),
    band: z.strictObject({
      low: finite,
      high: finite,
      scale: z.strictObject({ reported: finite, derived: finite, 'upper-bound': finite, assumption: finite }),
      widen: levels,
    }),
    options: z.strictObject({
      familyPenalty: finite,
      familySlopePenalty: finite,
      acceleratorPenalty: finite,
      precisionPenalty: finite,
      bandQuantiles: z.tuple([finite, finite]),
      huberDelta: finite,
      scaleShrink: finite,
    }),
    observations: z.number().int(),
  }),
});

/** The last mfu-model.yaml among the preset folders (a user's replaces the bundled one). */
export function loadMfuModel(presetDirs: readonly string[]): MfuModel {
  const file = lastPresetFile(presetDirs, 'mfu-model.yaml');
  if (file === null) throw new Error('presets/mfu-model.yaml is missing from the package');
  return readPresetFile(file, mfuModelSchema).model as MfuModel;
}

/**
 * MFU for a workload: a gpu preset's own `mfu` band for the precision when it has one (a user's
 * measured figure for their accelerator), else the calibrated model, loaded on first use.
 */
export function loadMfuProvider(presetDirs: readonly string[]): MfuProvider {
  let model: MfuModel | undefined;
  return (q) => {
    const own = q.gpu.mfu?.[q.precision];
    if (own !== undefined) return { band: own, basis: 'preset' };
    return predictMfu((model ??= loadMfuModel(presetDirs)), q);
  };
}
