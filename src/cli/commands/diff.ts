// train-cost diff BASE HEAD: two plans compared run by run and phase by phase. Each side is a run
// file, a bundled run id, or the saved JSON output of `train-cost ... --format json` (told by its
// content); run sides are estimated as the estimate command would, with the flags given here.
import { Command } from 'commander';
import { z } from 'zod';
import { type DiffRunInput, diffChecks, diffRuns, diffTotals } from '../../core/diff.js';
import { CheckFailed, InputError } from '../../errors.js';
import { excerpt } from '../../input/excerpt.js';
import { MAX_INPUT_BYTES, readInputFile } from '../../input/read.js';
import { diffOutputSchema, type DiffOutput } from '../../output/diff-contract.js';
import { renderDiff } from '../../output/diff.js';
import { fmtUsd } from '../../output/format.js';
import { VERSION } from '../../version.js';
import { note } from '../warnings.js';
import { flagName } from '../../input/flags.js';
import type { CliContext } from '../context.js';
import { addOptions, commonOptions, formatOf, num, option, type OptionShape, parseOptions, wideOption } from '../options.js';
import { FORMATS } from '../../output/render.js';
import { estimateRuns } from './estimate.js';
import { dollarYearOf, runToJson } from '../../output/json.js';
import { existsSync, statSync } from 'node:fs';
import { lazy } from '../../lazy.js';

/** "10%" or "0.1" -> 0.1; a fraction above 1 must be given as a percentage (150%). */
export const increaseOption = (flag: string) =>
  z.string().transform((s) => {
    const v = s.trim();
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
    const value = m === null ? NaN : m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
    if (!Number.isFinite(value) || (m![2] === '' && value > 1))
      throw new InputError(`invalid ${flag} "${s}": expected a percentage such as 10% or a fraction such as 0.1`);
    return value;
  });

/** The estimate flags a run side takes (the same names and values as the estimate command's, checked there). */
const passedShape = {
  gpu: option('-g, --gpu <ids>', 'run sides: accelerator preset(s), as in the estimate command', () => z.string()),
  chips: option('-c, --chips <n>', 'run sides: number of chips', () => z.string()),
  price: option('--price <usd>', 'run sides: USD per GPU-hour', () => z.string()),
  priceSource: option('--price-source <s>', 'run sides: which preset price (train-cost --help)', () => z.string()),
  region: option('--region <id>', 'run sides: energy region', () => z.string()),
  date: option('--date <d>', 'run sides: training start, YYYY-MM or YYYY-MM-DD', () => z.string()),
  cloud: option('--cloud <c>', 'run sides: hyperscaler for --price-source epoch', () => z.string()),
  dollarYear: option('--dollar-year <y>', "run sides: state figures in this year's US dollars (a saved side must be in the same)", () =>
    z.string(),
  ),
  maxPriceAge: option('--max-price-age <age>', 'run sides: warn when a preset price is older than this (default 12m)', () => z.string()),
} satisfies OptionShape;
const PASSED = Object.keys(passedShape) as (keyof typeof passedShape)[];

const diffShape = {
  ...commonOptions(FORMATS),
  ...wideOption,
  maxIncrease: option('--max-increase <p>', "exit 1 when a run's rental cost rises by more than this: 10% or 0.1", increaseOption),
  maxCost: option('--max-cost <usd>', 'exit 1 when a run of HEAD costs more (rental USD), e.g. 2e6', (flag) => num({ flag })),
  ...passedShape,
} satisfies OptionShape;

/** What diff reads of a saved output: names, GPU-hours and cost components (later fields are ignored). */
const figures = lazy(() =>
  z.object({ name: z.string(), gpuHours: z.number(), costs: z.array(z.object({ basis: z.string(), usd: z.number() })) }),
);
const savedSchema = lazy(() =>
  z.object({
    schemaVersion: z.literal(1),
    tool: z.object({ version: z.string() }).optional(),
    dollarYear: z.number().nullable().optional(),
    runs: z.array(figures.extend({ phases: z.array(figures) })),
  }),
);

interface Side {
  source: string;
  kind: 'run' | 'saved';
  toolVersion: string | null;
  dollarYear: number | null;
  runs: DiffRunInput[];
  /** What estimating this side said on stderr (warnings), told once both sides are read. */
  messages?: string[];
}

export function diffCommand(ctx: CliContext): Command {
  return (
    addOptions(new Command('diff'), diffShape)
      .description(
        'compare two plans: each a run file, a bundled run id, or saved --format json output; before, after and change per run and phase',
      )
      // One variadic argument keeps the command's line in train-cost --help as narrow as the rest.
      .argument('<plans...>', 'BASE then HEAD, the plans before and after: each a run file, run id, saved JSON output, or - for stdin')
      .addHelpText(
        'after',
        `
Examples:
  $ train-cost diff examples/plan-a.yaml examples/plan-b.yaml --format markdown
  $ train-cost examples/plan.yaml --format json > baseline.json
  $ train-cost diff baseline.json examples/plan.yaml --max-increase 10%

Runs are matched by name, then the rest in order; runs on one side only are
added or removed. --max-increase and --max-cost print the result, then exit 1
with one line on stderr when crossed.`,
      )
      .action(async (plans: string[], raw: Record<string, unknown>) => {
        const opts = parseOptions(diffShape, raw);
        if (plans.length !== 2)
          throw new InputError(`diff takes two plans, BASE and HEAD, got ${plans.length}; see train-cost diff --help`);
        const [base, head] = plans as [string, string];
        const format = formatOf(opts);
        if (base === '-' && head === '-') throw new InputError('- (stdin) can be given only once');
        const passed = Object.fromEntries(PASSED.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
        const estimate = { presets: opts.presets, ...passed };
        const sides = [await readSide(ctx, base, estimate), await readSide(ctx, head, estimate)] as const;
        for (const [flag, side] of PASSED.filter((k) => raw[k] !== undefined).flatMap((k) =>
          sides.filter((s) => s.kind === 'saved').map((s) => [k, s] as const),
        ))
          note(ctx, `${flagName(flag)} does not apply to the saved output ${excerpt(side.source, 200)}: it is compared as saved`);
        if (sides[0].dollarYear !== sides[1].dollarYear)
          throw new InputError(
            `the sides are in different dollars (base ${dollarsOf(sides[0])}, head ${dollarsOf(sides[1])}): give --dollar-year to match a saved output`,
          );
        for (const m of new Set(sides.flatMap((s) => s.messages ?? []))) ctx.err(m);
        const runs = diffRuns(sides[0].runs, sides[1].runs);
        const checks = diffChecks(runs, { maxIncrease: opts.maxIncrease, maxCost: opts.maxCost });
        const sideJson = (s: Side) => ({ source: s.source, kind: s.kind, toolVersion: s.toolVersion });
        const doc: DiffOutput = {
          schemaVersion: 1,
          tool: { name: 'train-cost', version: VERSION },
          currency: 'USD',
          dollarYear: sides[1].dollarYear,
          diff: { base: sideJson(sides[0]), head: sideJson(sides[1]), runs, totals: diffTotals(runs) },
          checks,
        };
        diffOutputSchema.parse(doc);
        ctx.out(renderDiff(doc, format, ctx.renderOptions(opts)));
        const failed = checks.filter((c) => !c.passed);
        if (failed.length > 0) {
          const first = failed[0]!;
          const what =
            first.gate === 'max-cost'
              ? `"${first.run}" costs ${fmtUsd(first.value!)}, over --max-cost ${fmtUsd(first.limit)}`
              : `"${first.run}" rental cost ${first.value === null ? 'rises from $0' : `rises ${(first.value * 100).toFixed(1)}%`}, over --max-increase ${(first.limit * 100).toFixed(1)}%`;
          throw new CheckFailed(`${failed.length} of ${checks.length} check${checks.length > 1 ? 's' : ''} failed: ${what}`);
        }
      })
  );
}

function dollarsOf(s: Side): string {
  return s.dollarYear === null ? 'nominal' : `${s.dollarYear} dollars`;
}

/** A saved output is a JSON object with schemaVersion and runs; anything else is a run to estimate. */
async function readSide(ctx: CliContext, ref: string, estimate: Record<string, unknown>): Promise<Side> {
  const isFile = ref !== '-' && existsSync(ref) && statSync(ref).isFile();
  const text = ref === '-' ? await ctx.readStdin('plan', MAX_INPUT_BYTES) : isFile ? readInputFile(ref, 'plan file') : null;
  const saved = text === null ? null : savedOutput(text, ref);
  if (saved !== null) return saved;
  const messages: string[] = [];
  // The estimate's warnings wait until both sides are read: a bad side is then one line alone.
  const sub: CliContext = { ...ctx, err: (line) => void messages.push(line), readStdin: async () => text ?? '' };
  const runs = await estimateRuns(sub, [ref], { ...estimate, color: false });
  // Compared as --format json gives them (its figures, rounded to 12 significant digits), as a saved side is.
  return { source: ref, kind: 'run', toolVersion: VERSION, dollarYear: dollarYearOf(runs), runs: runs.map((r) => runToJson(r)), messages };
}

function savedOutput(text: string, ref: string): Side | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || !('schemaVersion' in data) || !('runs' in data)) return null;
  const result = savedSchema.safeParse(data);
  const shown = ref === '-' ? 'stdin' : excerpt(ref, 200);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InputError(
      `saved output ${shown}: ${issue.path.join('.') || 'document'}: ${issue.message}; expected the output of train-cost --format json (schemaVersion 1)`,
    );
  }
  const doc = result.data;
  return { source: ref, kind: 'saved', toolVersion: doc.tool?.version ?? null, dollarYear: doc.dollarYear ?? null, runs: doc.runs };
}
