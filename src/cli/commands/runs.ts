// train-cost runs: the bundled published runs with their reported figures.
import { Command } from 'commander';
import { loadRuns } from '../../presets/runs.js';
import { renderRuns } from '../../output/runs.js';
import type { CliContext } from '../context.js';
import { addOptions, commonOptions, formatOf, type OptionShape, outOption, parseOptions, wideOption } from '../options.js';
import { FORMATS } from '../../output/render.js';

const runsShape = { ...commonOptions(FORMATS), ...outOption(), ...wideOption } satisfies OptionShape;

export function runsCommand(ctx: CliContext): Command {
  return addOptions(new Command('runs'), runsShape)
    .description('list bundled published training runs with their reported GPU-hours and cost')
    .action((raw: Record<string, unknown>) => {
      const opts = parseOptions(runsShape, raw);
      ctx.out(renderRuns(loadRuns(ctx.presetDirs(opts)), formatOf(opts), ctx.renderOptions(opts)), opts.out);
    });
}
