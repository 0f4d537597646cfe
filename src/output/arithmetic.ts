// The arithmetic behind a phase's figures, written out so a reader can check each step:
// "GPU-hours = 512 chips x 80 h = 40,960". Every line is rebuilt from the estimate's own fields.
import { type CostComponent, type CostTerm, COST_BASES } from '../core/costs.js';
import { FLOP_PER_PARAM_TOKEN } from '../core/compute.js';
import { CHINCHILLA_TOKENS_PER_PARAM } from '../core/scaling.js';
import type { PhaseEstimate } from '../core/types.js';
import { BASIS_LABELS } from './costs.js';
import { fmtExp, fmtNumber, fmtPercent, fmtTerm, fmtUsd } from './format.js';

export function arithmeticLines(p: PhaseEstimate): string[] {
  const k = p.compute;
  const peak = `${fmtExp(k.peakFlopsPerChip)} FLOP/s`;
  const lines: string[] = [];

  const split = k.parts.length > 1 && k.tokens !== null;
  if (split) {
    for (const part of k.parts)
      lines.push(
        `${part.label} = ${part.flopPerParamToken} x ${fmtExp(part.activeParams!)} parameters x ${fmtExp(k.tokens!)} tokens = ${fmtExp(part.flop)} FLOP`,
      );
    lines.push(`workload = ${k.parts.map((x) => fmtExp(x.flop)).join(' + ')} = ${fmtExp(k.flop!)} FLOP`);
  } else if (p.gpuHoursFrom !== 'budget' && k.flop !== null && k.activeParams !== null && k.tokens !== null && k.flopPerParamToken !== null)
    lines.push(
      `workload = ${k.flopPerParamToken} x ${fmtExp(k.activeParams)} parameters x ${fmtExp(k.tokens)} tokens = ${fmtExp(k.flop)} FLOP`,
    );
  switch (p.gpuHoursFrom) {
    case 'chips-hours':
      lines.push(`GPU-hours = chips x hours = ${fmtNumber(p.chips!)} x ${fmtNumber(p.wallClockHours!)} h = ${fmtNumber(p.gpuHours)}`);
      break;
    case 'given':
      lines.push(`GPU-hours = ${fmtNumber(p.gpuHours)} (given)`);
      break;
    case 'budget':
      lines.push(`GPU-hours = budget / price = ${fmtUsd(p.rental.usd)} / ${fmtUsd(p.rental.usdPerGpuHour)} = ${fmtNumber(p.gpuHours)}`);
      if (k.mfu !== null && k.flop !== null)
        lines.push(
          `workload = GPU-hours x 3600 x peak x MFU = ${fmtNumber(p.gpuHours)} x 3600 x ${peak} x ${fmtPercent(k.mfu)} = ${fmtExp(k.flop)} FLOP`,
        );
      if (k.activeParams !== null && k.tokens !== null && p.chinchilla !== null)
        lines.push(
          `model = ${fmtExp(k.activeParams)} parameters x ${fmtExp(k.tokens)} tokens, so that ${FLOP_PER_PARAM_TOKEN.train} x N x D = FLOP` +
            (Math.abs(k.activeParams / p.chinchilla.optimalParams - 1) < 1e-6
              ? ` with D = ${CHINCHILLA_TOKENS_PER_PARAM} N (compute-optimal: N = sqrt(FLOP / ${FLOP_PER_PARAM_TOKEN.train * CHINCHILLA_TOKENS_PER_PARAM}))`
              : ''),
        );
      break;
    case 'workload':
      if (k.parts.length > 1) {
        for (const part of k.parts)
          lines.push(
            `${part.label} GPU-hours = ${fmtExp(part.flop)} / (${peak} x ${fmtPercent(part.mfu!)} MFU x 3600) = ${fmtNumber(part.gpuHours!)}`,
          );
        lines.push(
          `GPU-hours = ${k.parts.map((x) => fmtNumber(x.gpuHours!)).join(' + ')} = ${fmtNumber(p.gpuHours)} (blended MFU ${fmtPercent(k.mfu!)})` +
            (p.range.gpuHours[0] !== p.range.gpuHours[1]
              ? `; at the ends of the MFU bands, ${fmtNumber(p.range.gpuHours[0])} to ${fmtNumber(p.range.gpuHours[1])}`
              : ''),
        );
        break;
      }
      lines.push(
        `GPU-hours = FLOP / (peak x MFU x 3600) = ${fmtExp(k.flop!)} / (${peak} x ${fmtPercent(k.mfu!)} x 3600) = ${fmtNumber(p.gpuHours)}` +
          (p.range.gpuHours[0] !== p.range.gpuHours[1]
            ? `; at the ends of the MFU band, ${fmtNumber(p.range.gpuHours[0])} to ${fmtNumber(p.range.gpuHours[1])}`
            : ''),
      );
      break;
  }
  if (p.gpuHoursFrom !== 'chips-hours' && p.chips !== null && p.wallClockHours !== null)
    lines.push(`wall-clock = GPU-hours / chips = ${fmtNumber(p.gpuHours)} / ${fmtNumber(p.chips)} = ${fmtNumber(p.wallClockHours)} h`);
  if (k.impliedMfu !== null && k.flop !== null)
    lines.push(
      `implied MFU = FLOP / (GPU-hours x 3600 x peak) = ${fmtExp(k.flop)} / (${fmtNumber(p.gpuHours)} x 3600 x ${peak}) = ${fmtPercent(k.impliedMfu)}`,
    );
  const e = p.energy;
  if (e.kWh !== null && e.systemWattsPerChip !== null && e.drawFraction !== null && e.pue !== null) {
    lines.push(
      `energy = GPU-hours x W per chip x draw x PUE / 1000 = ${fmtNumber(p.gpuHours)} x ${fmtNumber(e.systemWattsPerChip)} x ${e.drawFraction} x ${e.pue} / 1000 = ${fmtNumber(e.kWh)} kWh`,
    );
    if (e.co2Tonnes !== null && e.gridGCo2PerKwh !== null)
      lines.push(`CO2 = kWh x grid = ${fmtNumber(e.kWh)} x ${fmtNumber(e.gridGCo2PerKwh)} g/kWh = ${fmtNumber(e.co2Tonnes)} t`);
  }
  // The budget's rental is the budget itself: its line above says so.
  lines.push(...costLines(p.gpuHoursFrom === 'budget' ? p.costs.filter((c) => c.id !== 'rental') : p.costs));
  return lines;
}

/** Each cost component worked out from its terms, then each total of several components. */
export function costLines(costs: readonly CostComponent[]): string[] {
  const lines = costs.filter((c) => c.terms.length > 0).map((c) => `${c.id} = ${c.formula} = ${termValues(c.terms)} = ${fmtUsd(c.usd)}`);
  // Epoch AI's split of the hardware figures: chip + rest of the server + cluster interconnect.
  for (const c of costs)
    if (c.breakdown !== undefined)
      lines.push(
        `${c.id} = ${c.breakdown.map((x) => x.label).join(' + ')} = ${c.breakdown.map((x) => `${fmtUsd(x.usd)} (${fmtPercent(x.share)})`).join(' + ')} = ${fmtUsd(c.usd)}`,
      );
  for (const basis of COST_BASES) {
    const of = costs.filter((c) => c.basis === basis);
    if (of.length > 1)
      lines.push(
        `${BASIS_LABELS[basis].id} = ${of.map((c) => c.id).join(' + ')} = ${of.map((c) => fmtUsd(c.usd)).join(' + ')} = ${fmtUsd(of.reduce((a, c) => a + c.usd, 0))}`,
      );
  }
  return lines;
}

function termValues(terms: readonly CostTerm[]): string {
  return terms.map((t, i) => (i === 0 ? fmtTerm(t) : `${t.op} ${fmtTerm(t)}`)).join(' ');
}
