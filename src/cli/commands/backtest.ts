// train-cost backtest [file]: estimates from the workload alone vs reported GPU-hours.
import { Command } from 'commander';
import { backtestWithModel, type BacktestResult } from '../../core/backtest.js';
import { CheckFailed, InputError } from '../../errors.js';
import { loadGpus } from '../../presets/gpus.js';
import { loadMfuModel } from '../../presets/mfu.js';
import { groupedHoldout } from '../../core/backtest.js';
import { loadCalibrationData, readObservationsFile, BACKTEST_CSV_COLUMNS } from '../../presets/observations.js';
import { PUBLISHED_CSV_COLUMNS } from '../../presets/published-csv.js';
import { renderBacktest, skippedLines } from '../../output/backtest.js';
import { fmtPercent } from '../../output/format.js';
import type { CliContext } from '../context.js';
import {
  addOptions,
  commonOptions,
  formatOf,
  num,
  oneOf,
  option,
  type OptionShape,
  outOption,
  parseOptions,
  wideOption,
} from '../options.js';
import { FORMATS } from '../../output/render.js';

const backtestShape = {
  ...commonOptions(FORMATS),
  ...outOption(),
  ...wideOption,
  groupBy: option('--group-by <key>', 'bundled runs: hold out all runs of one organization, model family or gpu at a time', (flag) =>
    oneOf(flag, ['organization', 'family', 'gpu'] as const),
  ),
  maxError: option('--max-error <f>', 'exit 1 when the median absolute error is above this (0.2 = 20%)', (flag) => num({ flag, max: 10 })),
  minCoverage: option('--min-coverage <f>', 'exit 1 when fewer reported values than this share fall inside the range (0.8 = 80%)', (flag) =>
    num({ flag, max: 1 }),
  ),
} satisfies OptionShape;

export function backtestCommand(ctx: CliContext): Command {
  return addOptions(new Command('backtest'), backtestShape)
    .description(
      'estimate published runs from their workload alone and compare with the reported GPU-hours ' +
        '(bundled calibration runs: leave-one-out, or with --group-by a grouped holdout, each predicted by a model fitted without it)',
    )
    .argument(
      '[file]',
      `your runs: a YAML run or list of runs, a CSV with columns ${BACKTEST_CSV_COLUMNS.join(', ')}, or a CSV in the published-runs format (${PUBLISHED_CSV_COLUMNS.join(', ')}, ...)`,
    )
    .action((file: string | undefined, raw: Record<string, unknown>) => {
      const opts = parseOptions(backtestShape, raw);
      const dirs = ctx.presetDirs(opts);
      const gpus = loadGpus(dirs);
      let result: BacktestResult;
      if (file === undefined) {
        const data = loadCalibrationData(dirs, gpus);
        const holdout = groupedHoldout(data.observations, gpus, opts.groupBy ?? 'run');
        result = { ...holdout, method: opts.groupBy ? 'grouped holdout' : 'leave-one-out', skipped: [] };
      } else {
        if (opts.groupBy !== undefined) throw new InputError('--group-by applies to the bundled runs only; drop it or the file');
        const { observations, skipped } = readObservationsFile(file, gpus);
        result = { ...backtestWithModel(observations, gpus, loadMfuModel(dirs)), skipped };
      }
      ctx.out(renderBacktest(result, formatOf(opts), ctx.renderOptions(opts)), opts.out);
      for (const line of skippedLines(result)) ctx.err(line);
      const missed = [
        opts.maxError !== undefined && result.medianAbsError > opts.maxError
          ? `median absolute error ${fmtPercent(result.medianAbsError)} is above --max-error ${fmtPercent(opts.maxError)}`
          : null,
        opts.minCoverage !== undefined && result.coverage < opts.minCoverage
          ? `range coverage ${fmtPercent(result.coverage)} is below --min-coverage ${fmtPercent(opts.minCoverage)}`
          : null,
      ].filter((m) => m !== null);
      if (missed.length > 0) throw new CheckFailed(missed.join('; '));
    });
}
