// One estimate model: phases in, PhaseEstimate/RunEstimate out (shaped as the JSON contract).
import { flopOf, gpuHoursForFlop, impliedMfu, MFU_PLAUSIBLE, mfuVerdict, partsOf, peakFlopsPerChip } from './compute.js';
import { canonicalKind, GENERATION_MFU_ASSUMPTION, singleFlopPerParamToken, type WorkloadPart } from './phase-kinds.js';
import { gpuHoursOf, wallClockHours } from './duration.js';
import { estimateEnergy } from './energy.js';
import { estimateMemory } from './memory.js';
import { breakEvenUtilization, estimateOwnership } from './ownership.js';
import { costOf, phaseCosts, rangeOf, runCosts, totalOf } from './costs.js';
import { chinchilla } from './scaling.js';
import { runFlopBounds } from './thresholds.js';
import type {
  MemoryEstimate,
  OwnershipEstimate,
  MfuBand,
  MfuBasis,
  MfuProvider,
  PhaseEstimate,
  PhaseInput,
  RunEstimate,
  RunInput,
  Warning,
  WorkloadPartEstimate,
} from './types.js';

/** Thrown when an input the command layer should have refused reaches the core. */
export class EstimateInputError extends Error {}

interface TimeSolution {
  gpuHours: number;
  gpuHoursRange: [number, number];
  mfu: number | null;
  mfuBasis: MfuBasis | null;
  impliedMfu: number | null;
  level: number | null;
  parts: WorkloadPartEstimate[];
}

/**
 * The MFU band of a workload at a model size: the user's --mfu as a point, or the calibrated
 * band. Null only if the accelerator has no peak at the precision.
 */
export function mfuBandFor(
  input: Pick<PhaseInput, 'gpu' | 'precision' | 'chips' | 'mfu' | 'date'>,
  activeParams: number | null,
  mfuFor: MfuProvider,
): { band: MfuBand; basis: MfuBasis } | null {
  if (input.mfu !== null) return { band: { default: input.mfu, low: input.mfu, high: input.mfu }, basis: 'user' };
  return mfuFor({ gpu: input.gpu, precision: input.precision, activeParams, chips: input.chips, date: input.date });
}

/** The warning owed when an MFU comes from another accelerator's runs (family or pooled fit). */
export function uncalibratedWarning(input: Pick<PhaseInput, 'gpu' | 'precision'>, basis: MfuBasis): Warning[] {
  return basis === 'family' || basis === 'pooled'
    ? [{ code: 'mfu-uncalibrated', gpu: input.gpu.id, precision: input.precision, basis }]
    : [];
}

export function estimatePhase(input: PhaseInput, mfuFor: MfuProvider): PhaseEstimate {
  const { gpu, chips, precision } = input;
  const peak = peakFlopsPerChip(gpu, precision);
  if (peak === null) throw new EstimateInputError(`${gpu.id} has no ${precision} peak`);
  const parts = input.workload === null ? [] : partsOf(input.workload);
  const flop = flopOf(parts);
  const warnings: Warning[] = [];

  const time = solveTime(input, parts, flop, peak, mfuFor, warnings);
  const price = input.price.usdPerGpuHour;

  if (time.impliedMfu !== null) {
    const v = mfuVerdict(time.impliedMfu);
    if (v === 'impossible') warnings.push({ code: 'implied-mfu-impossible', phase: input.name, impliedMfu: time.impliedMfu });
    else if (v === 'implausible-high')
      warnings.push({ code: 'implied-mfu-high', phase: input.name, impliedMfu: time.impliedMfu, high: MFU_PLAUSIBLE.high });
    else if (v === 'implausible-low')
      warnings.push({ code: 'implied-mfu-low', phase: input.name, impliedMfu: time.impliedMfu, low: MFU_PLAUSIBLE.low });
  }

  const energyNominal = estimateEnergy(time.gpuHours, gpu, input.energy);
  const costs = phaseCosts({
    chips,
    gpuHours: time.gpuHours,
    gpuHoursRange: time.gpuHoursRange,
    price: { usdPerGpuHour: price, source: input.price.citation },
    energy:
      energyNominal.kWh === null
        ? null
        : {
            kWh: energyNominal.kWh,
            usdPerKwh: input.energy.usdPerKwh,
            source: input.energy.source,
          },
    ownership: input.ownership,
    dollarDates: {
      rental: input.price.date ?? input.date,
      capex: input.date,
      energy: input.energy.usdPerKwhDate,
      acquisition: input.ownership?.purchaseDate ?? input.date,
    },
    dollars: input.dollars,
  });
  const p = input.price;
  if (p.id !== null && p.date !== null && p.ageDays !== null) {
    // An assumption (a figure a source assumed, such as DeepSeek's $2) is not a market quote: it does not go stale.
    if (input.maxPriceAgeDays !== null && p.ageDays > input.maxPriceAgeDays && p.kind !== 'assumption')
      warnings.push({
        code: 'stale-price',
        gpu: gpu.id,
        priceId: p.id,
        priceDate: p.date,
        ageDays: p.ageDays,
        maxDays: input.maxPriceAgeDays,
      });
    if (p.ageDays < 0) warnings.push({ code: 'price-after-date', gpu: gpu.id, priceId: p.id, priceDate: p.date, date: input.date });
  }
  const rentalTotal = totalOf(costs, 'rental')!;
  // The energy figure as its cost component states it (converted with --dollar-year, as the owned total is).
  const energy = { ...energyNominal, usd: costOf(costs, 'energy')?.usd ?? energyNominal.usd };
  if (energy.kWh === null) warnings.push({ code: 'no-power', gpu: gpu.id });
  if (input.ownership === null) warnings.push({ code: 'no-purchase-price', gpu: gpu.id });
  const totalParams = input.workload?.params ?? input.workload?.activeParams ?? null;
  const memory = totalParams === null ? null : estimateMemory(totalParams, gpu.memoryGB, chips);
  if (memory !== null && chips !== null && chips < memory.minChips)
    warnings.push({ code: 'too-few-chips', chips, minChips: memory.minChips });
  const activeParams = input.workload?.activeParams ?? input.workload?.params ?? null;

  return {
    name: input.name,
    date: input.date,
    dollarYear: input.dollars?.year ?? null,
    gpu: { id: gpu.id, name: gpu.name },
    chips,
    wallClockHours: wallClockHours(time.gpuHours, chips, input.duration),
    gpuHours: time.gpuHours,
    gpuHoursFrom: input.duration === null ? 'workload' : 'hours' in input.duration ? 'chips-hours' : 'given',
    rental: {
      usd: rentalTotal,
      usdPerGpuHour: price,
      priceId: input.price.id,
      priceSource: input.price.source,
      priceDate: input.price.date,
      priceAgeDays: input.price.ageDays,
    },
    energy,
    ownership:
      input.ownership === null
        ? null
        : estimateOwnership(time.gpuHours, input.ownership, energy.usd, rentalTotal, costOf(costs, 'capex')!.usd),
    compute: {
      precision,
      kind: input.workload === null ? null : canonicalKind(input.workload.kind),
      parts: time.parts,
      flop,
      mfu: time.mfu,
      mfuBasis: time.mfuBasis,
      impliedMfu: time.impliedMfu,
      verdict: time.impliedMfu === null ? null : mfuVerdict(time.impliedMfu),
      params: input.workload?.params ?? null,
      activeParams: input.workload === null ? null : (input.workload.activeParams ?? input.workload.params),
      flopPerParamToken:
        input.workload === null
          ? null
          : singleFlopPerParamToken({
              kind: canonicalKind(input.workload.kind),
              trainableFraction: input.workload.trainableFraction ?? null,
            }),
      tokens: input.workload?.tokens ?? null,
      peakFlopsPerChip: peak,
      peakFlop: time.gpuHours * 3600 * peak,
    },
    memory,
    chinchilla: chinchilla(flop, activeParams, input.workload?.tokens ?? null),
    range: {
      gpuHours: time.gpuHoursRange,
      usd: rangeOf(costs, 'rental')!,
      flop: null,
      level: time.level,
    },
    costs,
    warnings,
  };
}

/** The MFU band of a generation part: --mfu, else --generation-mfu, else the labelled assumption. */
function generationBand(input: PhaseInput): { band: MfuBand; basis: MfuBasis } {
  const given = input.mfu ?? input.generationMfu ?? null;
  if (given !== null) return { band: { default: given, low: given, high: given }, basis: 'user' };
  return { band: { ...GENERATION_MFU_ASSUMPTION }, basis: 'assumption' };
}

/** The least certain of the parts' MFU bases: an assumption outweighs a fit, a fit a given figure. */
const BASIS_ORDER: MfuBasis[] = ['user', 'preset', 'accelerator', 'family', 'pooled', 'assumption'];
function weakest(bases: MfuBasis[]): MfuBasis {
  return bases.reduce((a, b) => (BASIS_ORDER.indexOf(b) > BASIS_ORDER.indexOf(a) ? b : a));
}

/** Exactly one source of time: a duration (audit when a workload is also given) or a workload at an MFU per part. */
function solveTime(
  input: PhaseInput,
  parts: WorkloadPart[],
  flop: number | null,
  peak: number,
  mfuFor: MfuProvider,
  warnings: Warning[],
): TimeSolution {
  const partInfo = (p: WorkloadPart) => ({
    label: p.label,
    mode: p.mode,
    flop: p.flop,
    activeParams: p.activeParams,
    flopPerParamToken: p.flopPerParamToken,
  });
  if (input.duration !== null) {
    const gpuHours = gpuHoursOf(input.duration, input.chips);
    if (gpuHours === null) throw new EstimateInputError(`phase "${input.name}": hours need chips`);
    return {
      gpuHours,
      gpuHoursRange: [gpuHours, gpuHours],
      mfu: null,
      mfuBasis: null,
      impliedMfu: flop === null ? null : impliedMfu(flop, gpuHours, peak),
      level: null,
      parts: parts.map((p) => ({ ...partInfo(p), mfu: null, mfuBasis: null, gpuHours: null })),
    };
  }
  if (flop === null) throw new EstimateInputError(`phase "${input.name}" has neither a duration nor a workload`);
  const solved = parts.map((p) => {
    const resolved = p.mode === 'generate' ? generationBand(input) : mfuBandFor(input, p.activeParams, mfuFor);
    if (resolved === null) throw new EstimateInputError(`no MFU for ${input.gpu.id} at ${input.precision}`);
    if (p.mode === 'train') warnings.push(...uncalibratedWarning(input, resolved.basis));
    return { part: p, ...resolved, gpuHours: gpuHoursForFlop(p.flop, peak, resolved.band.default) };
  });
  const gpuHours = solved.reduce((a, s) => a + s.gpuHours, 0);
  const levels = solved.map((s) => (s.band.low === s.band.high ? 'point' : (s.band.level ?? null)));
  const ranged = levels.filter((l) => l !== 'point');
  // The phase's level: the ranged parts' common level; unknown if one part's band has none (an assumption).
  const level = ranged.length > 0 && ranged.every((l) => l !== null && l === ranged[0]) ? (ranged[0] as number) : null;
  return {
    gpuHours,
    // A higher MFU means fewer hours: the low end of the hours comes from the high MFU.
    gpuHoursRange: [
      solved.reduce((a, s) => a + gpuHoursForFlop(s.part.flop, peak, s.band.high), 0),
      solved.reduce((a, s) => a + gpuHoursForFlop(s.part.flop, peak, s.band.low), 0),
    ],
    // One part: its MFU; several: the blended MFU the phase's FLOP gets over its GPU-hours.
    mfu: solved.length === 1 ? solved[0]!.band.default : impliedMfu(flop, gpuHours, peak),
    mfuBasis: weakest(solved.map((s) => s.basis)),
    impliedMfu: null,
    level: ranged.length === 0 ? null : level,
    parts: solved.map((s) => ({ ...partInfo(s.part), mfu: s.band.default, mfuBasis: s.basis, gpuHours: s.gpuHours })),
  };
}

export function estimateRun(input: RunInput, mfuFor: MfuProvider): RunEstimate {
  if (input.phases.length === 0) throw new EstimateInputError(`run "${input.name}" has no phases`);
  const phases = input.phases.map((p) => estimatePhase(p, mfuFor));
  return aggregate(input, phases);
}

function aggregate(input: RunInput, phases: PhaseEstimate[]): RunEstimate {
  const sum = (f: (p: PhaseEstimate) => number) => phases.reduce((acc, p) => acc + f(p), 0);
  const only = phases.length === 1 ? phases[0]! : null;

  const gpuHours = sum((p) => p.gpuHours);
  const costs = runCosts(phases);
  const usd = totalOf(costs, 'rental')!;
  const chips = phases.map((p) => p.chips).filter((c): c is number => c !== null);
  const gpuIds = sameOf(phases, (p) => p.gpu.id);

  const warnings: Warning[] = [];
  const seen = new Set<string>();
  // A single-phase run's warnings need no phase name.
  const lifted = phases.flatMap((p) => p.warnings).map((w) => (only !== null && 'phase' in w ? { ...w, phase: null } : w));
  for (const w of lifted) {
    const key = JSON.stringify(w);
    if (!seen.has(key)) warnings.push(w);
    seen.add(key);
  }

  return {
    name: input.name,
    date: input.date,
    dollarYear: phases[0]!.dollarYear,
    gpu: gpuIds === null ? null : phases[0]!.gpu,
    // The cluster size: the largest phase's chips.
    chips: chips.length > 0 ? Math.max(...chips) : null,
    wallClockHours: sumKnownOf(phases, (p) => p.wallClockHours),
    gpuHours,
    rental: {
      usd,
      usdPerGpuHour: sameOf(phases, (p) => p.rental.usdPerGpuHour) ?? usd / gpuHours,
      priceId: sameOf(phases, (p) => p.rental.priceId),
      priceSource: sameOf(phases, (p) => p.rental.priceSource) ?? 'several prices (see phases)',
      priceDate: sameOf(phases, (p) => p.rental.priceDate),
      priceAgeDays: sameOf(phases, (p) => p.rental.priceAgeDays),
    },
    energy: {
      kWh: sumKnownOf(phases, (p) => p.energy.kWh),
      usd: sumKnownOf(phases, (p) => p.energy.usd),
      co2Tonnes: sumKnownOf(phases, (p) => p.energy.co2Tonnes),
      region: sameOf(phases, (p) => p.energy.region),
      regionDefaultReason: sameOf(phases, (p) => p.energy.regionDefaultReason),
      pue: sameOf(phases, (p) => p.energy.pue),
      gridGCo2PerKwh: sameOf(phases, (p) => p.energy.gridGCo2PerKwh),
      usdPerKwh: sameOf(phases, (p) => p.energy.usdPerKwh),
      systemWattsPerChip: sameOf(phases, (p) => p.energy.systemWattsPerChip),
      drawFraction: sameOf(phases, (p) => p.energy.drawFraction),
    },
    ownership: sumOwnership(phases, gpuHours, usd, totalOf(costs, 'owned')),
    compute: {
      precision: sameOf(phases, (p) => p.compute.precision),
      kind: sameOf(phases, (p) => p.compute.kind),
      parts: phases.flatMap((p) =>
        p.compute.parts.map((part) => ({ ...part, label: phases.length > 1 ? `${p.name}: ${part.label}` : part.label })),
      ),
      flop: sumKnownOf(phases, (p) => p.compute.flop),
      mfu: only?.compute.mfu ?? null,
      mfuBasis: only?.compute.mfuBasis ?? null,
      impliedMfu: only?.compute.impliedMfu ?? null,
      verdict: only?.compute.verdict ?? null,
      params: phases.find((p) => p.compute.params !== null)?.compute.params ?? null,
      activeParams: phases.find((p) => p.compute.activeParams !== null)?.compute.activeParams ?? null,
      flopPerParamToken: only?.compute.flopPerParamToken ?? null,
      tokens: sumKnownOf(phases, (p) => p.compute.tokens),
      peakFlop: sum((p) => p.compute.peakFlop),
    },
    // The tightest phase: most model-state bytes per chip.
    memory: phases
      .map((p) => p.memory)
      .filter((m) => m !== null)
      .reduce<MemoryEstimate | null>((worst, m) => (worst === null || (m.bytesPerChip ?? 0) > (worst.bytesPerChip ?? 0) ? m : worst), null),
    chinchilla: only?.chinchilla ?? null,
    range: {
      gpuHours: [sum((p) => p.range.gpuHours[0]), sum((p) => p.range.gpuHours[1])],
      usd: rangeOf(costs, 'rental')!,
      flop: null,
      // Ends summed (phases' errors taken as fully correlated): the phases' common level, if one.
      level:
        new Set(phases.filter((p) => p.range.level !== null).map((p) => p.range.level)).size === 1
          ? phases.find((p) => p.range.level !== null)!.range.level
          : null,
    },
    costs,
    reported: input.reported,
    notes: input.notes,
    phases,
    warnings,
    baseId: input.baseId ?? null,
    base: null,
    cumulativeFlop: runFlopBounds({ phases }),
    thresholds: [],
  };
}

/** The figure every phase shares (the same value), else null: same(phases.map(f)) without the array. */
function sameOf<T>(phases: readonly PhaseEstimate[], f: (p: PhaseEstimate) => T): T | null {
  const first = f(phases[0]!);
  for (let i = 1; i < phases.length; i++) if (f(phases[i]!) !== first) return null;
  return first;
}

/** The sum of a figure over the phases, in order; null if any phase does not know it. */
function sumKnownOf(phases: readonly PhaseEstimate[], f: (p: PhaseEstimate) => number | null): number | null {
  let sum = 0;
  for (const p of phases) {
    const v = f(p);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** A run's ownership: the phases' sums when every phase has one. */
function sumOwnership(phases: PhaseEstimate[], gpuHours: number, rentalUsd: number, ownedTotal: number | null): OwnershipEstimate | null {
  const all = phases.map((p) => p.ownership);
  if (!all.every((o) => o !== null) || ownedTotal === null) return null;
  const owned = all as OwnershipEstimate[];
  if (owned.length === 1) return owned[0]!;
  const usd = ownedTotal;
  const capexUsd = owned.reduce((a, o) => a + o.capexUsd, 0);
  const energyUsd = sumKnownOf(phases, (p) => p.ownership!.energyUsd);
  // Lifetime, utilisation and network share are run-wide settings. The purchase price shown is the
  // first phase's (phases on other gpus keep theirs; the capex above sums each phase's own).
  const first = owned[0]!;

  return {
    usd,
    capexUsd,
    energyUsd,
    usdPerGpuHour: usd / gpuHours,
    capexPerGpuHour: capexUsd / gpuHours,
    breakEvenUtilization: breakEvenUtilization(capexUsd, first.utilization, rentalUsd, energyUsd ?? 0),
    purchaseUsdPerChip: first.purchaseUsdPerChip,
    includesServer: first.includesServer,
    lifetimeYears: first.lifetimeYears,
    utilization: first.utilization,
    networkShare: first.networkShare,
    purchaseDate: first.purchaseDate,
    valueFactor: first.valueFactor,
  };
}
