// train-cost completion bash|zsh|fish: a completion script built from the commander command tree,
// with the values of --format, --gpu (the bundled presets), --precision, --price-source and more.
import { Command, type Option } from 'commander';
import { InputError } from '../../errors.js';
import { type CompletionOption, type CompletionTree, completionScript, type Shell, SHELLS } from '../../output/completion.js';
import { FORMATS } from '../../output/render.js';
import { loadGpus } from '../../presets/gpus.js';
import { bundledPresetsDir } from '../../presets/load.js';
import { CLOUDS, PRECISIONS, PRICE_KINDS, WORKLOAD_KINDS } from '../../presets/schema.js';
import type { CliContext } from '../context.js';

export function completionCommand(ctx: CliContext): Command {
  return new Command('completion')
    .description(`print a shell completion script: ${SHELLS.join(', ')} (eval "$(train-cost completion bash)")`)
    .argument('<shell>', SHELLS.join(' | '))
    .action((shell: string, _opts: unknown, cmd: Command) => {
      if (!(SHELLS as readonly string[]).includes(shell))
        throw new InputError(`unknown shell "${shell}"; use one of: ${SHELLS.join(', ')}`);
      ctx.out(completionScript(shell as Shell, treeOf(cmd.parent!)));
    });
}

function optionOf(o: Option): CompletionOption {
  return { long: o.long!, short: o.short ?? null, description: o.description, takesValue: o.required || o.optional };
}

const HELP: CompletionOption = { long: '--help', short: '-h', description: 'display help', takesValue: false };

export function treeOf(program: Command): CompletionTree {
  const own = (c: Command) => c.options.filter((o) => o.long !== undefined && !o.hidden).map(optionOf);
  // A command's subcommands' options are offered with its own (prices import --format).
  const options = (c: Command) => {
    const all = [...own(c), ...c.commands.flatMap(own), HELP];
    return all.filter((o, i) => all.findIndex((x) => x.long === o.long) === i);
  };
  return {
    program: program.name(),
    commands: [
      { name: '', description: program.description(), options: options(program), subcommands: [] },
      ...program.commands.map((c) => ({
        name: c.name(),
        description: c.description(),
        options: options(c),
        subcommands: c.commands.map((s) => s.name()),
      })),
    ],
    values: {
      '--format': FORMATS,
      '--gpu': loadGpus([bundledPresetsDir()]).map((g) => g.id),
      '--precision': PRECISIONS,
      '--price-source': [...PRICE_KINDS, 'epoch', 'default'],
      '--kind': WORKLOAD_KINDS,
      '--cloud': CLOUDS,
    },
  };
}
