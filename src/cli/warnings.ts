// Warnings go to stderr in every format (stdout is the data: JSON and CSV carry them as fields,
// Markdown in its document); each once, however many runs share it.
// On a terminal a warning is wrapped to its width, continuation lines indented; piped, it stays
// one line, so that scripts can grep it.
import type { RunEstimate } from '../core/types.js';
import { wrapText } from '../output/fit.js';
import { describeWarning } from '../output/warnings.js';
import type { CliContext } from './context.js';

/** Lines after a wrapped warning's first are indented this much. */
const HANG = '  ';

/** One warning on stderr: "warning: <text>", wrapped when stderr is a terminal. */
export function warn(ctx: CliContext, text: string): void {
  tell(ctx, `warning: ${text}`);
}

/** One note on stderr (something the user may not expect, not a risk to the figures): "note: <text>", wrapped as warnings are. */
export function note(ctx: CliContext, text: string): void {
  tell(ctx, `note: ${text}`);
}

function tell(ctx: CliContext, line: string): void {
  ctx.err(ctx.errWidth === undefined ? line : wrapText(line, ctx.errWidth, HANG).join('\n'));
}

export function reportWarnings(ctx: CliContext, runs: readonly RunEstimate[]): void {
  for (const w of new Set(runs.flatMap((r) => r.warnings.map(describeWarning)))) warn(ctx, w);
}
