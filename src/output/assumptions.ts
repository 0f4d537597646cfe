// The assumptions behind a set of estimates, as lines to list under a table.
import { OWNERSHIP_DEFAULTS } from '../core/ownership.js';
import type { CostComponent } from '../core/costs.js';
import { FLOP_PER_PARAM_TOKEN } from '../core/compute.js';
import { GENERATION_MFU_ASSUMPTION, PHASE_KIND_RULES } from '../core/phase-kinds.js';
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
      lines.add(
        `Price age ${p.gpu.id}: ${p.rental.priceId} is from ${p.rental.priceDate}, ${p.rental.priceAgeDays >= 0 ? `${fmtAge(p.rental.priceAgeDays)} before` : `${fmtAge(p.rental.priceAgeDays)} after`} the run's date`,
      );
  for (const p of phases) for (const c of p.costs) lines.add(costLine(c, p.gpu.id));
  if (phases.some((p) => p.costs.some((c) => c.breakdown !== undefined))) lines.add(HARDWARE_SPLIT);
  const development = runs.flatMap((r) =>
    r.costs.filter((c) => c.basis === 'development').map((c) => ({ c, gpu: r.gpu?.id ?? 'several' })),
  );
  for (const { c, gpu } of development) lines.add(costLine(c, gpu));
  if (development.length > 0) lines.add(DEVELOPMENT_APART);
  if (development.some(({ c }) => c.id === 'restarts')) lines.add(RESTARTS_ONCE);
  for (const p of phases) {
    lines.add(
      `Peak ${p.gpu.id}: ${fmtExp(p.compute.peakFlopsPerChip)} FLOP/s per chip at ${p.compute.precision.toUpperCase()}, dense (no sparsity)`,
    );
  }
  for (const p of phases) {
    // Each training part's MFU (a budget phase has no parts: its own); generation MFUs get their own line below.
    const mfus = p.compute.parts.length > 0 ? p.compute.parts.filter((x) => x.mode === 'train' || x.mfuBasis === 'user') : [p.compute];
    for (const m of mfus) {
      if (m.mfu === null || m.mfuBasis === null || m.mfuBasis === 'assumption') continue;
      const basis =
        m.mfuBasis === 'user'
          ? 'given with --mfu'
          : m.mfuBasis === 'preset'
            ? `from the ${p.gpu.id} preset's mfu block`
            : `calibrated on published runs (${m.mfuBasis === 'accelerator' ? `${p.gpu.id} runs` : `${m.mfuBasis} fit`}); see docs/calibration.md`;
      const what = 'mode' in m && m.mode === 'generate' ? 'Generation MFU' : 'MFU';
      lines.add(
        `${what} ${p.gpu.id} ${p.compute.precision}: ${fmtPercent(m.mfu)}, ${what === 'MFU' ? basis : 'given with --generation-mfu or --mfu'}`,
      );
    }
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
    const kind = p.compute.kind;
    if (p.compute.flop === null || p.compute.tokens === null || kind === null) continue;
    if (kind === 'pretrain')
      lines.add(
        `Workload FLOP = ${FLOP_PER_PARAM_TOKEN.train} x active parameters x tokens for training, ${FLOP_PER_PARAM_TOKEN.generate} x for generation (Kaplan et al. 2020)`,
      );
    else {
      const rule = PHASE_KIND_RULES[kind];
      lines.add(`Phase kind ${kind}: ${rule.formula} (${rule.source}); MFU: ${rule.mfu}`);
    }
  }
  for (const p of phases) {
    const generation = p.compute.parts.find((x) => x.mode === 'generate' && x.mfuBasis === 'assumption');
    if (generation !== undefined)
      lines.add(
        `Generation MFU: ${fmtPercent(GENERATION_MFU_ASSUMPTION.default)} (band ${fmtPercent(GENERATION_MFU_ASSUMPTION.low)}-${fmtPercent(GENERATION_MFU_ASSUMPTION.high)}), an assumption, not calibrated: no published run reports generation FLOP and hours; decoding is memory-bandwidth bound and rollouts take over 90% of RL runtime (Zhou et al. 2025, APRIL, arXiv:2509.18521); --generation-mfu or --mfu override it`,
      );
  }
  return [...lines];
}

/** How the hardware figures split, as Epoch AI reports them (energy is its own component). */
export const HARDWARE_SPLIT = `Hardware split (Epoch AI, Cottier et al. 2024): AI accelerator chip = server cost / server overhead (${OWNERSHIP_DEFAULTS.serverOverhead}), rest of the server = the remainder of the server cost, cluster interconnect = network share (${OWNERSHIP_DEFAULTS.networkShare * 100}%) of the cluster; energy is its own component`;
/** Development costs are stated apart: the run's totals never include them. */
export const DEVELOPMENT_APART =
  'Development costs (experiments, staff, restarts) are beyond the final run and stated apart: never added to the rental, owned or purchase totals';
/** Why --goodput is refused on workload-derived hours, and when it applies. */
export const RESTARTS_ONCE =
  "Restarts: the calibrated MFU already absorbs restarts and lost time inside the reported GPU-hours it is fitted to, so --goodput applies only to restart-free hours given with --chips/--hours or --gpu-hours (reported GPU-hours, e.g. Llama 3.1's 30.84M, often include them already); never count them twice";
/** Every format states the dollars its figures are in: nominal (with each price's date) or one year's. */
export function dollarBasisLine(runs: readonly RunEstimate[]): string {
  const year = runs[0]?.dollarYear ?? null;
  if (year !== null)
    return `Dollars: ${year} US dollars, every figure converted from its price's date with the US producer price index for data processing services (PCU518210518210, BLS via FRED), as Epoch AI does`;
  const dates = [...new Set(runs.flatMap((r) => r.phases.flatMap((p) => p.costs.map((c) => `${c.label.toLowerCase()} ${c.dollarDate}`))))];
  return `Dollars: nominal, each figure in the dollars of its price's date (${dates.join('; ')}); --dollar-year Y converts them to year Y's dollars`;
}

/** "Rental h800: GPU-hours x price; price $2.00/GPU-hour (deepseek-assumption, 2024-12: ...)". */
function costLine(c: CostComponent, gpuId: string): string {
  const given = c.terms
    .slice(1)
    .map((t) => `${t.name} ${t.unit === 'usd-per-gpu-hour' || t.unit === 'usd-per-kwh' ? fmtRate(t) : fmtTerm(t)}`);
  return `${c.label} ${gpuId}: ${c.formula}${given.length > 0 ? `; ${given.join(', ')}` : ''} (${c.source})`;
}
