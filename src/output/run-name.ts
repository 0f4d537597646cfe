// The name of a run described by flags alone (a grid row, or the library's estimate() without a
// name): what was asked, in short.
import type { RunPreset } from '../presets/schema.js';
import { fmtCompact } from './format.js';

/** Name a grid row by what was asked: "512 x h800, 80 h". */
export function describeFlagsRun(run: RunPreset): string {
  const p = run.phases[0]!;
  const gpu = p.gpu ?? run.gpu ?? '?';
  const chips = p.chips ?? run.chips;
  const head = chips !== undefined ? `${chips} x ${gpu}` : gpu;
  const time =
    p.hours !== undefined
      ? `${p.hours} h`
      : p.days !== undefined
        ? `${p.days} days`
        : p.gpuHours !== undefined
          ? `${p.gpuHours} GPU-h`
          : null;
  const work =
    p.flops !== undefined
      ? `${p.flops.toExponential(2)} FLOP`
      : p.tokens !== undefined && run.model?.params !== undefined
        ? `${fmtCompact(run.model.activeParams ?? run.model.params)} x ${fmtCompact(p.tokens)} tokens`
        : null;
  return [head, time, work].filter((s) => s !== null).join(', ');
}
