// The subcommands' names, in the order help lists them: the program defines them (program.ts, which
// the compiler holds to this list), bare `train-cost` names them, and a mistyped one is suggested.
export const COMMAND_NAMES = ['gpus', 'runs', 'budget', 'backtest', 'schema', 'validate', 'prices', 'diff', 'completion'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
