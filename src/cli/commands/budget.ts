// train-cost budget <usd>: what a budget buys on an accelerator.
import { Command } from 'commander';
import { z } from 'zod';
import { estimateBudget } from '../../core/budget.js';
import { cartesian } from '../../core/grid.js';
import { InputError } from '../../errors.js';
import { parseQuantity } from '../../input/number.js';
import { loadGpus, PRICE_SOURCE_HINT } from '../../presets/gpus.js';
import { loadMfuProvider } from '../../presets/mfu.js';
import { loadRegions } from '../../presets/regions.js';
import { PRECISIONS } from '../../presets/schema.js';
import { ESTIMATE_FORMATS, renderEstimates } from '../../output/render.js';
import type { CliContext } from '../context.js';
import { reportWarnings } from '../warnings.js';
import { assertFinite } from '../../input/finite.js';
import {
  addCommonOptions,
  addExplainOption,
  addOutOption,
  addWideOption,
  commonShape,
  ESTIMATE_OUT,
  estimateFormatOf,
  estimateFormatShape,
  outShape,
  num,
  numList,
  oneOf,
  parseOptions,
  wordList,
  optional,
  type OptionShape,
} from '../options.js';
import { toPhaseSettings } from '../../presets/run-input.js';

const budgetShape = {
  ...commonShape,
  ...estimateFormatShape,
  ...outShape,
  gpu: () => wordList('--gpu'),
  chips: optional(() => numList({ flag: '--chips', integer: true })),
  params: optional(() => num({ flag: '--params' })),
  tokens: optional(() => num({ flag: '--tokens' })),
  mfu: optional(() => num({ flag: '--mfu', max: 1 })),
  precision: optional(() => oneOf('--precision', PRECISIONS)),
  price: optional(() => num({ flag: '--price' })),
  priceSource: optional(() => z.string()),
  region: optional(() => z.string()),
  explain: optional(() => z.boolean()),
} satisfies OptionShape;

export function budgetCommand(ctx: CliContext): Command {
  return addExplainOption(addWideOption(addOutOption(addCommonOptions(new Command('budget'), ESTIMATE_FORMATS), ESTIMATE_OUT)))
    .description('what a budget buys: GPU-hours, wall-clock, FLOP at the calibrated MFU, compute-optimal params and tokens')
    .argument('<usd>', 'the budget in USD, e.g. 5.576e6 or 2M')
    .requiredOption('-g, --gpu <ids>', 'accelerator preset(s), comma-separated')
    .option('-c, --chips <n>', 'chips (gives wall-clock); a list compares')
    .option('--params <n>', 'train this many (active) parameters: how many tokens does the budget buy?')
    .option('--tokens <n>', 'train on this many tokens: how large a model does the budget buy?')
    .option('--mfu <f>', 'model FLOP utilisation, 0-1 (default: calibrated)')
    .option('--precision <p>', `${PRECISIONS.join(', ')} (default bf16)`)
    .option('--price <usd>', 'USD per GPU-hour')
    .option('--price-source <s>', `which preset price: ${PRICE_SOURCE_HINT}`)
    .option('--region <id>', 'energy region (default us)')
    .action((usdText: string, raw: Record<string, unknown>) => {
      const opts = parseOptions(budgetShape, raw);
      const usd = parseQuantity(usdText);
      if (usd === null || usd <= 0)
        throw new InputError(`invalid budget "${usdText}": expected a positive USD amount such as 5.576e6 or 2M`);
      if (opts.params !== undefined && opts.tokens !== undefined)
        throw new InputError('give --params or --tokens, not both: the budget fixes the other');
      const dirs = ctx.presetDirs(opts);
      const catalog = { gpus: loadGpus(dirs), regions: loadRegions(dirs), today: ctx.today() };
      const mfu = loadMfuProvider(dirs);
      const runs = cartesian({ gpu: opts.gpu, chips: opts.chips ?? [undefined] }).map(({ gpu, chips }) => {
        const name = `$${usdText} on ${chips === undefined ? '' : `${chips} x `}${gpu}`;
        // Settings are resolved as for an estimate; the time is what the budget buys.
        const phase = { name: 'budget' };
        const run = {
          name,
          gpu,
          ...(chips !== undefined ? { chips } : {}),
          ...(opts.precision ? { precision: opts.precision } : {}),
          ...(opts.mfu !== undefined ? { mfu: opts.mfu } : {}),
          ...(opts.price !== undefined ? { price: opts.price } : {}),
          ...(opts.priceSource !== undefined ? { priceSource: opts.priceSource } : {}),
          ...(opts.region !== undefined ? { region: opts.region } : {}),
          phases: [phase],
        };
        const settings = toPhaseSettings(run, phase, catalog);
        return estimateBudget({ ...settings, name, usd, params: opts.params ?? null, tokens: opts.tokens ?? null }, mfu);
      });
      assertFinite(runs);
      ctx.out(renderEstimates(runs, estimateFormatOf(opts), { ...ctx.renderOptions(opts), explain: opts.explain === true }), opts.out);
      reportWarnings(ctx, runs);
    });
}
