// The command line as a function: main(argv, io) -> exit code. The only place that decides exit
// codes. Errors carry their code; bad input is one line on stderr; a bug is one line (the stack
// only with --debug); a closed pipe ends quietly; any other write error is one line.
import { type Command, CommanderError } from 'commander';
import { CheckFailed, EXIT, InputError, UsageError } from '../errors.js';
import { type CliContext, createContext } from './context.js';
import type { CliIO } from './io.js';
import { buildProgram } from './program.js';

/** Run the command line on `argv` (the arguments after the program name) with this io. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const ctx = createContext(io);
  const debug = argv.includes('--debug');
  let code: number;
  try {
    const program = buildProgram(ctx, argv);
    configure(program, ctx);
    await program.parseAsync([...argv], { from: 'user' });
    code = EXIT.ok;
  } catch (e) {
    code = report(e, debug, ctx);
  }
  const writeError = await ctx.settled();
  if (writeError === null || writeError.code === 'EPIPE') return code;
  ctx.err(`train-cost: cannot write output: ${describeWriteError(writeError)}`);
  return EXIT.cannotWrite;
}

function configure(cmd: Command, ctx: CliContext): void {
  cmd.exitOverride();
  cmd.configureOutput({
    writeOut: (str) => ctx.out(str),
    writeErr: (str) => ctx.err(str),
    getOutHelpWidth: () => ctx.width ?? 80,
    getErrHelpWidth: () => ctx.width ?? 80,
    getOutHasColors: () => false,
    getErrHasColors: () => false,
    // Commander's own errors: one line, prefixed with the program name.
    outputError: (str, write) =>
      write(`train-cost: ${oneLine(str.replace(/^error: /, ''))}; see train-cost ${cmd.parent ? `${cmd.name()} ` : ''}--help\n`),
  });
  for (const sub of cmd.commands) configure(sub, ctx);
}

function oneLine(s: string): string {
  return s
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join(' ');
}

function report(e: unknown, debug: boolean, ctx: CliContext): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    // Commander already printed the message (through outputError).
    return EXIT.badInput;
  }
  if (e instanceof UsageError) {
    ctx.err(e.usage);
    return EXIT.badInput;
  }
  if (e instanceof InputError) {
    ctx.err(`train-cost: ${e.message}`);
    return EXIT.badInput;
  }
  if (e instanceof CheckFailed) {
    ctx.err(`train-cost: ${e.message}`);
    return EXIT.checkFailed;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  ctx.err(
    debug
      ? `train-cost: internal error: ${err.stack ?? err.message}`
      : `train-cost: internal error (a bug, please report it): ${err.message}; run with --debug for the stack`,
  );
  return EXIT.bug;
}

/** "ENOSPC: no space left on device, write" -> "no space left on device (ENOSPC)". */
function describeWriteError(e: NodeJS.ErrnoException): string {
  const text = e.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
  return e.code !== undefined && !text.includes(e.code) ? `${text} (${e.code})` : text;
}
