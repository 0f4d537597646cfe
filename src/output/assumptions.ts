// The assumptions behind a set of estimates, as lines to list under a table.
import type { PhaseEstimate, RunEstimate } from '../core/types.js';
import { fmtExp, fmtNumber, fmtPercent, fmtUsd } from './format.js';


export function assumptionLines(runs: readonly RunEstimate[]): string[] {
  const phases = runs.flatMap((r) => r.phases);
  const lines = new Set<string>();
  for (const p of phases) lines.add(priceLine(p));
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
  for (const p of phases) {
    const o = p.ownership;
    if (o === null) continue;
    lines.add(
      `Ownership ${p.gpu.id}: ${fmtUsd(o.purchaseUsdPerChip)} per chip${o.includesServer ? ' (server share included)' : ' x 1.64 server cost'}, / (1 - ${o.networkShare}) for the network, over ${fmtNumber(o.lifetimeYears)} years at ${fmtPercent(o.utilization)} utilisation (Epoch AI, Cottier et al. 2024)`,
    );
  }
  if (runs.some((r) => r.memory !== null))
    lines.add(
      'Memory: model states take 16 bytes per parameter (mixed-precision AdamW: weights, gradients, fp32 master and moments; ZeRO), fully sharded over all of each chip\'s HBM; activations need more, so the minimum chips is a lower bound',
    );
  for (const p of phases) {
    if (p.compute.flop !== null && p.compute.tokens !== null)
      lines.add('Workload FLOP = 6 x active parameters x tokens for training, 2 x for generation (Kaplan et al. 2020)');
  }
  return [...lines];
}

function priceLine(p: PhaseEstimate): string {
  const r = p.rental;
  const what = r.priceId === null ? 'given with --price' : `${r.priceId}${r.priceDate ? `, ${r.priceDate}` : ''}: ${r.priceSource}`;
  return `Price ${p.gpu.id}: ${fmtUsd(r.usdPerGpuHour)}/GPU-hour (${what})`;
}
