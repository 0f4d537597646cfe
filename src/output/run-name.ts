// The name of a run described by flags alone (a grid row, or the library's estimate() without a
// name): what was asked, in short.
import type { RunPreset } from '../presets/schema.js';
import { fmtCompact, fmtNumber, withSuffix } from './format.js';

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
          ? `${gpuHoursText(p.gpuHours)} GPU-h`
          : null;
  const work =
    p.flops !== undefined
      ? `${p.flops.toExponential(2)} FLOP`
      : p.tokens !== undefined && run.model?.params !== undefined
        ? `${fmtCompact(run.model.activeParams ?? run.model.params)} x ${fmtCompact(p.tokens)} tokens`
        : null;
  return [head, time, work].filter((s) => s !== null).join(', ');
}

/** GPU-hours as asked, readable: "57M" for 57e6 (compact when that is exact), else grouped: "40,960". */
function gpuHoursText(h: number): string {
  if (h >= 1e15) return h.toExponential(2);
  const compact = withSuffix(h);
  if (compact !== null && compact.value === h) return compact.text;
  return Number.isInteger(h) ? fmtNumber(h) : String(h);
}
