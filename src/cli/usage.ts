// What bare `train-cost` prints (on stderr, exit 2): what it does and three examples.
export const USAGE = `usage: train-cost [runs...] [options]     estimate a run: bundled id, YAML file, or flags
       train-cost <command> [options]    gpus, runs, budget, backtest, schema, validate

Examples:
  train-cost --chips 512 --gpu h800 --hours 80
  train-cost --params 70B --tokens 15T --gpu h100
  train-cost deepseek-r1

train-cost --help lists every option.`;
