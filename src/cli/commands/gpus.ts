// train-cost gpus: the accelerator presets with their specs and default price; with a gpu and
// --prices, that accelerator's prices and imported offers, cheapest first.
import { Command } from 'commander';
import { findGpu, loadGpus } from '../../presets/gpus.js';
import { renderGpus } from '../../output/gpus.js';
import { renderOffers } from '../../output/offers.js';
import { InputError } from '../../errors.js';
import { quote } from '../../input/excerpt.js';
import type { CliContext } from '../context.js';
import { addOptions, commonOptions, formatOf, type OptionShape, outOption, parseOptions, toggle, wideOption } from '../options.js';
import { FORMATS } from '../../output/render.js';

const gpusShape = {
  ...commonOptions(FORMATS),
  ...outOption(),
  ...wideOption,
  prices: toggle('--prices', "list the gpu's prices and imported offers, cheapest first"),
} satisfies OptionShape;

export function gpusCommand(ctx: CliContext): Command {
  return addOptions(new Command('gpus'), gpusShape)
    .description('list accelerator presets: peak TFLOP/s, memory, default $/GPU-hour and its date')
    .argument('[pattern]', 'only the presets whose id, name or alias contains this (h100, amd); with --prices, one gpu')
    .action((pattern: string | undefined, raw: Record<string, unknown>) => {
      const opts = parseOptions(gpusShape, raw);
      const gpus = loadGpus(ctx.presetDirs(opts));
      if (opts.prices) {
        if (pattern === undefined) throw new InputError('--prices needs a gpu: e.g. train-cost gpus h100 --prices');
        ctx.out(renderOffers(findGpu(gpus, pattern), formatOf(opts), ctx.renderOptions(opts)), opts.out);
        return;
      }
      const shown = pattern === undefined ? gpus : gpus.filter((g) => matches(g, pattern));
      if (shown.length === 0) throw new InputError(`no gpu preset matches ${quote(pattern!)}; train-cost gpus lists them all`);
      ctx.out(renderGpus(shown, formatOf(opts), { ...ctx.renderOptions(opts), today: ctx.today() }), opts.out);
    });
}

/** A case-insensitive substring of the id, the name or an alias. */
function matches(g: { id: string; name: string; aliases?: readonly string[] }, pattern: string): boolean {
  const p = pattern.toLowerCase();
  return [g.id, g.name, ...(g.aliases ?? [])].some((s) => s.toLowerCase().includes(p));
}
