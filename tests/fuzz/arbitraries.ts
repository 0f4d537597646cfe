// Shared pieces of the fuzz suite (issue 11 item 3): the real flags, read from the commander
// program, the bundled ids, value generators and the invariants every run of the CLI must keep.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { createContext } from '../../src/cli/context.js';
import { outputSchema } from '../../src/output/contract.js';
import { REPO_ROOT, type CliResult } from '../helpers/cli.js';

/** How many cases a property of `n` cases runs: FUZZ_SCALE (environment) scales them, to at least one. */
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_SCALE ?? 1)));

const ids = (dir: string) =>
  readdirSync(join(REPO_ROOT, 'presets', dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();

export const GPU_IDS = ids('gpus');
export const RUN_IDS = ids('runs');
export const FORMATS = ['table', 'json', 'csv', 'markdown', 'ndjson'] as const;

interface Flag {
  long: string;
  short?: string;
  /** 'none' (a switch), 'required' (<value>) or 'optional' ([value]). */
  takes: 'none' | 'required' | 'optional';
}

function flagsOf(cmd: Command): Flag[] {
  return cmd.options.map((o) => ({
    long: o.long!,
    ...(o.short ? { short: o.short } : {}),
    takes: o.required ? 'required' : o.optional ? 'optional' : 'none',
  }));
}

// The program is built with a context that is never used: only its options are read.
const program = buildProgram(
  createContext({
    stdout: { write: () => undefined, isTTY: false },
    stderr: { write: () => undefined, isTTY: false },
    stdin: { isTTY: false, read: async () => '' },
    env: {},
  }),
);

/** `--out` writes files (into the working folder, in-process): tests/cli/out.test.ts covers it, in a temp folder. */
const noOut = (flags: Flag[]) => flags.filter((f) => f.long !== '--out');
/** The estimate command's flags (the root program). */
export const ROOT_FLAGS = noOut(flagsOf(program));
/** Each subcommand's flags, `--out` left out. */
export const SUB_FLAGS: Record<string, Flag[]> = Object.fromEntries(program.commands.map((c) => [c.name(), noOut(flagsOf(c))]));
export const PRICES_IMPORT_FLAGS = flagsOf(
  program.commands.find((c) => c.name() === 'prices')!.commands.find((c) => c.name() === 'import')!,
).filter((f) => f.long !== '--out');

// ---- values ----

const suffix = fc.constantFrom('', '', '', 'K', 'M', 'B', 'T', 'k', 'b', 'X');
const mantissa = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }).map((x) => String(Number(x.toPrecision(4)))),
  fc.constantFrom('1', '2', '8', '0.5', '0.3', '512', '1e3', '2e6', '3.3e24', '1e308', '1e-320', '4.9e-324', '1.5'),
);
/** A number as a user writes it: 70B, 14.8T, 2e6, -3, 0, huge and tiny. */
export const numberArg = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(mantissa, suffix).map(([m, s]) => m + s) },
  { weight: 1, arbitrary: mantissa.map((m) => `-${m}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '0x10',
      '1_000',
      '1,5',
      '.5',
      '5.',
      '',
      ' ',
      '١٢',
      '1e',
      'e5',
      '--1',
      '+3',
    ),
  },
);
/**
 * A list (512,1024) or a range (256..4096:x2, 0.3..0.5:0.05), kept small so a grid stays cheap
 * (at most a few dozen values); ranges past the tool's caps (1..1e9) are rare: each costs ~0.2 s.
 */
const listArg = fc.oneof(
  { weight: 12, arbitrary: fc.array(numberArg, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(',')) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('x2', 'x4', 'x10', 'x1', 'x0', 'x-2', '0', '-1', '', 'step'),
      )
      .map(([a, k, step]) => {
        const b = a * 2 ** k;
        // An additive step makes at most 5 values; no step at all is the tool's default step.
        if (step === '') return `${a}..${a + 3}`;
        const s = step === 'step' ? `:${Math.max(1, Math.ceil((b - a) / 4))}` : `:${step}`;
        return `${a}..${b}${s}`;
      }),
  },
  { weight: 4, arbitrary: fc.constantFrom('0.3..0.5:0.05', '5..1', '1..2:x0.5', '..', '1..', '..4', '1,,2', ',', '1..2:', 'a..b') },
  // Refused by the caps, but each costs 0.05-0.3 s; a 100,000-run grid (allowed) is left to the streaming work.
  { weight: 1, arbitrary: fc.constantFrom('1..1e9', '1..1e6:x1.0001', '1..1e6:x1.0001') },
);
/** Junk: unicode, control characters, prototype keys, paths, flags-looking strings. */
export const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom(
    '',
    ' ',
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    '__proto__.polluted',
    'constructor.prototype.polluted',
    'h100\u0000',
    'H100',
    ' h100 ',
    'h100,',
    '\u202eh100',
    '💥',
    'ＨＢＭ',
    '%s%n',
    '${HOME}',
    '../../../etc/passwd',
    '/dev/null',
    'presets/regions.yaml',
    'presets',
    '-',
    '--',
    '-x',
    '--nope',
  ),
);
const gpuList = fc.oneof(
  fc.constantFrom(...GPU_IDS),
  fc.array(fc.constantFrom(...GPU_IDS), { minLength: 1, maxLength: 2 }).map((xs) => xs.join(',')),
  junk,
);
const presetDir = fc.constantFrom(
  join(REPO_ROOT, 'presets'),
  join(REPO_ROOT, 'examples'),
  join(REPO_ROOT, 'nope'),
  join(REPO_ROOT, 'presets/regions.yaml'),
  '',
);

/** A value for a flag, from what the flag means (falling back to numbers and junk). */
function valueFor(long: string): fc.Arbitrary<string> {
  const name = long.replace(/^--/, '');
  const fallback = fc.oneof(numberArg, junk);
  const pick = (a: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: a }, { weight: 1, arbitrary: fallback });
  switch (name) {
    case 'format':
      return pick(fc.constantFrom('json', 'json', 'csv', ...FORMATS));
    case 'gpu':
      return pick(gpuList);
    case 'chips':
      return pick(listArg);
    case 'presets':
      return pick(presetDir);
    case 'region':
      return pick(
        fc.constantFrom('us', 'china', 'eu', 'germany', 'france', 'india', 'uk', 'japan', 'world', '__proto__', 'constructor', 'mars'),
      );
    case 'precision':
      return pick(fc.constantFrom('fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp4', 'int4'));
    case 'kind':
      return pick(fc.constantFrom('pretrain', 'train', 'finetune', 'lora', 'rl', 'generate', 'distill', 'sleep'));
    case 'price-source':
      return pick(
        fc.constantFrom('assumption', 'marketplace', 'on-demand', 'committed', 'default', 'deepseek-assumption', 'cr8dl', 'free'),
      );
    case 'staff-period':
      return pick(fc.tuple(mantissa, fc.constantFrom('h', 'd', 'w', 'm', 'y', '', 's')).map(([m, u]) => m + u));
    case 'group-by':
      return pick(fc.constantFrom('organization', 'year', 'hardware', 'nope'));
    case 'date':
      return pick(fc.constantFrom('2025-01-01', '2025-13-40', 'yesterday'));
    case 'provider':
      return pick(fc.constantFrom('aws', 'lambda', ''));
    default:
      // Every other value flag takes a number, a list or a range (mfu, tokens, price, hours, ...).
      return pick(fc.oneof({ weight: 3, arbitrary: numberArg }, { weight: 1, arbitrary: listArg }));
  }
}

/** One flag as it appears on the command line: --flag value, -f value, --flag=value, or a switch. */
function flagArg(flags: Flag[]): fc.Arbitrary<string[]> {
  return fc.constantFrom(...flags).chain((f): fc.Arbitrary<string[]> => {
    if (f.takes === 'none') return fc.constant<string[]>([f.long]);
    const v = valueFor(f.long);
    const forms: fc.Arbitrary<string[]>[] = [v.map((x) => [f.long, x]), v.map((x) => [`${f.long}=${x}`])];
    if (f.short) forms.push(v.map((x) => [f.short!, x]));
    if (f.takes === 'optional') forms.push(fc.constant<string[]>([f.long]));
    // A value flag without its value, at the end of the line.
    return fc.oneof({ weight: 10, arbitrary: fc.oneof(...forms) }, { weight: 1, arbitrary: fc.constant<string[]>([f.long]) });
  });
}

export function flagsArg(flags: Flag[], maxLength: number): fc.Arbitrary<string[]> {
  if (flags.length === 0) return fc.constant([]);
  return fc.array(flagArg(flags), { maxLength }).map((xs) => xs.flat());
}

// ---- invariants ----

/** Words that mean a value went wrong; "Infinity Fabric" (AMD's interconnect, in gpu sources) is prose. */
const FORBIDDEN: [string, RegExp][] = [
  ['NaN', /\bNaN\b/],
  ['Infinity', /\bInfinity\b(?! Fabric)/],
  ['undefined', /\bundefined\b/],
  ['[object Object]', /\[object Object\]/],
];
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Which format the command line asks for: the last --format / -f / --json (json when in doubt). */
export function formatOf(args: readonly string[]): string {
  let format = 'table';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') format = 'json';
    else if ((a === '--format' || a === '-f') && i + 1 < args.length) format = args[i + 1]!;
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
  }
  return format;
}

let contracts = 0;

/** Check the estimate command's stdout against the JSON contract (`format` json or ndjson). */
export function checkContract(stdout: string, format: 'json' | 'ndjson', label: string): void {
  contracts++;
  if (format === 'json') {
    const parsed = outputSchema.safeParse(JSON.parse(stdout));
    expect(parsed.success, `${label}\nJSON does not meet the contract: ${parsed.error?.message.slice(0, 800)}`).toBe(true);
    return;
  }
  for (const line of stdout.split('\n').filter((l) => l !== '')) {
    // A line is the header's fields, the run, and that run's checks.
    const { schemaVersion, tool, currency, dollarYear, checks, ...run } = JSON.parse(line);
    const parsed = outputSchema.safeParse({ schemaVersion, tool, currency, dollarYear, runs: [run], checks });
    expect(parsed.success, `${label}\nNDJSON line does not meet the contract: ${parsed.error?.message.slice(0, 800)}`).toBe(true);
  }
}

/**
 * Run a property whose cases check the contract when an estimate succeeds as JSON or NDJSON, and
 * expect (at full scale: FUZZ_SCALE unset or >= 1) that some did: one that met none could not fail.
 */
export async function expectContractsChecked(property: () => Promise<void>): Promise<void> {
  const before = contracts;
  await property();
  if (runs(100) >= 100) expect(contracts - before, 'successful JSON and NDJSON estimates held to the contract').toBeGreaterThan(0);
}

/**
 * What holds for every run, whatever its input: exit 0, 1 or 2; one line on stderr at exit 2;
 * no stack trace; no NaN, Infinity, undefined or [object Object] (unless the input itself holds
 * the word, which an error message may quote); no change to Object.prototype.
 */
export function checkCommon(r: CliResult, input: string, label: string): void {
  expect([0, 1, 2], `${label}\nexit ${r.code}\nstderr: ${r.stderr.slice(0, 2000)}`).toContain(r.code);
  const all = r.stdout + r.stderr;
  expect(all.includes('\n    at '), `${label}\nstack trace:\n${all.slice(0, 2000)}`).toBe(false);
  // The one exit 2 that is not one line: the usage screen for a command line that names no run
  // (bare `train-cost`, or only flags such as --no-color), by design (tests/golden/usage).
  if (r.code === 2 && !r.stderr.startsWith('usage: train-cost ')) {
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length, `${label}\nexit 2 with ${lines.length} stderr lines:\n${r.stderr.slice(0, 2000)}`).toBe(1);
    expect(r.stderr.endsWith('\n'), `${label}\nstderr does not end with a newline`).toBe(true);
  }
  for (const [word, re] of FORBIDDEN) {
    if (input.includes(word)) continue;
    const at = all.search(re);
    expect(at, `${label}\n"${word}" in output: ...${all.slice(Math.max(0, at - 200), at + 200)}...`).toBe(-1);
  }
  expect(({} as Record<string, unknown>).polluted, `${label}\nObject.prototype.polluted is set`).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${label}\nObject.prototype keys changed`).toEqual(PROTO_KEYS);
}
