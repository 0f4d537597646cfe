// Run files: bundled runs by id, a user's YAML file, or YAML text read from stdin.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closest, InputError } from '../errors.js';
import { quote } from '../input/excerpt.js';
import { MAX_YAML_BYTES, readInputFile } from '../input/read.js';
import { bundledPresetKey, bundledPresetsDir, fileStem, hasYamlPreset, parseYaml, readPresetFile, yamlFilesIn } from './load.js';
import { ID_PATTERN, runSchema, type RunPreset } from './schema.js';

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
  if (looksLikePath(ref) || existsSync(ref)) return readRunFile(ref);
  const own = ownFileRun(ref.toLowerCase(), presetDirs);
  if (own !== null) return own;
  const runs = loadRuns(presetDirs);
  // Ids are compared as strings against real entries only ("toString" is no run).
  const hit = runs.find((r) => r.id === ref.toLowerCase());
  if (hit) return hit;
  const ids = runs.map((r) => r.id);
  const guess = closest(ref, ids);
  throw new InputError(
    `unknown run ${quote(ref)}${guess ? `; did you mean "${guess}"?` : ''} (a YAML file path, - for stdin, or one of: ${ids.join(', ')})`,
  );
}

/**
 * A bundled run by the file of its name (runs/<id>.yaml, as every bundled run is filed), read
 * alone rather than every run file: null when there are other folders (a user's run may take the
 * id), no such file, or the file holds another id.
 */
function ownFileRun(id: string, presetDirs: readonly string[]): LoadedRun | null {
  if (presetDirs.length !== 1 || presetDirs[0] !== bundledPresetsDir() || !ID_PATTERN.test(id)) return null;
  const file = join(presetDirs[0], 'runs', `${id}.yaml`);
  if (!hasYamlPreset(file)) return null;
  const run = readPresetFile(file, runSchema);
  return (run.id ?? id) === id ? { id, run } : null;
}

/** A run file given by path: read from disk (bounded), unless it is one of the bundled runs/. */
export function readRunFile(file: string): LoadedRun {
  const key = bundledPresetKey(file);
  const run =
    key !== null && key.startsWith('runs/')
      ? readPresetFile(file, runSchema)
      : parseYaml(readInputFile(file, 'run file', MAX_YAML_BYTES), file, runSchema, { notThis: notARun });
  return { id: run.id ?? fileStem(file), run };
}

/** A run file on stdin, read with the same size limit as any file. */
export function parseRunText(text: string, label: string): LoadedRun {
  const run = parseYaml(text, label, runSchema, { notThis: notARun });
  return { id: run.id ?? 'stdin', run };
}

const OTHER_KINDS: [key: string, kind: string][] = [
  ['peakTflops', 'a gpu preset (gpus/*.yaml)'],
  ['regions', 'a regions preset (regions.yaml)'],
  ['refParams', 'the MFU model (mfu-model.yaml)'],
];

/** Why data that parsed as YAML is no run at all (another preset, a list, a scalar), or null to let the schema judge. */
export function notARun(data: unknown): string | null {
  const expected = 'a run file is a YAML mapping with a name and phases (train-cost schema run)';
  if (data === null || data === undefined) return null;
  if (Array.isArray(data)) return `not a run file: it holds a list; ${expected}`;
  if (typeof data !== 'object') return `not a run file: it holds a single value; ${expected}`;
  const keys = Object.keys(data);
  const model = (data as { model?: unknown }).model;
  const modelKeys = model !== null && typeof model === 'object' ? Object.keys(model) : [];
  for (const [key, kind] of OTHER_KINDS)
    if (keys.includes(key) || modelKeys.includes(key)) return `not a run file: it looks like ${kind}; ${expected}`;
  if (!keys.includes('name') && !keys.includes('phases')) return `not a run file: it has neither "name" nor "phases"; ${expected}`;
  return null;
}
