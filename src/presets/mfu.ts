// The calibrated MFU model (presets/mfu-model.yaml, fitted by src/core/mfu.ts on the bundled
// published runs), loaded only when a workload needs it.
import { type MfuModel, predictMfu } from '../core/mfu.js';
import type { MfuProvider } from '../core/types.js';
import { lastPresetFile, readPresetFile } from './load.js';
import { mfuModelSchema } from './mfu-schema.js';

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
