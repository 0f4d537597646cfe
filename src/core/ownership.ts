// Owning instead of renting: amortised capital plus energy (Epoch AI cost model, Cottier et al.
// 2024, arXiv:2405.21015, cost_analysis_standalone.py).
import { addDays, dayNumber, depreciationFactor, RELEASE_TO_ACQUISITION_DAYS } from './dates.js';
import type { OwnershipEstimate } from './types.js';

export const HOURS_PER_YEAR = 24 * 365.25;

/**
 * Defaults of the Epoch AI cost model: server cost 1.64 x a single chip's price (default across
 * chips; prices of 8-GPU servers / 8 already include it); cluster interconnect 19% of total cluster
 * capex; hardware value falls 0.14 orders of magnitude a year, i.e. 0.14 x ln 10 = 0.32 of it per
 * year, an equivalent life of 1 / 0.32 = 3.1 years; utilisation 1 charges only the hours used, as
 * Epoch does.
 */
export const OWNERSHIP_DEFAULTS = {
  serverOverhead: 1.64,
  networkShare: 0.19,
  lifetimeYears: 1 / (0.14 * Math.LN10),
  utilization: 1,
} as const;

export interface OwnershipParams {
  /** Purchase price per chip, and whether it already includes its share of the server. */
  purchaseUsd: number;
  includesServer: boolean;
  /** The source of the owned cost components (method and purchase price), worded by the presets layer. */
  source: string;
  serverOverhead: number;
  networkShare: number;
  lifetimeYears: number;
  /** Share of the hardware's life spent on useful work, (0, 1]. */
  utilization: number;
  /** When the hardware is taken as bought (the purchase price's dates), and its value left at the run's date (1: as bought). */
  purchaseDate: string | null;
  valueFactor: number;
}

export interface PurchasePrice {
  usd: number;
  date: string;
  includesServer: boolean;
  source: string;
}

/**
 * Hardware valued at a run's date as Epoch AI does (find_hardware_acquisition_price,
 * get_hardware_value_at_training_start): the first known server price (else the first known
 * price), taken as bought on its date but no earlier than 90 days after the chip's release,
 * depreciated 0.14 orders of magnitude a year from then to the run's date (never appreciated).
 */
export function hardwareValue(
  purchases: readonly PurchasePrice[],
  releaseDate: string | null,
  runDate: string,
): { purchase: PurchasePrice; purchaseDate: string; valueFactor: number } | null {
  if (purchases.length === 0) return null;
  const byDate = [...purchases].sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const purchase = byDate.find((p) => p.includesServer) ?? byDate[0]!;
  const earliest = releaseDate === null ? null : addDays(releaseDate, RELEASE_TO_ACQUISITION_DAYS);
  const purchaseDate = earliest !== null && dayNumber(earliest) > dayNumber(purchase.date) ? earliest : purchase.date;
  return { purchase, purchaseDate, valueFactor: depreciationFactor(purchaseDate, runDate) };
}

/** Capex per chip at the run's date: purchase x server overhead (chip-only prices) x value left / (1 - network share) (Epoch AI). */
export function capexPerChip(p: OwnershipParams): number {
  const server = p.includesServer ? p.purchaseUsd : p.purchaseUsd * p.serverOverhead;
  return (server * p.valueFactor) / (1 - p.networkShare);
}

/** Amortised capex per GPU-hour: capex / (lifetime hours x utilisation). */
export function capexPerGpuHour(p: OwnershipParams): number {
  return capexPerChip(p) / (p.lifetimeYears * HOURS_PER_YEAR * p.utilization);
}

/**
 * The utilisation at which owning costs what renting does, for the same GPU-hours: capex at full use
 * (capex x the utilisation assumed) / (rent - energy), i.e. capex / (lifetime hours x (rent - energy
 * per GPU-hour)); null when energy alone costs at least the rent.
 */
export function breakEvenUtilization(capexUsd: number, utilization: number, rentalUsd: number, energyUsd: number): number | null {
  const margin = rentalUsd - energyUsd;
  return margin > 0 ? (capexUsd * utilization) / margin : null;
}

/**
 * Owned cost of `gpuHours`: amortised capex + energy at the electricity price. Also the
 * utilisation at which owning costs the same as renting at `rentUsdPerGpuHour`
 * (capex / (lifetime hours x (rent - energy per GPU-hour))); null when energy alone costs more than renting.
 */
export function estimateOwnership(
  gpuHours: number,
  params: OwnershipParams,
  energyUsd: number | null,
  /** What renting the same GPU-hours costs. */
  rentalUsd: number,
  /** Amortised capex of the run: the capex cost component's figure; computed here when not given. */
  capexUsd: number = gpuHours * capexPerGpuHour(params),
): OwnershipEstimate {
  const energy = energyUsd ?? 0;
  const usd = capexUsd + energy;
  return {
    usd,
    capexUsd,
    energyUsd: energyUsd,
    usdPerGpuHour: usd / gpuHours,
    // From the figures given (converted to --dollar-year's dollars when they are), not from the
    // nominal purchase price: every figure of the estimate in one basis.
    capexPerGpuHour: capexUsd / gpuHours,
    breakEvenUtilization: breakEvenUtilization(capexUsd, params.utilization, rentalUsd, energy),
    purchaseUsdPerChip: params.purchaseUsd,
    includesServer: params.includesServer,
    lifetimeYears: params.lifetimeYears,
    utilization: params.utilization,
    networkShare: params.networkShare,
    purchaseDate: params.purchaseDate,
    valueFactor: params.valueFactor,
  };
}
