// What the table and Markdown end on: one line of key assumptions (each price with its date,
// the region), a short summary, and the total last (rental, and owned when it is known).
import type { RunEstimate } from '../core/types.js';
import { totalsOf } from './costs.js';
import { fmtHours, fmtNumber, fmtRange, fmtRatio, fmtUsd, fmtUsdShort } from './format.js';

/** "Assuming h800 at $2.00/GPU-hour (deepseek-assumption, 2024-12-27), region us; --explain: the arithmetic and every source". */
export function keyAssumptions(runs: readonly RunEstimate[], explained: boolean): string {
  const prices = new Map<string, string>();
  for (const p of runs.flatMap((r) => r.phases)) {
    const rental = p.rental;
    const label = rental.priceId ?? rental.priceSource;
    const text = `${p.gpu.id} at ${fmtUsd(rental.usdPerGpuHour)}/GPU-hour (${label}${rental.priceDate !== null ? `, ${rental.priceDate}` : ''})`;
    prices.set(text, text);
  }
  const regions = [...new Set(runs.map((r) => r.energy.region).filter((r) => r !== null))];
  const region = regions.length > 0 ? `; region ${regions.join(', ')}` : '';
  // The dollar basis, in every format: nominal (each figure in its price's dollars) or one year's.
  const year = runs[0]?.dollarYear ?? null;
  const dollars = year === null ? '; nominal dollars' : `; ${year} dollars`;
  return `Assuming ${[...prices.values()].join(', ')}${region}${dollars}${explained ? '' : '; --explain: the arithmetic and every source'}`;
}

/**
 * The lines that end the output: what was estimated, then the total (the last line). `full`: the
 * table above shows the run's cost in full dollars (the terminal's run table), so the total does too.
 */
export function answerLines(runs: readonly RunEstimate[], opts: { full?: boolean } = {}): string[] {
  if (runs.length === 1) return oneRun(runs[0]!, opts.full === true);
  const base = runs[0]!;
  const { cheapest, dearest } = cheapestAndDearest(runs);
  const vs = (r: RunEstimate) => (r === base ? 'the baseline' : `${fmtRatio(r.rental.usd, base.rental.usd)} the baseline`);
  return [
    `Cheapest to rent: ${cheapest.name}, ${fmtUsd(cheapest.rental.usd)} (${vs(cheapest)}); dearest: ${dearest.name}, ${fmtUsd(dearest.rental.usd)} (${vs(dearest)})`,
  ];
}

/** The runs cheapest and dearest to rent (the first of equals). Every run has a rental cost. */
export function cheapestAndDearest(runs: readonly RunEstimate[]): { cheapest: RunEstimate; dearest: RunEstimate } {
  return {
    cheapest: runs.reduce((a, b) => (b.rental.usd < a.rental.usd ? b : a)),
    dearest: runs.reduce((a, b) => (b.rental.usd > a.rental.usd ? b : a)),
  };
}

function oneRun(run: RunEstimate, full: boolean): string[] {
  const over = run.wallClockHours !== null ? `, ${fmtHours(run.wallClockHours)} of wall-clock` : '';
  const phases = run.phases.length > 1 ? ` in ${run.phases.length} phases` : '';
  const totals = totalsOf(run.costs);
  const rental = totals.find((t) => t.basis === 'rental')!;
  const owned = totals.find((t) => t.basis === 'owned');
  // One style in the line, the table's for that run: full dollars, or 3 significant digits beside a range.
  const ranged = rental.range[0] !== rental.range[1];
  const usd = ranged && !full ? fmtUsdShort : fmtUsd;
  const total =
    `Total: ${usd(rental.usd)} to rent${ranged ? ` (range ${fmtRange(rental.range, usd)})` : ''}` +
    (owned !== undefined ? `; ${usd(owned.usd)} to own (${fmtRatio(owned.usd, rental.usd)} of renting)` : '');
  return [`${run.name}: ${fmtNumber(run.gpuHours)} GPU-hours${over}${phases}`, total];
}
