// train-cost gpus: the accelerator presets with their specs and default price; with a gpu and
// --prices, that accelerator's prices and imported offers, cheapest first.
import { Command } from 'commander';
import { z } from 'zod';
import { findGpu, loadGpus } from '../../presets/gpus.js';
import { renderGpus } from '../../output/gpus.js';
import { renderOffers } from '../../output/offers.js';
import { InputError } from '../../errors.js';
import { presetDirs, useColor, writeOut } from '../context.js';
import { addCommonOptions, commonSchema, formatOf, parseOptions } from '../options.js';

const gpusSchema = commonSchema.extend({ prices: z.boolean().optional() });

export function gpusCommand(): Command {
  return addCommonOptions(new Command('gpus'))
    .description('list accelerator presets: peak TFLOP/s, memory, default $/GPU-hour and its date')
    .argument('[gpu]', 'with --prices: the accelerator whose prices to list')
    .option('--prices', "list the gpu's prices and imported offers, cheapest first")
    .action((gpu: string | undefined, raw: Record<string, unknown>) => {
      const opts = parseOptions(gpusSchema, raw);
      const gpus = loadGpus(presetDirs(opts));
      if (opts.prices) {
        if (gpu === undefined) throw new InputError('--prices needs a gpu: e.g. train-cost gpus h100 --prices');
        writeOut(renderOffers(findGpu(gpus, gpu), formatOf(opts), { color: useColor(opts) }));
        return;
      }
      if (gpu !== undefined) throw new InputError(`a gpu ("${gpu}") is listed with --prices: train-cost gpus ${gpu} --prices`);
      writeOut(renderGpus(gpus, formatOf(opts), { color: useColor(opts) }));
    });
}
