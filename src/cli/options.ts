// Options shared by commands, and the zod pieces that turn commander's strings into typed values
// with errors that name the flag and what it accepts.
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { flagName } from '../input/flags.js';
import { isDate } from '../core/dates.js';
import { parseAge } from '../input/age.js';
import { type NumberRule, parseNumberList, parseOne } from '../input/list.js';
import { ESTIMATE_FORMATS, type EstimateFormat, FORMATS, type Format } from '../output/render.js';

/** A list-valued numeric flag ("512,1024", "256..4096:x2"). */
export const numList = (rule: NumberRule) => z.string().transform((s) => parseNumberList(s, rule));
/** A single numeric flag. */
export const num = (rule: NumberRule) => z.string().transform((s) => parseOne(s, rule));
/** A comma list of words ("h800,h100"). */
export const wordList = (flag: string) =>
  z.string().transform((s) => {
    const words = s
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w.length > 0);
    if (words.length === 0) throw new InputError(`${flag} needs a value`);
    return words;
  });
export const oneOf = <const T extends readonly [string, ...string[]]>(flag: string, values: T) =>
  z.string().transform((s) => {
    const v = s.trim().toLowerCase();
    if (!(values as readonly string[]).includes(v)) throw new InputError(`unknown ${flag} "${s}"; use one of: ${values.join(', ')}`);
    return v as T[number];
  });

/**
 * A command's options as zod schemas, each built by a function when the command runs: a start-up
 * builds the schemas of one command only, and of the options given (see `optional`).
 */
export type OptionShape = Record<string, (() => z.ZodType) & { readonly whenGiven?: true }>;
/** The options an OptionShape parses to. */
export type OptionsOf<S extends OptionShape> = z.output<z.ZodObject<{ [K in keyof S]: ReturnType<S[K]> }>>;

/**
 * An option that may be left out: `build()` made .optional(). Its schema is built only when the
 * option is given (an optional option that is not given is simply absent from the result).
 */
export function optional<T extends z.ZodType>(build: () => T): (() => z.ZodOptional<T>) & { readonly whenGiven: true } {
  return Object.assign(() => build().optional(), { whenGiven: true as const });
}

/** The options of addCommonOptions (and --wide). */
export const commonShape = {
  format: optional(() => oneOf('--format', FORMATS)),
  json: optional(() => z.boolean()),
  color: () => z.boolean().default(true),
  presets: () => z.array(z.string()).default([]),
  debug: optional(() => z.boolean()),
  wide: optional(() => z.boolean()),
} satisfies OptionShape;
/** The keys of commonShape. */
export const COMMON_KEYS = Object.keys(commonShape) as readonly (keyof typeof commonShape)[];
/** The common options; estimate and budget take --format html too (estimateFormatShape). */
export type CommonOptions = Omit<OptionsOf<typeof commonShape>, 'format'> & { format?: EstimateFormat | undefined };

/** --format of an estimate (estimate, budget): the HTML page too. */
export const estimateFormatShape = { format: optional(() => oneOf('--format', ESTIMATE_FORMATS)) } satisfies OptionShape;

/**
 * Validate commander's option bag (transforms throw InputError naming the flag): a zod object of
 * the options given and of those that are not optional (a default, a required value).
 */
export function parseOptions<S extends OptionShape>(shape: S, raw: Record<string, unknown>): OptionsOf<S> {
  const built: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) if (schema.whenGiven !== true || raw[key] !== undefined) built[key] = schema();
  const result = z.object(built).safeParse(raw);
  if (result.success) return result.data as OptionsOf<S>;
  const issue = result.error.issues[0]!;
  throw new InputError(`${issue.path.length ? `${flagName(String(issue.path[0]))}: ` : ''}${issue.message}`);
}

/** --out FILE, on the commands that print a result (not on prices import, whose --out is a folder). */
export const outShape = {
  out: optional(() => z.string().min(1, 'needs a file name, e.g. --out estimate.json')),
} satisfies OptionShape;

/** --out of an estimate (estimate, budget): HTML too. */
export const ESTIMATE_OUT =
  'write the output to this file (replaced whole, never half-written); format from its extension (.json, .csv, .md, .ndjson, .html, .txt) unless --format';

export function addOutOption(
  cmd: Command,
  description = 'write the output to this file (replaced whole, never half-written); format from its extension (.json, .csv, .md, .ndjson, .txt) unless --format',
): Command {
  return cmd.option('--out <file>', description);
}

/** The format an --out file's extension names; a table for any other (.txt, none). */
const EXTENSION_FORMATS: Record<string, EstimateFormat> = {
  json: 'json',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  html: 'html',
  htm: 'html',
  txt: 'table',
};

/** The usual extension of each format, for messages. */
const EXTENSIONS: Record<Format, string> = { table: 'txt', json: 'json', csv: 'csv', markdown: 'md', ndjson: 'ndjson' };

/** An estimate's format (estimate, budget): --json, --format, else the extension of --out, else a table. */
export function estimateFormatOf(opts: CommonOptions & { out?: string | undefined }): EstimateFormat {
  if (opts.json && opts.format !== undefined && opts.format !== 'json')
    throw new InputError(`--json conflicts with --format ${opts.format}; give one`);
  if (opts.json) return 'json';
  if (opts.format !== undefined) return opts.format;
  const ext = /\.([^./\\]+)$/.exec(opts.out ?? '')?.[1]?.toLowerCase();
  return (ext !== undefined ? EXTENSION_FORMATS[ext] : undefined) ?? 'table';
}

/** The format of any other command: all but the HTML page, which is for estimates. */
export function formatOf(opts: CommonOptions & { out?: string | undefined }): Format {
  const format = estimateFormatOf(opts);
  if (format === 'html') {
    const ends = FORMATS.map((f) => `.${EXTENSIONS[f]}`);
    throw new InputError(
      `--out ${opts.out ?? ''}: HTML is for estimates only (train-cost RUN, budget); give a file ending ${ends.slice(0, -1).join(', ')} or ${ends.at(-1)}, or a --format`,
    );
  }
  return format;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --format, --json, --no-color, --presets, --debug: on every command. */
export function addCommonOptions(cmd: Command, formats: readonly EstimateFormat[] = FORMATS): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', `output format: ${formats.join(', ')}`))
    .option('--json', 'same as --format json')
    .option('--no-color', 'no colour (also with NO_COLOR or TERM=dumb, or when output is not a terminal)')
    .option('--presets <dir>', 'extra preset folder (gpus/, runs/, regions.yaml); repeatable; also TRAIN_COST_PRESETS', collect)
    .option('--debug', 'show stack traces of internal errors');
}

/** --wide, on the commands that print tables. */
export function addWideOption(cmd: Command): Command {
  return cmd.option('--wide', 'tables as wide as their content: every column, nothing wrapped (default: fit the terminal)');
}

/** --explain, on the commands that print estimates. */
export function addExplainOption(cmd: Command): Command {
  return cmd.option('--explain', 'also the arithmetic and every sourced assumption, threshold and note (Markdown always has them, folded)');
}

/** --date: a training start as YYYY-MM or YYYY-MM-DD. */
export const dateOption = (flag: string, opts: { day?: boolean } = {}) =>
  z.string().transform((s) => {
    const v = s.trim();
    if (!(opts.day === true ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}(-\d{2})?$/).test(v) || !isDate(v))
      throw new InputError(
        `invalid ${flag} "${s}": expected a date ${opts.day === true ? 'YYYY-MM-DD, e.g. 2026-05-01' : 'YYYY-MM or YYYY-MM-DD, e.g. 2024-12 or 2024-12-26'}`,
      );
    return v;
  });

/** --max-price-age: 12m, 90d, 2y, or "none"; in days (a month is 30.44 days). */
export const ageOption = (flag: string) => z.string().transform((s): number | null => parseAge(s, flag));
