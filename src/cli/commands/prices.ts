// train-cost prices import FILE --out DIR: a SkyPilot or gpuhunt catalog CSV -> a preset folder of
// price sheets (DIR/prices/<provider>-<gpu>.yaml) that --presets DIR then uses. No network.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { importCatalog } from '../../presets/catalog-import.js';
import { loadGpus } from '../../presets/gpus.js';
import { displayPath, yaml } from '../../presets/load.js';
import { note } from '../warnings.js';
import { type CliContext, writeFileAtomic } from '../context.js';
import { readInputFile } from '../../input/read.js';
import { addOptions, always, commonOptions, dateOption, option, type OptionShape, parseOptions } from '../options.js';
import { FORMATS } from '../../output/render.js';

const importShape = {
  ...commonOptions(FORMATS),
  out: always('--out <dir>', 'preset folder to write (created if missing); its prices/ sheets are replaced per provider and gpu', () =>
    z.string({ error: '--out is required: the preset folder to write, e.g. --out my-prices' }),
  ),
  provider: option('--provider <name>', 'provider name (default: the SkyPilot cloud folder, or the gpuhunt file name)', () => z.string()),
  date: option('--date <yyyy-mm-dd>', 'when the catalog was fetched (default: today)', (flag) => dateOption(flag, { day: true })),
} satisfies OptionShape;

/** The provider of a catalog file: SkyPilot's <cloud>/vms.csv, or gpuhunt's <provider>.csv. */
export function providerOfPath(file: string): string | null {
  const name = basename(file).toLowerCase();
  const guess = name === 'vms.csv' ? basename(dirname(resolve(file))) : name.replace(/\.csv$/, '');
  return /^[a-z0-9][a-z0-9_-]*$/i.test(guess) && guess !== 'vms' ? guess.toLowerCase() : null;
}

export function pricesCommand(ctx: CliContext): Command {
  const cmd = new Command('prices').description('price catalogs: import a SkyPilot or gpuhunt CSV as a preset folder');
  cmd.addCommand(
    addOptions(new Command('import'), importShape)
      .description('read a SkyPilot vms.csv or a gpuhunt CSV and write DIR/prices/<provider>-<gpu>.yaml (use it with --presets DIR)')
      .argument('<file>', 'catalog CSV: SkyPilot catalogs/vN/<cloud>/vms.csv, or a gpuhunt <provider>.csv')
      .action((file: string, raw: Record<string, unknown>) => {
        const opts = parseOptions(importShape, raw);
        const provider = opts.provider ?? providerOfPath(file);
        if (provider === null) throw new InputError(`cannot tell the provider of ${file}: give --provider, e.g. --provider aws`);
        const text = readInputFile(file, 'catalog CSV');
        const date = opts.date ?? ctx.today();
        const gpus = loadGpus(ctx.presetDirs(opts));
        const result = importCatalog(text, { file: basename(dirname(resolve(file))) + '/' + basename(file), provider, date, gpus });
        if (result.sheets.length === 0)
          throw new InputError(
            `${file}: no accelerator of the catalog maps to a known gpu${result.unmapped.length ? ` (unmapped: ${result.unmapped.map((u) => u.name).join(', ')})` : ''}`,
          );
        const dir = join(opts.out, 'prices');
        mkdirSync(dir, { recursive: true });
        const lines: string[] = [];
        for (const sheet of result.sheets) {
          const target = join(dir, `${sheet.provider}-${sheet.gpu}.yaml`);
          writeFileAtomic(
            target,
            `# Written by train-cost prices import (${result.format}); use with --presets ${opts.out}\n${yaml().stringify(sheet, { lineWidth: 0 })}`,
          );
          const spot = sheet.prices.filter((p) => p.spot).length;
          lines.push(
            `${sheet.gpu}: ${sheet.prices.length} offers (${sheet.prices.length - spot} on-demand, ${spot} spot) from $${sheet.prices[0]!.usdPerHour.toFixed(2)}/GPU-hour -> ${displayPath(target)}`,
          );
        }
        ctx.out(`${lines.join('\n')}\nUse them: train-cost gpus <gpu> --prices --presets ${opts.out}\n`);
        if (result.unmapped.length > 0)
          note(
            ctx,
            `not imported, no bundled gpu for: ${result.unmapped.map((u) => `${u.name} (${u.rows} offer${u.rows === 1 ? '' : 's'})`).join(', ')}; add a gpu preset (gpus/<id>.yaml with that alias) to import them`,
          );
      }),
  );
  return cmd;
}
