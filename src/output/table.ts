// The table for people: one run as a list of figures, several as a comparison against the
// first; phases under their run; assumptions and warnings under the table.
import { Chalk, type ChalkInstance } from 'chalk';
import type { RunEstimate } from '../core/types.js';
import { type Column, comparisonColumns, type Row } from './columns.js';
import { type Align, terminalTable } from './tables.js';
import { fmtExp, fmtHours, fmtNumber, fmtPercent, fmtRange, fmtRatio, fmtUsd } from './format.js';
import { sectionsUnder } from './sections.js';
import type { RenderOptions } from './render.js';
import { CHINCHILLA_TOKENS_PER_PARAM } from '../core/scaling.js';
import { BASIS_LABELS, partsText, totalsOf } from './costs.js';
import { checkLines } from './checks.js';


export function renderTable(runs: readonly RunEstimate[], opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  if (runs.length === 1) out.push(...singleRun(runs[0]!, c));
  else out.push(comparison(runs, c));
  out.push(...footer(runs, c));
  const checks = checkLines(opts.checks ?? [], runs.length);
  if (checks.length > 0) out.push('', ...checks.map((l) => (l.endsWith('failed') ? c.red(l) : l)));
  return `${out.join('\n')}\n`;
}

function table(c: ChalkInstance, head: string[] | null, rows: string[][], aligns?: Align[]): string {
  return terminalTable(head, rows, { color: c.level > 0, ...(aligns ? { aligns } : {}) });
}

function singleRun(run: RunEstimate, c: ChalkInstance): string[] {
  const rows: string[][] = [];
  const add = (k: string, v: string) => rows.push([c.bold(k), v]);
  add('Run', run.name);
  if (run.gpu) add('GPU', `${run.gpu.name} (${run.gpu.id})`);
  if (run.chips !== null) add('Chips', fmtNumber(run.chips));
  if (run.wallClockHours !== null) add('Wall-clock', fmtHours(run.wallClockHours));
  const ranged = run.range.gpuHours[0] !== run.range.gpuHours[1];
  add('GPU-hours', fmtNumber(run.gpuHours) + (ranged ? `  (range ${fmtRange(run.range.gpuHours, fmtNumber)})` : ''));
  const totals = totalsOf(run.costs);
  // The rental total leads (what a claim is checked against); the others follow the energy they include.
  for (const t of totals.filter((t) => t.basis === 'rental')) add(BASIS_LABELS[t.basis].label, totalText(t, ranged, c));
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
      `${fmtNumber(run.memory.minChips)} chips at least` +
        (run.memory.bytesPerChip !== null ? `; ${fmtNumber(run.memory.bytesPerChip / 1e9)} GB per chip of ${fmtNumber(run.memory.hbmBytesPerChip / 1e9)} GB` : ''),
    );
  if (run.chinchilla !== null) {
    const ch = run.chinchilla;
    add(
      'Chinchilla',
      `${ch.tokensPerParam === null ? '' : `${fmtNumber(ch.tokensPerParam)} tokens/param (optimal ~${CHINCHILLA_TOKENS_PER_PARAM}); `}compute-optimal for this FLOP: ${fmtExp(ch.optimalParams)} params x ${fmtExp(ch.optimalTokens)} tokens`,
    );
  }
  const e = run.energy;
  if (e.kWh !== null) add('Energy', `${fmtNumber(e.kWh / 1000)} MWh, ${fmtUsd(e.usd!)} at ${fmtUsd(e.usdPerKwh!)}/kWh`);
  if (e.co2Tonnes !== null) add('CO2', `${fmtNumber(e.co2Tonnes)} t (${e.region ?? 'given'} grid)`);
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
    if (parts.length > 0) add('Reported', parts.join(', ') + (r.gpuHoursBasis !== null && r.gpuHoursBasis !== 'reported' ? ` (${r.gpuHoursBasis.replace(/-/g, ' ')})` : ''));
  }
  const lines = [table(c, null, rows)];
  if (run.phases.length > 1) lines.push('', c.bold('Phases'), phaseTable(run, c));
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

function phaseTable(run: RunEstimate, c: ChalkInstance): string {
  const cols = comparisonColumns([run]).filter((col) => col.key !== 'name' && col.key !== 'gpu');
  const rows = run.phases.map((p) => [p.name, p.gpu.id, ...cols.map((col) => col.text(p, run))]);
  rows.push([c.bold('Total'), run.gpu?.id ?? 'several', ...cols.map((col) => c.bold(col.text(run, run)))]);
  return table(c, ['Phase', 'GPU', ...cols.map((col) => col.header)], rows, ['left', 'left', ...cols.map(alignOf)]);
}

function comparison(runs: readonly RunEstimate[], c: ChalkInstance): string {
  const cols = comparisonColumns(runs);
  const baseline = runs[0]!;
  const rows: string[][] = [];
  runs.forEach((run, i) => {
    rows.push(cols.map((col) => (i === 0 && col.key === 'name' ? `${run.name} ${c.dim('(base)')}` : col.text(run, baseline))));
    if (run.phases.length > 1) for (const p of run.phases) rows.push(cols.map((col) => phaseCell(col, p, run)));
  });
  return table(
    c,
    cols.map((col) => col.header),
    rows,
    cols.map(alignOf),
  );
}

function phaseCell(col: Column, p: Row, run: RunEstimate): string {
  if (col.key === 'name') return `  - ${p.name}`;
  if (col.key === 'gpuHoursRatio' || col.key === 'costRatio' || col.key === 'reported') return '';
  return col.text(p, run);
}

function alignOf(col: Column): 'left' | 'right' {
  return col.align ?? 'right';
}

function footer(runs: readonly RunEstimate[], c: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const section of sectionsUnder(runs)) {
    lines.push('');
    if (section.title === 'Warnings') {
      for (const w of section.items) lines.push(c.yellow(`warning: ${w.text}`));
      continue;
    }
    lines.push(c.bold(section.title));
    for (const item of section.items) lines.push(`  ${'  '.repeat(item.depth)}${section.bullets ? '- ' : ''}${item.text}`);
  }
  return lines;
}
