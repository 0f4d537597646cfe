// CSV with a header row: one row per run, and for runs of several phases one more row per
// phase (the `phase` column names it; empty on the run's own row). Raw numbers.
import type { RunEstimate } from '../core/types.js';
import { type Column, COLUMNS, type Row } from './columns.js';
import { csvDocument } from './tables.js';

const C = COLUMNS;
const CSV_COLUMNS: Column[] = [C.gpu, C.chips, C.wallClock, C.gpuHours, C.price, C.cost, C.mfu, C.flop, C.energy, C.co2, C.owned];

export function renderCsv(runs: readonly RunEstimate[]): string {
  const header = ['run', 'phase', ...CSV_COLUMNS.map((c) => c.key), 'gpuHoursLow', 'gpuHoursHigh', 'usdLow', 'usdHigh', 'priceId'];
  const line = (run: RunEstimate, phase: string, row: Row) => [
    run.name,
    phase,
    ...CSV_COLUMNS.map((c) => c.raw(row)),
    ...row.range.gpuHours,
    ...row.range.usd,
    row.rental.priceId,
  ];
  const lines = runs.flatMap((run) => [line(run, '', run), ...(run.phases.length > 1 ? run.phases.map((p) => line(run, p.name, p)) : [])]);
  return csvDocument(header, lines);
}

