// Reading preset files: YAML (duplicate keys refused) validated by zod, every error naming
// the file, the line and the field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';

/** The presets/ folder shipped with the package (found upward from this module, bundled or not). */
export function bundledPresetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'presets', 'gpus'))) return join(dir, 'presets');
    dir = dirname(dir);
  }
  throw new Error('bundled presets/ folder not found beside the package');
}

/** A path as the user would recognise it: relative to the working directory when shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}

/** Parse YAML text and validate it; errors say `file:line: field: problem`. */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter, prettyErrors: false });
  const shown = displayPath(file);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new InputError(`${shown}:${line}: invalid YAML: ${firstLine(yamlError.message)}`);
  }
  const data: unknown = doc.toJS();
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String);
  // The deepest node that exists for the path gives the line.
  let line = 1;
  for (let n = issue.path.length; n > 0; n--) {
    const target = doc.getIn(issue.path.slice(0, n) as (string | number)[], true);
    if (isNode(target) && target.range) {
      line = lineCounter.linePos(target.range[0]).line;
      break;
    }
  }
  const field = path.length > 0 ? path.join('.') : '(top level)';
  throw new InputError(`${shown}:${line}: ${field}: ${describeIssue(issue)}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, got ${JSON.stringify(issue.input)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

export function readPresetFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${displayPath(file)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseYaml(text, file, schema);
}

/** Every *.yaml / *.yml file of a folder, sorted; none when the folder does not exist. */
export function yamlFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export function fileStem(file: string): string {
  return basename(file).replace(/\.ya?ml$/, '');
}
