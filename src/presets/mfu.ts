// The calibrated MFU model (presets/mfu-model.yaml, fitted by src/core/mfu.ts on the bundled
// published runs), loaded only when a workload needs it.
import { z } from 'zod';
import { HOLDOUT_GROUPS, MFU_FEATURES, type MfuModel, predictMfu } from '../core/mfu.js';
import type { MfuProvider } from '../core/types.js';
import { lastPresetFile, readPresetFile } from './load.js';
import { lazy } from '../lazy.js';

const finite = lazy(() =>
z.number().finite(),
);
const levels = lazy(() =>
z.strictObject({ accelerator: finite, family: finite, pooled: finite }),
);

export const mfuModelSchema = lazy(() =>
z.strictObject({
  source: z.string().min(3),
  model: z.strictObject({
    version: z.literal(2),
    refParams: finite.positive(),
    sizeRange: z.tuple([finite.positive(), finite.positive()]),
    intercept: finite,
    slope: finite,
    families: z.record(z.string(), z.strictObject({ offset: finite, slope: finite, observations: z.number().int() })),
    accelerators: z.record(z.string(), z.strictObject({ offset: finite, observations: z.number().int() })),
    precisions: z.record(z.string(), finite),
    features: z.partialRecord(z.enum([...MFU_FEATURES, 'chipsUnknown']), finite),
    yearRange: z.tuple([z.number().int(), z.number().int()]),
    ageRange: z.tuple([finite.nonnegative(), finite.nonnegative()]).optional(),
    band: z.strictObject({
      level: finite.gt(0).lt(1),
      low: finite,
      high: finite,
      scale: z.strictObject({ reported: finite, derived: finite, 'upper-bound': finite, assumption: finite }),
      widen: levels,
    }),
    options: z.strictObject({
      slopePenalty: finite,
      familyPenalty: finite,
      familySlopePenalty: finite,
      acceleratorPenalty: finite,
      precisionPenalty: finite,
      bandQuantiles: z.tuple([finite, finite]),
      huberDelta: finite,
      scaleShrink: finite,
      features: z.array(z.enum(MFU_FEATURES)),
      featurePenalty: finite,
      bandGroups: z.enum(HOLDOUT_GROUPS),
    }),
    observations: z.number().int(),
  })
  // An age feature is read within the ages the fit saw: without them it could never apply.
  .refine((m) => m.ageRange !== undefined || (m.features.age === undefined && m.features.logAge === undefined), {
    message: 'an age feature (age, logAge) needs ageRange, the chip ages the model was fitted on',
    path: ['ageRange'],
  }),
}),
);

/** The last mfu-model.yaml among the preset folders (a user's replaces the bundled one). */
export function loadMfuModel(presetDirs: readonly string[]): MfuModel {
  const file = lastPresetFile(presetDirs, 'mfu-model.yaml');
  if (file === null) throw new Error('presets/mfu-model.yaml is missing from the package');
  const model = readPresetFile(file, mfuModelSchema).model as MfuModel;
  // Looked up by gpu id and family: only the file's own entries, never Object.prototype's ("constructor").
  return { ...model, families: ownOnly(model.families), accelerators: ownOnly(model.accelerators), precisions: ownOnly(model.precisions) };
}

function ownOnly<T extends object>(record: T): T {
  return Object.assign(Object.create(null) as T, record);
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
