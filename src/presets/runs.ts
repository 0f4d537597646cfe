// Run files: bundled runs by id, a user's YAML file, or YAML text read from stdin.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closest, InputError } from '../errors.js';
import { fileStem, parseYaml, readPresetFile, yamlFilesIn } from './load.js';
import { runSchema, type RunPreset } from './schema.js';

export interface LoadedRun {
  id: string;
  run: RunPreset;
}

/** Every run of runs/*.yaml in the folders; a later folder's run replaces an earlier one with the same id. */
export function loadRuns(presetDirs: readonly string[]): LoadedRun[] {
  const byId = new Map<string, LoadedRun>();
  for (const dir of presetDirs) {
    for (const file of yamlFilesIn(join(dir, 'runs'))) {
      const run = readPresetFile(file, runSchema);
      const id = run.id ?? fileStem(file);
      byId.set(id, { id, run });
    }
  }
  return [...byId.values()];
}

export function looksLikePath(ref: string): boolean {
  return /\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\');
}

/** A positional run argument: a YAML path, or the id of a bundled (or --presets) run. */
export function resolveRunRef(ref: string, presetDirs: readonly string[]): LoadedRun {
  if (looksLikePath(ref) || existsSync(ref)) {
    if (!existsSync(ref)) throw new InputError(`run file not found: ${ref}`);
    const run = readPresetFile(ref, runSchema);
    return { id: run.id ?? fileStem(ref), run };
  }
  const runs = loadRuns(presetDirs);
  const hit = runs.find((r) => r.id === ref.toLowerCase());
  if (hit) return hit;
  const ids = runs.map((r) => r.id);
  const guess = closest(ref, ids);
  throw new InputError(
    `unknown run "${ref}"${guess ? `; did you mean "${guess}"?` : ''} (a YAML file path, - for stdin, or one of: ${ids.join(', ')})`,
  );
}

export function parseRunText(text: string, label: string): LoadedRun {
  const run = parseYaml(text, label, runSchema);
  return { id: run.id ?? 'stdin', run };
}
