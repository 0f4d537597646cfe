// train-cost gpus: the accelerator presets with their specs and default price.
import { Command } from 'commander';
import { loadGpus } from '../../presets/gpus.js';
import { renderGpus } from '../../output/gpus.js';
import { presetDirs, today, useColor, writeOut } from '../context.js';
import { addCommonOptions, commonSchema, formatOf, parseOptions } from '../options.js';

export function gpusCommand(): Command {
  return addCommonOptions(new Command('gpus'))
    .description('list accelerator presets: peak TFLOP/s, memory, default $/GPU-hour and its date')
    .action((raw: Record<string, unknown>) => {
      const opts = parseOptions(commonSchema, raw);
      const gpus = loadGpus(presetDirs(opts));
      writeOut(renderGpus(gpus, formatOf(opts), { color: useColor(opts), today: today() }));
    });
}
