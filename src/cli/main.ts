// The entry point: the only place that exits. Errors carry their exit code; bad input is one
// line on stderr; a bug is one line (the stack only with --debug); a closed pipe ends quietly.
import { type Command, CommanderError } from 'commander';
import { CheckFailed, EXIT, InputError } from '../errors.js';
import { buildProgram } from './program.js';

export async function main(argv: string[] = process.argv): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram();
  configure(program);
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (e) {
    return report(e, debug);
  }
}

function configure(cmd: Command): void {
  cmd.exitOverride();
  cmd.configureOutput({
    // Commander's own errors: one line, prefixed with the program name.
    outputError: (str, write) =>
      write(`train-cost: ${oneLine(str.replace(/^error: /, ''))}; see train-cost ${cmd.parent ? `${cmd.name()} ` : ''}--help\n`),
  });
  for (const sub of cmd.commands) configure(sub);
}

function oneLine(s: string): string {
  return s
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join(' ');
}

function report(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    // Commander already printed the message (through outputError).
    return EXIT.badInput;
  }
  if (e instanceof InputError) {
    process.stderr.write(`train-cost: ${e.message}\n`);
    return EXIT.badInput;
  }
  if (e instanceof CheckFailed) {
    process.stderr.write(`train-cost: ${e.message}\n`);
    return EXIT.checkFailed;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(
    debug
      ? `train-cost: internal error: ${err.stack ?? err.message}\n`
      : `train-cost: internal error (a bug, please report it): ${err.message}; run with --debug for the stack\n`,
  );
  return EXIT.bug;
}

/** Run as a program: exit with the code; a closed stdout (| head) ends quietly. */
export function run(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.bug;
    },
  );
}
