// What bare `train-cost` prints (on stderr, exit 2): what it does and three examples.
import { COMMAND_NAMES } from './command-names.js';

export const USAGE = `usage: train-cost [runs...] [options]     estimate a run: bundled id, YAML file, or flags
       train-cost <command> [options]    one of the commands below

Commands: ${COMMAND_NAMES.join(', ')}

Examples:
  train-cost --chips 512 --gpu h800 --hours 80
  train-cost --params 70B --tokens 15T --gpu h100
  train-cost deepseek-r1

train-cost --help lists every option.`;
