import { expect } from 'vitest';
import { outputSchema } from '../../src/output/contract.js';
// Spawn the BUILT command line (bin/train-cost.js -> dist/cli.js; `npm test` builds first)
// the way a user's shell would: no TTY (stdout and stderr are pipes), NO_COLOR and
// FORCE_COLOR unset unless a test sets them, no user preset folders.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(REPO_ROOT, 'bin', 'train-cost.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Text written to the program's stdin (stdin is empty otherwise). */
  input?: string;
  /** Extra environment; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
}

/** Variables that change the output and must not leak in from the developer's shell or vitest.config.ts. */
const SCRUBBED = ['NO_COLOR', 'FORCE_COLOR', 'TRAIN_COST_PRESETS', 'NODE_OPTIONS'];

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SCRUBBED) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function assertBuilt(): void {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli.js')))
    throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
}

/** Run `node bin/train-cost.js ...args` in the repository root. */
export function cli(args: readonly string[], opts: CliOptions = {}): CliResult {
  assertBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: childEnv(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 20_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run a shell pipeline (bash -c) in the repository root; `train-cost` in it is replaced by the built binary. */
export function shell(script: string, opts: CliOptions = {}): CliResult {
  assertBuilt();
  const cmd = script.replace(/\btrain-cost\b/g, `"${process.execPath}" "${BIN}"`);
  const r = spawnSync('bash', ['-c', cmd], {
    cwd: REPO_ROOT,
    env: childEnv(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 20_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run with --format json and parse stdout (asserting exit 0 and an empty stderr is left to the caller). */
export function cliJson<T = any>(args: readonly string[], opts: CliOptions = {}): { result: CliResult; json: T } {
  const result = cli([...args, '--format', 'json'], opts);
  let json: T;
  try {
    json = JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return { result, json };
}

/** ANSI colour/style escape sequences. */
export const ANSI = /\u001b\[[0-9;]*m/;

/** A minimal RFC 4180 line parser (quoted fields, doubled quotes). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quoted) throw new Error(`unterminated quote in CSV line: ${line}`);
  out.push(cur);
  return out;
}

/** A bad-input failure: exit 2, nothing on stdout, one line on stderr without a stack trace. Returns the line. */
export function badInputLine(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

/** The runs of a successful command, asked for as JSON, that meets the JSON contract. */
export function contractRuns(args: readonly string[], opts: CliOptions = {}): any[] {
  const { result, json } = cliJson(args, opts);
  expect(result.code, result.stderr).toBe(0);
  expect(withoutStalePrices(result.stderr)).toBe('');
  outputSchema.parse(json);
  expect(json.schemaVersion).toBe(1);
  return json.runs;
}

/** stderr without the stale-price warnings (a preset price older than --max-price-age before the run's date), which tests of other things may meet. */
export function withoutStalePrices(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !/^warning: \S+ price \S+ is from .* before the run's date/.test(l))
    .join('\n')
    .trim();
}
