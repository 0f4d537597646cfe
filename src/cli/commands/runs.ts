// train-cost runs: the bundled published runs with their reported figures.
import { Command } from 'commander';
import { loadRuns } from '../../presets/runs.js';
import { renderRuns } from '../../output/runs.js';
import type { CliContext } from '../context.js';
import { addCommonOptions, addOutOption, addWideOption, commonShape, formatOf, outShape, parseOptions } from '../options.js';

export function runsCommand(ctx: CliContext): Command {
  return addWideOption(addOutOption(addCommonOptions(new Command('runs'))))
    .description('list bundled published training runs with their reported GPU-hours and cost')
    .action((raw: Record<string, unknown>) => {
      const opts = parseOptions({ ...commonShape, ...outShape }, raw);
      ctx.out(renderRuns(loadRuns(ctx.presetDirs(opts)), formatOf(opts), ctx.renderOptions(opts)), opts.out);
    });
}
