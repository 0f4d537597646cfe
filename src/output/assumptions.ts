// The assumptions behind a set of estimates, as lines to list under a table.
import type { CostComponent } from '../core/costs.js';
import { FLOP_PER_PARAM_TOKEN } from '../core/compute.js';
import { MODEL_STATE_BYTES_PER_PARAM } from '../core/memory.js';
import type { RunEstimate } from '../core/types.js';
import { fmtExp, fmtNumber, fmtPercent, fmtRate, fmtTerm, fmtUsd } from './format.js';
import { fmtAge } from './warnings.js';


export function assumptionLines(runs: readonly RunEstimate[]): string[] {
  const phases = runs.flatMap((r) => r.phases);
  const lines = new Set<string>();
  lines.add(dollarBasisLine(runs));
  const dates = [...new Set(runs.map((r) => r.date))];
  if (dates.length === 1) lines.add(`Date: ${dates[0]} (training start; prices and hardware value as of it; --date changes it)`);
  else for (const r of runs) lines.add(`Date ${r.name}: ${r.date} (training start; prices and hardware value as of it; --date changes it)`);
  for (const p of phases)
    if (p.rental.priceId !== null && p.rental.priceDate !== null && p.rental.priceAgeDays !== null)
      lines.add(`Price age ${p.gpu.id}: ${p.rental.priceId} is from ${p.rental.priceDate}, ${p.rental.priceAgeDays >= 0 ? `${fmtAge(p.rental.priceAgeDays)} before` : `${fmtAge(p.rental.priceAgeDays)} after`} the run's date`);
  for (const p of phases) for (const c of p.costs) lines.add(costLine(c, p.gpu.id));
  for (const p of phases) {
    lines.add(
      `Peak ${p.gpu.id}: ${fmtExp(p.compute.peakFlopsPerChip)} FLOP/s per chip at ${p.compute.precision.toUpperCase()}, dense (no sparsity)`,
    );
  }
  for (const p of phases) {
    if (p.compute.mfu === null) continue;
    const basis =
      p.compute.mfuBasis === 'user'
        ? 'given with --mfu'
        : p.compute.mfuBasis === 'preset'
          ? `from the ${p.gpu.id} preset's mfu block`
          : `calibrated on published runs (${p.compute.mfuBasis === 'accelerator' ? `${p.gpu.id} runs` : `${p.compute.mfuBasis} fit`}); see docs/calibration.md`;
    lines.add(`MFU ${p.gpu.id} ${p.compute.precision}: ${fmtPercent(p.compute.mfu)}, ${basis}`);
  }
  for (const p of phases) {
    const e = p.energy;
    if (e.kWh !== null)
      lines.add(
        `Energy ${p.gpu.id}: ${fmtNumber(e.systemWattsPerChip!)} W server power per chip x ${fmtPercent(e.drawFraction!)} average draw x PUE ${e.pue} (Epoch AI cost model)`,
      );
  }
  for (const p of phases) {
    const e = p.energy;
    lines.add(
      `Region ${e.region}${e.regionDefaultReason ? ` (the default: ${e.regionDefaultReason})` : ''}: grid ${fmtNumber(e.gridGCo2PerKwh!)} g CO2/kWh, electricity ${fmtUsd(e.usdPerKwh!)}/kWh, PUE ${e.pue} (presets/regions.yaml; --region, --pue, --electricity-price, --grid-intensity change them)`,
    );
  }
  if (runs.some((r) => r.memory !== null))
    lines.add(
      `Memory: model states take ${MODEL_STATE_BYTES_PER_PARAM} bytes per parameter (mixed-precision AdamW: weights, gradients, fp32 master and moments; ZeRO), fully sharded over all of each chip\'s HBM; activations need more, so the minimum chips is a lower bound`,
    );
  for (const p of phases) {
    if (p.compute.flop !== null && p.compute.tokens !== null)
      lines.add(
        `Workload FLOP = ${FLOP_PER_PARAM_TOKEN.train} x active parameters x tokens for training, ${FLOP_PER_PARAM_TOKEN.generate} x for generation (Kaplan et al. 2020)`,
      );
  }
  return [...lines];
}

/** Every format states the dollars its figures are in: nominal (with each price's date) or one year's. */
export function dollarBasisLine(runs: readonly RunEstimate[]): string {
  const year = runs[0]?.dollarYear ?? null;
  if (year !== null)
    return `Dollars: ${year} US dollars, every figure converted from its price's date with the US producer price index for data processing services (PCU518210518210, BLS via FRED), as Epoch AI does`;
  const dates = [...new Set(runs.flatMap((r) => r.phases.flatMap((p) => p.costs.map((c) => `${c.label.toLowerCase()} ${c.dollarDate}`))))];
  return `Dollars: nominal, each figure in the dollars of its price's date (${dates.join('; ')}); --dollar-year Y converts them to one year's`;
}

/** "Rental h800: GPU-hours x price; price $2.00/GPU-hour (deepseek-assumption, 2024-12: ...)". */
function costLine(c: CostComponent, gpuId: string): string {
  const given = c.terms.slice(1).map((t) => `${t.name} ${t.unit === 'usd-per-gpu-hour' || t.unit === 'usd-per-kwh' ? fmtRate(t) : fmtTerm(t)}`);
  return `${c.label} ${gpuId}: ${c.formula}${given.length > 0 ? `; ${given.join(', ')}` : ''} (${c.source})`;
}
