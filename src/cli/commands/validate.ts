// train-cost validate <file...>: check preset files; exit 2 at the first bad one.
import { Command } from 'commander';
import { InputError } from '../../errors.js';
import { PRESET_SCHEMAS, presetKindOf } from '../../presets/kinds.js';
import { displayPath, readPresetFile } from '../../presets/load.js';
import type { CliContext } from '../context.js';

export function validateCommand(ctx: CliContext): Command {
  return new Command('validate')
    .description('check preset files (gpus/*.yaml, runs/*.yaml, regions.yaml, mfu-model.yaml, run files); exit 2 at the first bad one')
    .argument('<files...>', 'YAML files')
    .action((files: string[]) => {
      const lines: string[] = [];
      for (const file of files) {
        const kind = presetKindOf(file);
        try {
          // The file as it is on disk, even for a bundled preset.
          readPresetFile(file, PRESET_SCHEMAS[kind], { fromDisk: true });
        } catch (e) {
          // What passed so far is still reported, before the error.
          ctx.out(lines.join(''));
          throw e instanceof InputError ? e : new InputError(`${displayPath(file)}: ${String(e)}`);
        }
        lines.push(`ok ${displayPath(file)} (${kind})\n`);
      }
      ctx.out(lines.join(''));
    });
}
