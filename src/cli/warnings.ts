// Warnings go to stderr in every format (stdout is the data: JSON and CSV carry them as fields,
// Markdown in its document); each once, however many runs share it.
import type { RunEstimate } from '../core/types.js';
import { describeWarning } from '../output/warnings.js';
import type { CliContext } from './context.js';

export function reportWarnings(ctx: CliContext, runs: readonly RunEstimate[]): void {
  for (const w of new Set(runs.flatMap((r) => r.warnings.map(describeWarning)))) ctx.err(`warning: ${w}`);
}
