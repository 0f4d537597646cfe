// Options shared by commands, and the zod pieces that turn commander's strings into typed values
// with errors that name the flag and what it accepts.
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { flagName } from '../input/flags.js';
import { parseDate } from '../input/date.js';
import { parseChoice, parseWord } from '../input/words.js';
import { parseAge } from '../input/age.js';
import { type NumberRule, parseNumberList, parseOne } from '../input/list.js';
import { NUMBER_RULES } from '../presets/run-input.js';
import { PRICE_SOURCE_HINT } from '../presets/gpus.js';
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
/**
 * A numeric setting's option (--chips, --mfu...), checked by the setting's rule in NUMBER_RULES,
 * as the library checks it: a list of values (a grid's axis).
 */
export const settingOption = (key: keyof typeof NUMBER_RULES, flags: string, help: string) =>
  option(flags, help, (flag) => numList({ flag, ...NUMBER_RULES[key] }));
/** The same, for one value (budget's). */
export const singleSettingOption = (key: keyof typeof NUMBER_RULES, flags: string, help: string) =>
  option(flags, help, (flag) => num({ flag, ...NUMBER_RULES[key] }));

/** --price-source, of the estimate and of budget. */
export const priceSourceOption = () => option('--price-source <s>', `which preset price: ${PRICE_SOURCE_HINT}`, word);

/** One word ("us"), trimmed; an empty one is refused. */
export const word = (flag: string) => z.string().transform((s) => parseWord(s, flag));
/** One of `values`, in any case. */
export const oneOf = <const T extends readonly [string, ...string[]]>(flag: string, values: T) =>
  z.string().transform((s) => parseChoice(s, flag, values));

/**
 * One option, declared once: commander's flags and help text, and the zod schema of its value.
 * The schema is built when the command runs, and given the option's flag for its messages; an
 * option left out unless given (`option`) has its schema built only when it is given, so a
 * start-up builds the schemas of one command only, and of the options given.
 */
export interface OptionSpec<T extends z.ZodType = z.ZodType> {
  readonly flags: string;
  readonly help: string;
  readonly schema: (flag: string) => T;
  /** Parsed only when given (else absent from the result). */
  readonly whenGiven: boolean;
  /** Commander's parser of the text, for an option given many times (--presets). */
  readonly argParser?: (value: string, previous: string[] | undefined) => string[];
  /** Commander refuses the command without it (budget's --gpu). */
  readonly mandatory?: boolean;
}

/** A command's options, by the key commander gives each (--price-source: priceSource). */
export type OptionShape = Record<string, OptionSpec>;
/** The options an OptionShape parses to. */
export type OptionsOf<S extends OptionShape> = z.output<z.ZodObject<{ [K in keyof S]: ReturnType<S[K]['schema']> }>>;

/** An option that may be left out: its value's schema, built only when it is given. */
export function option<T extends z.ZodType>(flags: string, help: string, schema: (flag: string) => T): OptionSpec<z.ZodOptional<T>> {
  return { flags, help, schema: (flag) => schema(flag).optional(), whenGiven: true };
}

/** An option parsed on every run: its schema gives the default, or refuses its absence. */
export function always<T extends z.ZodType>(
  flags: string,
  help: string,
  schema: (flag: string) => T,
  extra: Pick<OptionSpec, 'argParser' | 'mandatory'> = {},
): OptionSpec<T> {
  return { flags, help, schema, whenGiven: false, ...extra };
}

/** A switch (--wide): true when given. */
export const toggle = (flags: string, help: string) => option(flags, help, () => z.boolean());

/** Add a shape's options to a command, in the shape's order (the order of its help). */
export function addOptions(cmd: Command, shape: OptionShape): Command {
  for (const [key, spec] of Object.entries(shape)) {
    const o = new Option(spec.flags, spec.help);
    // The key is where commander puts the value; a shape whose key is not the flag's would never see it.
    if (o.attributeName() !== key) throw new Error(`option ${spec.flags} is declared as "${key}", not "${o.attributeName()}"`);
    if (spec.argParser !== undefined) o.argParser(spec.argParser);
    if (spec.mandatory === true) o.makeOptionMandatory();
    cmd.addOption(o);
  }
  return cmd;
}

/**
 * Validate commander's option bag (transforms throw InputError naming the flag): a zod object of
 * the options given and of those that are not optional (a default, a required value).
 */
export function parseOptions<S extends OptionShape>(shape: S, raw: Record<string, unknown>): OptionsOf<S> {
  const built: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(shape)) if (!spec.whenGiven || raw[key] !== undefined) built[key] = spec.schema(flagName(key));
  const result = z.object(built).safeParse(raw);
  if (result.success) return result.data as OptionsOf<S>;
  const issue = result.error.issues[0]!;
  throw new InputError(`${issue.path.length ? `${flagName(String(issue.path[0]))}: ` : ''}${issue.message}`);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --format, --json, --no-color, --presets, --debug: on every command (estimates take --format html too). */
export function commonOptions<const F extends readonly [Format, ...Format[]] | typeof ESTIMATE_FORMATS>(formats: F) {
  return {
    format: option('-f, --format <format>', `output format: ${formats.join(', ')}`, (flag) => oneOf(flag, formats)),
    json: toggle('--json', 'same as --format json'),
    color: always('--no-color', 'no colour (also with NO_COLOR or TERM=dumb, or when output is not a terminal)', () =>
      z.boolean().default(true),
    ),
    presets: always(
      '--presets <dir>',
      'extra preset folder (gpus/, runs/, regions.yaml); repeatable; also TRAIN_COST_PRESETS',
      () => z.array(z.string()).default([]),
      { argParser: collect },
    ),
    debug: toggle('--debug', 'show stack traces of internal errors'),
  } satisfies OptionShape;
}

/** --wide, on the commands that print tables. */
export const wideOption = {
  wide: toggle('--wide', 'tables as wide as their content: every column, nothing wrapped (default: fit the terminal)'),
} satisfies OptionShape;

/** --explain, on the commands that print estimates. */
export const explainOption = {
  explain: toggle('--explain', 'also the arithmetic and every sourced assumption, threshold and note (Markdown always has them, folded)'),
} satisfies OptionShape;

/** --out FILE, on the commands that print a result (not on prices import, whose --out is a folder). */
export function outOption(
  help = 'write the output to this file (replaced whole, never half-written); format from its extension (.json, .csv, .md, .ndjson, .txt) unless --format',
) {
  return {
    out: option('--out <file>', help, () => z.string().min(1, 'needs a file name, e.g. --out estimate.json')),
  } satisfies OptionShape;
}

/** --out of an estimate (estimate, budget): HTML too. */
export const ESTIMATE_OUT =
  'write the output to this file (replaced whole, never half-written); format from its extension (.json, .csv, .md, .ndjson, .html, .txt) unless --format';

/** The options every command takes, and --wide. */
export type CommonOptions = Omit<OptionsOf<ReturnType<typeof commonOptions>> & OptionsOf<typeof wideOption>, 'format'> & {
  format?: EstimateFormat | undefined;
};
/** The keys of the common options and --wide. */
export const COMMON_KEYS = Object.keys({ ...commonOptions(FORMATS), ...wideOption }) as readonly (keyof CommonOptions)[];

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

/** --date: a training start as YYYY-MM or YYYY-MM-DD (with `day`, only YYYY-MM-DD). */
export const dateOption = (flag: string, opts: { day?: boolean } = {}) => z.string().transform((s) => parseDate(s, flag, opts));

/** --max-price-age: 12m, 90d, 2y, or "none"; in days (a month is 30.44 days). */
export const ageOption = (flag: string) => z.string().transform((s): number | null => parseAge(s, flag));
