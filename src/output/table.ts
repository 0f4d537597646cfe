// The table for people: one run as a list of figures, several as a comparison against the
// first with a bar chart; phases under their run. Fitted to the width (cells wrapped, then
// columns left out in columns.ts DROP_ORDER). It ends on the answer: one line of key
// assumptions, then the total. --explain adds the arithmetic and every sourced assumption
// before it; warnings go to stderr (src/cli/warnings.ts), not here.
import { Chalk, type ChalkInstance } from 'chalk';
import type { RunEstimate } from '../core/types.js';
import { type Column, comparisonColumns, DROP_ORDER, type Row } from './columns.js';
import { fittedTable, terminalTable, wrapProse } from './tables.js';
import { fmtCompact, fmtEnergy, fmtExp, fmtHours, fmtNumber, fmtPercent, fmtRange, fmtRatio, fmtUsd, fmtUsdShort } from './format.js';
import { isAnswer, sectionsUnder } from './sections.js';
import { barChart } from './chart.js';
import { type Align, dropRank, wrapText } from './fit.js';
import { answerLines, keyAssumptions } from './summary.js';
import type { RenderOptions } from './render.js';
import { CHINCHILLA_TOKENS_PER_PARAM } from '../core/scaling.js';
import { BASIS_LABELS, partsText, totalsOf } from './costs.js';
import { costOf, dollarFactorOf } from '../core/costs.js';
import { checkLines } from './checks.js';

export function renderTable(runs: readonly RunEstimate[], opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = opts.width;
  const out: string[] = [];
  if (runs.length === 1) out.push(...singleRun(runs[0]!, c, width));
  else out.push(...comparison(runs, c, width), '', ...costChart(runs, { width, unicode: opts.unicode === true }));
  out.push(...footer(runs, c, opts.explain === true, width));
  const checks = checkLines(opts.checks ?? [], runs.length);
  if (checks.length > 0) out.push('', ...checks.flatMap((l) => wrapProse([l], width).map((w) => (l.endsWith('failed') ? c.red(w) : w))));
  // A single run's table shows its cost in full dollars: the total line does too.
  out.push('', ...wrapProse([keyAssumptions(runs, opts.explain === true), ...answerLines(runs, { full: runs.length === 1 })], width));
  return `${out.join('\n')}\n`;
}

/** Rental cost by run, the baseline marked, the others with their ratio to it. */
export function costChart(runs: readonly RunEstimate[], opts: { width: number | undefined; unicode: boolean }): string[] {
  const base = runs[0]!;
  return barChart(
    'Rental cost by run',
    runs.map((r, i) => ({
      label: r.name,
      value: r.rental.usd,
      text: fmtUsdShort(r.rental.usd),
      note: i === 0 ? '(baseline)' : fmtRatio(r.rental.usd, base.rental.usd),
    })),
    opts,
  );
}

function table(c: ChalkInstance, head: string[] | null, rows: string[][], width: number | undefined, aligns?: Align[]): string {
  return terminalTable(head, rows, { color: c.level > 0, width, ...(aligns ? { aligns } : {}) });
}

/** A table of comparison columns fitted to the width, with a line naming the columns left out. */
function fitted(
  cols: readonly Column[],
  rows: { cells: (col: Column) => string; compact: (col: Column) => string }[],
  c: ChalkInstance,
  width: number | undefined,
  head?: (col: Column) => string,
): string[] {
  return fittedTable(
    cols.map((col) => ({
      header: head ? head(col) : col.header,
      cells: rows.map((r) => r.cells(col)),
      compact: rows.map((r) => r.compact(col)),
      align: alignOf(col),
      ...dropRank(DROP_ORDER, col.key),
    })),
    { color: c.level > 0, width },
  );
}

function singleRun(run: RunEstimate, c: ChalkInstance, width: number | undefined): string[] {
  const rows: string[][] = [];
  const add = (k: string, v: string) => rows.push([c.bold(k), v]);
  add('Run', run.name);
  if (run.gpu) add('GPU', `${run.gpu.name} (${run.gpu.id})`);
  if (run.chips !== null) add('Chips', fmtNumber(run.chips));
  if (run.wallClockHours !== null) add('Wall-clock', fmtHours(run.wallClockHours));
  const ranged = run.range.gpuHours[0] !== run.range.gpuHours[1];
  add('GPU-hours', fmtNumber(run.gpuHours) + (ranged ? `  (range ${fmtRange(run.range.gpuHours, fmtNumber)})` : ''));
  const totals = totalsOf(run.costs);
  const k = run.compute;
  if (k.flop !== null)
    add('Workload', `${fmtExp(k.flop)} FLOP` + (run.range.flop !== null ? `  (range ${fmtRange(run.range.flop, fmtExp)})` : ''));
  if (k.kind !== null && k.kind !== 'pretrain') add('Phase kind', k.kind);
  if (k.mfu !== null)
    add(
      'MFU',
      k.parts.length > 1 && k.parts.every((x) => x.mfu !== null)
        ? `${fmtPercent(k.mfu)} blended: ${k.parts.map((x) => `${x.label} ${fmtPercent(x.mfu!)} (${mfuBasisWord(x.mfuBasis)})`).join(', ')}`
        : `${fmtPercent(k.mfu)} (${mfuBasisWord(k.mfuBasis)})`,
    );
  if (k.impliedMfu !== null) add('Implied MFU', `${fmtPercent(k.impliedMfu)} (${k.verdict})`);
  add('Peak compute', `${fmtExp(k.peakFlop)} FLOP${k.precision ? ` at ${k.precision.toUpperCase()}` : ''}`);
  if (run.memory !== null)
    add(
      'Model states',
      `${fmtNumber(run.memory.minChips)} ${run.memory.minChips === 1 ? 'chip' : 'chips'} at least` +
        (run.memory.bytesPerChip !== null
          ? `; ${fmtNumber(run.memory.bytesPerChip / 1e9)} GB per chip of ${fmtNumber(run.memory.hbmBytesPerChip / 1e9)} GB`
          : ''),
    );
  // Tokens per parameter against Chinchilla's optimum is about pretraining: a fine-tune, LoRA, RL,
  // distillation or generation is left without it (JSON keeps the figure). No kind: a budget's sizing.
  if (run.chinchilla !== null && (run.compute.kind === null || run.compute.kind === 'pretrain')) {
    const ch = run.chinchilla;
    add(
      'Chinchilla',
      `${ch.tokensPerParam === null ? '' : `${fmtNumber(ch.tokensPerParam)} tokens/param (optimal ~${CHINCHILLA_TOKENS_PER_PARAM}); `}compute-optimal for this FLOP: ${fmtCompact(ch.optimalParams)} params x ${fmtCompact(ch.optimalTokens)} tokens`,
    );
  }
  const e = run.energy;
  if (e.kWh !== null) {
    // With --dollar-year the figure is converted: the factor is shown, as on the rental line.
    const energy = costOf(run.costs, 'energy');
    const factor = energy === null ? 1 : dollarFactorOf(energy, run.dollarYear);
    const converted = Math.abs(factor - 1) > 5e-4 ? ` x ${fmtNumber(factor)}` : '';
    add('Energy', `${fmtEnergy(e.kWh)}, ${fmtUsd(e.usd!)} at ${fmtUsd(e.usdPerKwh!)}/kWh${converted}`);
  }
  if (e.co2Tonnes !== null) add('CO2', `${fmtNumber(e.co2Tonnes)} t (${e.region ?? 'given'} grid)`);
  // The costs together, rental first (what a claim is checked against); the others follow the energy they include.
  for (const t of totals.filter((t) => t.basis === 'rental')) add(BASIS_LABELS[t.basis].label, totalText(t, ranged, c));
  // Development costs carry their own range (Epoch AI's 1.2x-4x experiments): shown beside them.
  for (const t of totals.filter((t) => t.basis !== 'rental'))
    add(BASIS_LABELS[t.basis].label, totalText(t, t.basis === 'development' && t.range[0] !== t.range[1], c));
  if (run.ownership !== null) add('Rent vs own', rentVsOwn(run.rental.usd, run.ownership));
  if (run.reported) {
    const r = run.reported;
    const parts = [
      r.gpuHours !== null ? `${fmtNumber(r.gpuHours)} GPU-hours (estimate ${fmtRatio(run.gpuHours, r.gpuHours)})` : null,
      r.usd !== null ? `${fmtUsd(r.usd)} (estimate ${fmtRatio(run.rental.usd, r.usd)})` : null,
    ].filter((s) => s !== null);
    // A figure the lab did not publish says so beside it.
    if (parts.length > 0)
      add(
        'Reported',
        parts.join(', ') + (r.gpuHoursBasis !== null && r.gpuHoursBasis !== 'reported' ? ` (${r.gpuHoursBasis.replace(/-/g, ' ')})` : ''),
      );
  }
  const lines = [table(c, null, rows, width, ['left', 'left'])];
  if (run.phases.length > 1) lines.push('', c.bold('Phases'), ...phaseTable(run, c, width));
  return lines;
}

function mfuBasisWord(b: RunEstimate['compute']['mfuBasis']): string {
  return b === 'user' ? 'given' : b === 'preset' ? 'preset' : b === 'assumption' ? 'assumption, not calibrated' : 'calibrated default';
}

function totalText(t: ReturnType<typeof totalsOf>[number], ranged: boolean, c: ChalkInstance): string {
  return `${c.bold(fmtUsd(t.usd))} ${partsText(t.parts)}` + (ranged ? `  (range ${fmtRange(t.range, fmtUsd)})` : '');
}

function rentVsOwn(rentUsd: number, o: NonNullable<RunEstimate['ownership']>): string {
  const ratio = `owning costs ${fmtRatio(o.usd, rentUsd)} of renting at ${fmtPercent(o.utilization)} utilisation`;
  if (o.breakEvenUtilization === null) return `${ratio}; energy alone costs more than the rent`;
  if (o.breakEvenUtilization > 1) return `${ratio}; owning never breaks even (would need ${fmtPercent(o.breakEvenUtilization)})`;
  return `${ratio}; break-even at ${fmtPercent(o.breakEvenUtilization)} utilisation`;
}

function phaseTable(run: RunEstimate, c: ChalkInstance, width: number | undefined): string[] {
  const cols = comparisonColumns([run]).map((col) => (col.key === 'name' ? { ...col, text: (r: Row) => r.name } : col));
  const text = (col: Column, r: Row, compact: boolean) =>
    col.key === 'gpu' && r === run ? (run.gpu?.id ?? 'several') : ((compact ? col.compact : undefined) ?? col.text)(r, run);
  const rows = [
    ...run.phases.map((p) => ({ cells: (col: Column) => text(col, p, false), compact: (col: Column) => text(col, p, true) })),
    {
      cells: (col: Column) => c.bold(col.key === 'name' ? 'Total' : text(col, run, false)),
      compact: (col: Column) => c.bold(col.key === 'name' ? 'Total' : text(col, run, true)),
    },
  ];
  return fitted(cols, rows, c, width, (col) => (col.key === 'name' ? 'Phase' : col.header));
}

function comparison(runs: readonly RunEstimate[], c: ChalkInstance, width: number | undefined): string[] {
  const cols = comparisonColumns(runs);
  const baseline = runs[0]!;
  const rows: { cells: (col: Column) => string; compact: (col: Column) => string }[] = [];
  const cell = (col: Column, r: Row, b: RunEstimate, compact: boolean) => ((compact ? col.compact : undefined) ?? col.text)(r, b);
  runs.forEach((run, i) => {
    const name = (col: Column, compact: boolean) =>
      i === 0 && col.key === 'name' ? `${run.name} ${c.dim('(baseline)')}` : cell(col, run, baseline, compact);
    rows.push({ cells: (col) => name(col, false), compact: (col) => name(col, true) });
    if (run.phases.length > 1)
      for (const p of run.phases)
        rows.push({ cells: (col) => phaseCell(col, p, run, false), compact: (col) => phaseCell(col, p, run, true) });
  });
  return fitted(cols, rows, c, width);
}

function phaseCell(col: Column, p: Row, run: RunEstimate, compact: boolean): string {
  if (col.key === 'name') return `  - ${p.name}`;
  if (col.runOnly) return '';
  return ((compact ? col.compact : undefined) ?? col.text)(p, run);
}

function alignOf(col: Column): 'left' | 'right' {
  return col.align ?? 'right';
}

/** Today's sections with --explain; without it only the base run's figures (warnings are on stderr). */
function footer(runs: readonly RunEstimate[], c: ChalkInstance, explain: boolean, width: number | undefined): string[] {
  const lines: string[] = [];
  for (const section of sectionsUnder(runs)) {
    if (section.title === 'Warnings' || (!explain && !isAnswer(section))) continue;
    lines.push('', c.bold(section.title));
    const items = section.items.map((item) => `  ${'  '.repeat(item.depth)}${section.bullets ? '- ' : ''}${item.text}`);
    // The arithmetic's continuation lines hang under its first words.
    lines.push(
      ...(section.bullets ? wrapProse(items, width) : width === undefined ? items : items.flatMap((l) => wrapText(l, width, '    '))),
    );
  }
  return lines;
}
