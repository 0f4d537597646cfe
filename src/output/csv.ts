// CSV with a header row: one row per run, and for runs of several phases one more row per
// phase (the `phase` column names it; empty on the run's own row). Raw numbers.
import type { RunEstimate } from '../core/types.js';
import { type Column, COLUMNS, type Row } from './columns.js';
import { roundSignificant } from './json.js';

const C = COLUMNS;
const CSV_COLUMNS: Column[] = [C.gpu, C.chips, C.wallClock, C.gpuHours, C.price, C.cost, C.mfu, C.flop, C.energy, C.co2, C.owned];

export function renderCsv(runs: readonly RunEstimate[]): string {
  const header = ['run', 'phase', ...CSV_COLUMNS.map((c) => c.key), 'gpuHoursLow', 'gpuHoursHigh', 'usdLow', 'usdHigh', 'priceId'];
  const lines = [header.join(',')];
  const line = (run: RunEstimate, phase: string, row: Row) =>
    [
      run.name,
      phase,
      ...CSV_COLUMNS.map((c) => c.raw(row)),
      ...row.range.gpuHours,
      ...row.range.usd,
      row.rental.priceId,
    ]
      .map(cell)
      .join(',');
  for (const run of runs) {
    lines.push(line(run, '', run));
    if (run.phases.length > 1) for (const p of run.phases) lines.push(line(run, p.name, p));
  }
  return `${lines.join('\n')}\n`;
}

function cell(v: number | string | null): string {
  if (v === null) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('non-finite number in CSV output');
  const s = String(typeof v === 'number' ? roundSignificant(v) : v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
