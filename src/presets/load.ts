// Reading preset files: YAML (duplicate keys refused) validated by zod, every error naming
// the file, the line and the field.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { excerpt, quote } from '../input/excerpt.js';
import { MAX_YAML_BYTES, readInputFile } from '../input/read.js';
import { YAML_LIMITS, yamlLimitProblem } from './yaml-limits.js';

// The build (scripts/build.mjs) parses and validates the bundled presets/*.yaml with these same
// schemas and inlines the results here, keyed by path below presets/, each as JSON text parsed the
// first time it is read: start-up neither parses YAML nor validates them again, and parses only the
// files its command reads. Running from source without the define, the files are read.
declare const __BUNDLED_PRESETS__: Record<string, string> | undefined;
const SNAPSHOT: Record<string, string> | null = typeof __BUNDLED_PRESETS__ === 'undefined' ? null : __BUNDLED_PRESETS__;
const parsedSnapshot = new Map<string, unknown>();

function snapshotData(key: string): unknown {
  let data = parsedSnapshot.get(key);
  if (data === undefined) parsedSnapshot.set(key, (data = JSON.parse(SNAPSHOT![key]!) as unknown));
  return data;
}

let bundledDir: string | undefined;

/** The presets/ folder shipped with the package (found upward from this module, bundled or not). */
export function bundledPresetsDir(): string {
  if (bundledDir !== undefined) return bundledDir;
  // import.meta.dirname: Node >= 20.11 (and the CLI bundle's __dirname); the URL before that.
  let dir = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'presets', 'gpus'))) return (bundledDir = join(dir, 'presets'));
    dir = dirname(dir);
  }
  throw new Error('bundled presets/ folder not found beside the package');
}

/**
 * The folders presets are read from: the bundled presets, then a user's folders (later ones
 * override earlier ones by id). A folder that is not there is refused in one line; `takenBy`
 * names what takes them, as the caller spells it ("presets takes folders").
 */
export function presetDirsOf(user: readonly string[], takenBy: string): string[] {
  const dirs = user.map((d) => resolve(d));
  for (const dir of dirs)
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new InputError(`preset folder not found: ${dir} (${takenBy} with gpus/, runs/ or regions.yaml)`);
  return [bundledPresetsDir(), ...dirs];
}

/** The snapshot key of a file when it is a bundled preset ("gpus/h800.yaml"), else null. */
function snapshotKey(file: string): string | null {
  if (SNAPSHOT === null) return null;
  // The usual case without path.relative (costly when called for every run file): a file named
  // below the folder as bundledFile() names it. Any other spelling of the path, through relative.
  const base = bundledPresetsDir();
  if (file.startsWith(base) && file[base.length] === sep) {
    const key = file.slice(base.length + 1).split(sep).join('/');
    if (Object.hasOwn(SNAPSHOT, key)) return key;
  }
  const rel = relative(base, file).split(sep).join('/');
  return Object.hasOwn(SNAPSHOT, rel) ? rel : null;
}

/** The path of a bundled preset from its snapshot key: join(bundledPresetsDir(), key), for keys the build wrote (no "." or ".." parts). */
function bundledFile(key: string): string {
  return `${bundledPresetsDir()}${sep}${sep === '/' ? key : key.split('/').join(sep)}`;
}

let yamlModule: typeof import('yaml') | undefined;
/** The YAML parser, loaded only when a file has to be read (bundled presets need none). */
export function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/** Parse YAML text to plain data (duplicate keys refused, limits applied); throws an InputError naming `file`. */
export function parseYamlData(text: string, file = '<yaml>'): unknown {
  return loadYaml(text, file).data;
}

/** A path as the user would recognise it: relative to the working directory when shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}

/**
 * Parse YAML text to data: syntax errors, warnings (an unresolved tag) and broken limits
 * (yaml-limits.ts) are all one InputError `file:line: ...`; nothing is logged.
 */
function loadYaml(text: string, file: string): { doc: Document; lineCounter: LineCounter; data: unknown } {
  const y = yaml();
  const lineCounter = new y.LineCounter();
  const shown = displayPath(file);
  const at = (offset: number) => `${shown}:${lineCounter.linePos(offset).line}`;
  let doc: Document;
  try {
    doc = y.parseDocument(text, { uniqueKeys: true, lineCounter, prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    throw new InputError(`${shown}: invalid YAML: ${yamlMessage(e)}`);
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new InputError(`${at(problem.pos[0])}: invalid YAML: ${yamlMessage(problem)}`);
  const limit = yamlLimitProblem(doc, y);
  if (limit) throw new InputError(`${at(limit.offset)}: invalid YAML: ${limit.message}`);
  let data: unknown;
  try {
    // Aliases are bounded by yamlLimitProblem (counted as expanded): the library's own count, a different measure, is off.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    throw new InputError(`${shown}: invalid YAML: ${yamlMessage(e)}; ${YAML_LIMITS}`);
  }
  return { doc, lineCounter, data };
}

/** The first line of a YAML library message, short; its stack overflow on deep nesting said plainly. */
function yamlMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/call stack/i.test(message)) return `nesting is too deep; ${YAML_LIMITS}`;
  return excerpt(firstLine(message), 160);
}

/** Parse YAML text and validate it; errors say `file:line: field: problem`. */
export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  opts: { notThis?: (data: unknown) => string | null } = {},
): z.output<S> {
  const { doc, lineCounter, data } = loadYaml(text, file);
  const shown = displayPath(file);
  const wrongKind = opts.notThis?.(data);
  if (wrongKind) throw new InputError(`${shown}: ${wrongKind}`);
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(`${shown}:${issueLine(doc, lineCounter, result.error.issues[0]!)}: ${describeIssuePath(result.error.issues[0]!)}`);
}

export function describeIssuePath(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? excerpt(issue.path.map(String).join('.'), 120) : '(top level)';
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
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.slice(0, 5).map((k) => quote(k));
    const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.path.length === 0 && (issue.input === null || issue.input === undefined)) return 'the file is empty';
    return issue.input === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, got ${quote(issue.input)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return excerpt(issue.message, 300);
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

/** The snapshot key of a bundled preset file ("runs/gpt-3.yaml"), or null (not bundled, or running from source). */
export function bundledPresetKey(file: string): string | null {
  return snapshotKey(file);
}

/**
 * Read and validate a preset file; a bundled one comes from the build's validated snapshot unless
 * `fromDisk` (the snapshot holds each file as validated by the schema of its place: gpus/, runs/...).
 */
export function readPresetFile<S extends z.ZodType>(file: string, schema: S, opts: { fromDisk?: boolean } = {}): z.output<S> {
  const key = opts.fromDisk ? null : snapshotKey(file);
  if (key !== null) return snapshotData(key) as z.output<S>;
  return parseYaml(readInputFile(displayPath(file), 'preset file', MAX_YAML_BYTES), file, schema);
}

/** The last of the folders that has `name` (a user's folder overrides the bundled one), or null. */
export function lastPresetFile(presetDirs: readonly string[], name: string): string | null {
  for (const dir of [...presetDirs].reverse()) {
    const file = join(dir, name);
    if (snapshotKey(file) !== null || existsSync(file)) return file;
  }
  return null;
}

/**
 * Whether a YAML preset file is there: in a build, one of the bundled folder only if the build's
 * snapshot has it (as yamlFilesIn lists that folder: a file added to an installed package is not
 * one of its presets); any other on disk.
 */
export function hasYamlPreset(file: string): boolean {
  return snapshotKey(file) !== null || (!inSnapshot(file) && existsSync(file));
}

/** Whether a path lies in the bundled folder of a build (whose files are the snapshot's). */
function inSnapshot(path: string): boolean {
  if (SNAPSHOT === null) return false;
  const rel = relative(bundledPresetsDir(), path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Every *.yaml / *.yml file of a folder, sorted; none when the folder does not exist. */
export function yamlFilesIn(dir: string): string[] {
  if (inSnapshot(dir)) {
    const rel = relative(bundledPresetsDir(), dir).split(sep).join('/');
    const prefix = rel === '' ? '' : `${rel}/`;
    return Object.keys(SNAPSHOT!)
      .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .sort()
      .map(bundledFile);
  }
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory())
    throw new InputError(`${displayPath(dir)} is a file, not a folder: a preset folder's gpus/ and runs/ hold *.yaml files`);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export function fileStem(file: string): string {
  return basename(file).replace(/\.ya?ml$/, '');
}
