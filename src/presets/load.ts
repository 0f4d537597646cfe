// Reading preset files: YAML (duplicate keys refused) validated by zod, every error naming
// the file, the line and the field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';

// The build (scripts/build.mjs) parses and validates the bundled presets/*.yaml with these same
// schemas and inlines the results here, keyed by path below presets/: start-up neither parses
// YAML nor validates them again. Running from source (tests), this is undefined and the files are read.
declare const __BUNDLED_PRESETS__: Record<string, unknown> | undefined;
const SNAPSHOT: Record<string, unknown> | null = typeof __BUNDLED_PRESETS__ === 'undefined' ? null : __BUNDLED_PRESETS__;

let bundledDir: string | undefined;

/** The presets/ folder shipped with the package (found upward from this module, bundled or not). */
export function bundledPresetsDir(): string {
  if (bundledDir !== undefined) return bundledDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'presets', 'gpus'))) return (bundledDir = join(dir, 'presets'));
    dir = dirname(dir);
  }
  throw new Error('bundled presets/ folder not found beside the package');
}

/** The snapshot key of a file when it is a bundled preset ("gpus/h800.yaml"), else null. */
function snapshotKey(file: string): string | null {
  if (SNAPSHOT === null) return null;
  const rel = relative(bundledPresetsDir(), file).split(sep).join('/');
  return rel in SNAPSHOT ? rel : null;
}

let yamlModule: typeof import('yaml') | undefined;
/** The YAML parser, loaded only when a file has to be read (bundled presets need none). */
function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/** Parse YAML text to plain data (duplicate keys refused); throws on invalid YAML. */
export function parseYamlData(text: string): unknown {
  return yaml().parse(text, { uniqueKeys: true });
}

/** A path as the user would recognise it: relative to the working directory when shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}

/** Parse YAML text and validate it; errors say `file:line: field: problem`. */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter, prettyErrors: false });
  const shown = displayPath(file);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new InputError(`${shown}:${line}: invalid YAML: ${firstLine(yamlError.message)}`);
  }
  const data: unknown = doc.toJS();
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(`${shown}:${issueLine(doc, lineCounter, result.error.issues[0]!)}: ${describeIssuePath(result.error.issues[0]!)}`);
}

export function describeIssuePath(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  return `${field}: ${describeIssue(issue)}`;
}

function issueLine(doc: Document, lineCounter: LineCounter, issue: z.core.$ZodIssue): number {
  const { isNode } = yaml();
  // The deepest node that exists for the path gives the line; an unknown key's own line for a typo.
  const unknownKey = issue.code === 'unrecognized_keys';
  const path = (unknownKey ? [...issue.path, issue.keys[0]!] : issue.path) as (string | number)[];
  let line = 1;
  for (let n = path.length; n > 0; n--) {
    const target = (unknownKey && n === path.length ? unknownKeyNode(doc, path) : undefined) ?? doc.getIn(path.slice(0, n), true);
    if (isNode(target) && target.range) {
      line = lineCounter.linePos(target.range[0]).line;
      break;
    }
  }
  return line;
}

/** The key node of the last path element (a map key has a range of its own; its value may be null). */
function unknownKeyNode(doc: Document, path: (string | number)[]): unknown {
  const { isMap, isScalar } = yaml();
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  return pair?.key;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type') {
    if (issue.path.length === 0 && (issue.input === null || issue.input === undefined)) return 'the file is empty';
    return issue.input === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, got ${JSON.stringify(issue.input)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

/** Read and validate a preset file; a bundled one comes from the build's validated snapshot unless `fromDisk`. */
export function readPresetFile<S extends z.ZodType>(file: string, schema: S, opts: { fromDisk?: boolean } = {}): z.output<S> {
  const key = opts.fromDisk ? null : snapshotKey(file);
  if (key !== null) return SNAPSHOT![key] as z.output<S>;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${displayPath(file)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseYaml(text, file, schema);
}

/** The last of the folders that has `name` (a user's folder overrides the bundled one), or null. */
export function lastPresetFile(presetDirs: readonly string[], name: string): string | null {
  for (const dir of [...presetDirs].reverse()) {
    const file = join(dir, name);
    if (snapshotKey(file) !== null || existsSync(file)) return file;
  }
  return null;
}

/** Every *.yaml / *.yml file of a folder, sorted; none when the folder does not exist. */
export function yamlFilesIn(dir: string): string[] {
  if (SNAPSHOT !== null) {
    const rel = relative(bundledPresetsDir(), dir).split(sep).join('/');
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      const prefix = rel === '' ? '' : `${rel}/`;
      return Object.keys(SNAPSHOT)
        .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
        .sort()
        .map((k) => join(bundledPresetsDir(), k));
    }
  }
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export function fileStem(file: string): string {
  return basename(file).replace(/\.ya?ml$/, '');
}
