// The commander program: the default estimate command and one subcommand per file.
import { Command } from 'commander';
import { COMMAND_NAMES, type CommandName } from './command-names.js';
import { COMMON_KEYS } from './options.js';
import { addEstimateOptions, runEstimate } from './commands/estimate.js';
import { backtestCommand } from './commands/backtest.js';
import { budgetCommand } from './commands/budget.js';
import { completionCommand } from './commands/completion.js';
import { diffCommand } from './commands/diff.js';
import { gpusCommand } from './commands/gpus.js';
import { pricesCommand } from './commands/prices.js';
import { runsCommand } from './commands/runs.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import type { CliContext } from './context.js';
import { VERSION } from '../version.js';
import { InputError } from '../errors.js';

const EXAMPLES = `
Examples:
  $ train-cost --chips 512 --gpu h800 --hours 80
      512 H800s for 80 hours: 40,960 GPU-hours, $81,920 at DeepSeek's $2
  $ train-cost --params 70B --tokens 15T --gpu h100,b200 --chips 2048,4096
      plan a run: four combinations compared against the first
  $ train-cost deepseek-r1
      a published run, phase by phase, beside its reported cost
  $ train-cost plan.yaml --max-cost 2e6 --format json | jq '.runs[].rental.usd'
      gate a budget in CI: exit 1 when over

Numbers take K, M, B, T suffixes and exponents (671B, 14.8T, 2e6); lists
(512,1024) and ranges (256..4096:x2, 0.3..0.5:0.05) make a comparison.
Exit codes: 0 ok, 1 a check failed (--max-cost, backtest), 2 bad input,
70 internal error, 74 output could not be written.`;

/** The subcommands, in the order help lists them. */
const SUBCOMMANDS: Record<CommandName, (ctx: CliContext) => Command> = {
  gpus: gpusCommand,
  runs: runsCommand,
  budget: budgetCommand,
  backtest: backtestCommand,
  schema: schemaCommand,
  validate: validateCommand,
  prices: pricesCommand,
  diff: diffCommand,
  completion: completionCommand,
};

/** Arguments that need every subcommand defined: help lists them all, completion describes them all. */
const needsAll = (arg: string) => arg === 'help' || arg === 'completion' || arg === '--help' || /^-[^-]*h/.test(arg);

/**
 * The program; given the arguments, with only the subcommands they name (commander dispatches on a
 * subcommand's exact name, so one that is not among them cannot run): a start-up defines the
 * options of the command it runs, not of all ten. Help and completion get every subcommand.
 */
export function buildProgram(ctx: CliContext, argv?: readonly string[]): Command {
  const program = addEstimateOptions(new Command('train-cost'))
    .description('Estimate what it costs to train a large AI model: GPU-hours, wall-clock, dollars, energy, CO2.')
    .version(VERSION, '-V, --version')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    // `train-cost help diff` as git and npm have it (the root's own [runs...] would take "help" as a run id).
    .helpCommand('help [command]', 'show help for a command')
    // Options after a subcommand's name belong to the subcommand (gpus --format json).
    .enablePositionalOptions()
    .hook('preAction', (root, action) => inheritOptions(root, action))
    .action(async (refs: string[], raw: Record<string, unknown>) => runEstimate(ctx, refs, raw));
  const all = argv === undefined || argv.some(needsAll);
  for (const name of COMMAND_NAMES) if (all || argv.includes(name)) program.addCommand(SUBCOMMANDS[name](ctx));
  return program;
}

/**
 * Options given before a subcommand's name: --format, --json, --no-color, --presets apply to it
 * as if given after (--presets adds to its own); an estimate option there is refused, not ignored.
 */
function inheritOptions(root: Command, sub: Command): void {
  if (sub === root) return;
  for (const option of root.options) {
    const key = option.attributeName();
    if (root.getOptionValueSource(key) !== 'cli') continue;
    const flag = option.long ?? option.flags;
    const takes = sub.options.some((o) => o.attributeName() === key);
    if (key === 'debug' || (key === 'color' && !takes)) continue;
    if (!(COMMON_KEYS as readonly string[]).includes(key) || !takes)
      throw new InputError(`${flag} before "${sub.name()}" does not apply to it; see train-cost ${sub.name()} --help`);
    const value: unknown = root.getOptionValue(key);
    if (key === 'presets') {
      sub.setOptionValueWithSource(key, [...(value as string[]), ...((sub.getOptionValue(key) as string[] | undefined) ?? [])], 'cli');
    } else if (sub.getOptionValueSource(key) !== 'cli') {
      sub.setOptionValueWithSource(key, value, 'cli');
    }
  }
}
