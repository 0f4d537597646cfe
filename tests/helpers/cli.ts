import { expect } from 'vitest';
import { parseCsv } from '../../src/input/csv.js';
import { outputSchema } from '../../src/output/contract.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
// Run the command line in-process through main(argv, io), the way a user's shell would see it:
// no TTY (stdout and stderr are captured), an environment of only what a test sets (no NO_COLOR,
// FORCE_COLOR or user preset folders) and a fixed today, files relative to the repository root
// (vitest's cwd).
// True-process tests (the built binary, pipes, exit codes) are in tests/process/.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(REPO_ROOT, 'bin', 'train-cost.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Text on the program's stdin (stdin is empty otherwise). */
  input?: string;
  /** The environment; a value of undefined leaves the variable unset. */
  env?: Record<string, string | undefined>;
  /** Pretend stdout / stdin / stderr are terminals (stdout `columns` wide, stderr `stderrColumns`). */
  tty?: { stdout?: boolean; stdin?: boolean; columns?: number; stderr?: boolean; stderrColumns?: number };
}

/** Run `train-cost ...args` in-process and capture what it writes. */
export async function cli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: {
      write: (s) => void (stdout += s),
      isTTY: opts.tty?.stdout ?? false,
      ...(opts.tty?.columns !== undefined ? { columns: opts.tty.columns } : {}),
    },
    stderr: {
      write: (s) => void (stderr += s),
      isTTY: opts.tty?.stderr ?? false,
      ...(opts.tty?.stderrColumns !== undefined ? { columns: opts.tty.stderrColumns } : {}),
    },
    stdin: { isTTY: opts.tty?.stdin ?? false, read: async (limit: number) => (opts.input ?? '').slice(0, limit + 1) },
    // Today is fixed (vitest.config.ts sets TRAIN_COST_TODAY) so that figures that depend on the
    // date (hardware valued as of today) are the same on any day; a test may set or unset it.
    env: { TRAIN_COST_TODAY: process.env.TRAIN_COST_TODAY, ...opts.env },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Run with --format json and parse stdout (asserting exit 0 and an empty stderr is left to the caller). */
export async function cliJson<T = any>(args: readonly string[], opts: CliOptions = {}): Promise<{ result: CliResult; json: T }> {
  const result = await cli([...args, '--format', 'json'], opts);
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

/** One CSV line's cells, read by the tool's own parser (src/input/csv.ts). */
export function parseCsvLine(line: string): string[] {
  return parseCsv(line)[0]?.cells ?? [''];
}

/** A success with nothing on stderr: exit 0, an empty stderr. Returns stdout. */
export function ok(r: CliResult): string {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** A bad-input failure: exit 2, nothing on stdout, one line on stderr without a stack trace. Returns the line. */
export function badInputLine(r: CliResult): string {
  const line = inputErrorLine(r);
  expect(r.stdout).toBe('');
  return line;
}

/** A bad-input failure after what the command had already reported on stdout (not checked here): exit 2, one line on stderr without a stack trace. Returns the line. */
export function inputErrorLine(r: CliResult): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

/** The runs of a successful command, asked for as JSON, that meets the JSON contract. */
export async function contractRuns(args: readonly string[], opts: CliOptions = {}): Promise<any[]> {
  const { result, json } = await cliJson(args, opts);
  expect(result.code, result.stderr).toBe(0);
  expect(withoutWarnings(result.stderr)).toBe('');
  outputSchema.parse(json);
  expect(json.schemaVersion).toBe(1);
  return json.runs;
}

/** The one run of a successful command, asked for as JSON, that meets the JSON contract. */
export async function contractRun(args: readonly string[], opts: CliOptions = {}): Promise<any> {
  const runs = await contractRuns(args, opts);
  expect(runs).toHaveLength(1);
  return runs[0];
}

/** Run `train-cost ...args` and expect a bad-input failure (see badInputLine); returns its one stderr line. */
export async function expectInputError(args: readonly string[], opts: CliOptions = {}): Promise<string> {
  return badInputLine(await cli(args, opts));
}

/** stderr without the stale-price warnings (a preset price older than --max-price-age before the run's date), which tests of other things may meet. */
export function withoutStalePrices(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !/^warning: \S+ price \S+ is from .* before the run's date/.test(l))
    .join('\n')
    .trim();
}

/** stderr without warning lines (warnings go to stderr in every format; JSON has them too, in warnings[] and diagnostics[]). */
export function withoutWarnings(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !l.startsWith('warning: '))
    .join('\n')
    .trim();
}
