// train-cost budget <usd>: what a budget buys on an accelerator.
import { Command } from 'commander';
import { estimateBudget } from '../../core/budget.js';
import { cartesian } from '../../core/grid.js';
import { InputError } from '../../errors.js';
import { parseQuantity } from '../../input/number.js';
import { loadGpus } from '../../presets/gpus.js';
import { loadMfuProvider } from '../../presets/mfu.js';
import { loadRegions } from '../../presets/regions.js';
import { PRECISIONS } from '../../presets/schema.js';
import { ESTIMATE_FORMATS, renderEstimates } from '../../output/render.js';
import type { CliContext } from '../context.js';
import { reportWarnings } from '../warnings.js';
import { assertFinite } from '../../input/finite.js';
import {
  addOptions,
  always,
  commonOptions,
  ESTIMATE_OUT,
  estimateFormatOf,
  explainOption,
  oneOf,
  option,
  type OptionShape,
  outOption,
  parseOptions,
  priceSourceOption,
  settingOption,
  singleSettingOption,
  wideOption,
  word,
  wordList,
} from '../options.js';
import { toPhaseSettings } from '../../presets/run-input.js';

const budgetShape = {
  ...commonOptions(ESTIMATE_FORMATS),
  ...outOption(ESTIMATE_OUT),
  ...wideOption,
  ...explainOption,
  gpu: always('-g, --gpu <ids>', 'accelerator preset(s), comma-separated', wordList, { mandatory: true }),
  chips: settingOption('chips', '-c, --chips <n>', 'chips (gives wall-clock); a list compares'),
  params: singleSettingOption('params', '--params <n>', 'train this many (active) parameters: how many tokens does the budget buy?'),
  tokens: singleSettingOption('tokens', '--tokens <n>', 'train on this many tokens: how large a model does the budget buy?'),
  mfu: singleSettingOption('mfu', '--mfu <f>', 'model FLOP utilisation, 0-1 (default: calibrated)'),
  precision: option('--precision <p>', `${PRECISIONS.join(', ')} (default bf16)`, (flag) => oneOf(flag, PRECISIONS)),
  price: singleSettingOption('price', '--price <usd>', 'USD per GPU-hour'),
  priceSource: priceSourceOption(),
  region: option('--region <id>', 'energy region (default us)', word),
} satisfies OptionShape;

export function budgetCommand(ctx: CliContext): Command {
  return addOptions(new Command('budget'), budgetShape)
    .description('what a budget buys: GPU-hours, wall-clock, FLOP at the calibrated MFU, compute-optimal params and tokens')
    .argument('<usd>', 'the budget in USD, e.g. 5.576e6 or 2M')
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
