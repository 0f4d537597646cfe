// Energy regions (presets/regions.yaml): the last folder that has one wins.
import { closest, InputError } from '../errors.js';
import { lastPresetFile, readPresetFile } from './load.js';
import { type RegionPreset, type RegionsPreset, regionsSchema } from './schema.js';

export function loadRegions(presetDirs: readonly string[]): RegionsPreset {
  const file = lastPresetFile(presetDirs, 'regions.yaml');
  if (file === null) throw new Error('presets/regions.yaml is missing from the package');
  return readPresetFile(file, regionsSchema);
}

export function findRegion(regions: RegionsPreset, name: string): RegionPreset & { id: string } {
  const key = name.trim().toLowerCase();
  const hit = regions.regions[key];
  if (hit) return { ...hit, id: key };
  const ids = Object.keys(regions.regions);
  const guess = closest(key, ids);
  throw new InputError(`unknown region "${name}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${ids.join(', ')})`);
}
