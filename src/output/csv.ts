// CSV with a header row: one row per run, and for runs of several phases one more row per
// phase (the `phase` column names it; empty on the run's own row). Raw numbers.
import type { RunEstimate } from '../core/types.js';
import { type Column, COLUMNS, componentColumns, type Row, totalColumn } from './columns.js';
import { csvCell } from './tables.js';

const C = COLUMNS;

/** The columns and the line of each row, made once per document. */
function csvShape() {
  const CSV_COLUMNS: Column[] = [
    C.gpu,
    C.chips,
    C.wallClock,
    C.gpuHours,
    C.price,
    totalColumn('rental', false),
    C.mfu,
    C.flop,
    C.energy,
    C.co2,
    totalColumn('owned', false),
  ];
  // Every component has its column, empty where a run lacks it, so the columns never depend on the input.
  const components = componentColumns();
  const header = [
    'run',
    'phase',
    ...CSV_COLUMNS.map((c) => c.key),
    'gpuHoursLow',
    'gpuHoursHigh',
    'usdLow',
    'usdHigh',
    'priceId',
    ...components.map((c) => c.key),
    'date',
    'priceDate',
    'dollarYear',
  ];
  const line = (run: RunEstimate, phase: string, row: Row) => [
    run.name,
    phase,
    ...CSV_COLUMNS.map((c) => c.raw(row)),
    ...row.range.gpuHours,
    ...row.range.usd,
    row.rental.priceId,
    ...components.map((c) => c.raw(row)),
    run.date,
    row.rental.priceDate,
    // Empty: nominal dollars (each figure in the dollars of its price's date).
    run.dollarYear,
  ];
  const lines = (run: RunEstimate) => [line(run, '', run), ...(run.phases.length > 1 ? run.phases.map((p) => line(run, p.name, p)) : [])];
  return { header, lines };
}

export function renderCsv(runs: readonly RunEstimate[]): string {
  const writer = csvWriter();
  return writer.header + runs.map(writer.run).join('');
}

/** CSV written run by run: the header line, then each run's lines (for streaming a big grid). */
export function csvWriter(): { header: string; run: (run: RunEstimate) => string } {
  const { header, lines } = csvShape();
  const text = (cells: readonly (string | number | boolean | null)[]) => {
    let line = '';
    for (let i = 0; i < cells.length; i++) line += i === 0 ? cell(cells[i]!) : `,${cell(cells[i]!)}`;
    return `${line}\n`;
  };
  return {
    header: text(header),
    run: (run) => {
      let out = '';
      for (const l of lines(run)) out += text(l);
      return out;
    },
  };
}

/** csvCell, with repeated texts cached (a grid's runs repeat their gpu, price id, dates...). */
function cell(v: string | number | boolean | null): string {
  if (typeof v !== 'string') return csvCell(v);
  let t = TEXT_CELLS.get(v);
  if (t === undefined) {
    t = csvCell(v);
    if (TEXT_CELLS.size >= 10_000) TEXT_CELLS.clear();
    TEXT_CELLS.set(v, t);
  }
  return t;
}

const TEXT_CELLS = new Map<string, string>();
