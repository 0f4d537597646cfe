// Energy regions (presets/regions.yaml): each folder's regions.yaml adds or replaces regions by
// id, and may change the default.
import { join } from 'node:path';
import { closest, InputError } from '../errors.js';
import { quote } from '../input/excerpt.js';
import { displayPath, lastPresetFile, readPresetFile } from './load.js';
import { type RegionPreset, regionsSchema } from './schema.js';

export interface Regions {
  default: string;
  defaultReason: string;
  regions: Record<string, RegionPreset>;
}

export function loadRegions(presetDirs: readonly string[]): Regions {
  let merged: Partial<Regions> & { regions: Record<string, RegionPreset> } = { regions: {} };
  for (const dir of presetDirs) {
    const file = lastPresetFile([dir], 'regions.yaml');
    if (file === null) continue;
    const r = readPresetFile(file, regionsSchema);
    merged = {
      ...merged,
      ...(r.default !== undefined ? { default: r.default, defaultReason: r.defaultReason! } : {}),
      regions: { ...merged.regions, ...r.regions },
    };
    if (merged.default !== undefined && !Object.hasOwn(merged.regions, merged.default))
      throw new InputError(`${displayPath(join(dir, 'regions.yaml'))}: default ${quote(merged.default)} is not one of the regions`);
  }
  if (merged.default === undefined || merged.defaultReason === undefined) throw new Error('presets/regions.yaml has no default region');
  return merged as Regions;
}

export function findRegion(regions: Regions, name: string): RegionPreset & { id: string } {
  const key = name.trim().toLowerCase();
  // Only the file's own regions: "__proto__" or "constructor" is no region.
  if (Object.hasOwn(regions.regions, key)) return { ...regions.regions[key]!, id: key };
  const ids = Object.keys(regions.regions);
  const guess = closest(key, ids);
  throw new InputError(`unknown region ${quote(name)}${guess ? `; did you mean "${guess}"?` : ''} (known: ${ids.join(', ')})`);
}
