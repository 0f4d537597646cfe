// Energy and carbon of a run (Epoch AI cost model, Cottier et al. 2024, arXiv:2405.21015).
import type { Accelerator, EnergyEstimate } from './types.js';

export interface EnergyProfile {
  region: string | null;
  /** Why this region, when it is the default rather than chosen (from presets/regions.yaml). */
  defaultReason: string | null;
  pue: number;
  /** Grid carbon intensity, g CO2 per kWh. */
  gridGCo2PerKwh: number;
  usdPerKwh: number;
  /** The date (a year) of the electricity price. */
  usdPerKwhDate: string;
  /** The source of the energy cost component (method and electricity price), worded by the presets layer. */
  source: string;
}

/** kWh = GPU-hours x server watts per chip x average draw fraction x PUE / 1000 (Epoch AI cost model). */
export function energyKwh(gpuHours: number, systemWattsPerChip: number, drawFraction: number, pue: number): number {
  return (gpuHours * systemWattsPerChip * drawFraction * pue) / 1000;
}

/** Energy, its price and CO2 (kWh x grid intensity); null figures when the chip's power is unknown. */
export function estimateEnergy(gpuHours: number, gpu: Accelerator, profile: EnergyProfile): EnergyEstimate {
  const watts = gpu.systemWattsPerChip;
  const draw = gpu.powerDrawFraction;
  const base = {
    region: profile.region,
    regionDefaultReason: profile.defaultReason,
    pue: profile.pue,
    gridGCo2PerKwh: profile.gridGCo2PerKwh,
    usdPerKwh: profile.usdPerKwh,
  };
  if (watts === undefined || draw === undefined)
    return { kWh: null, usd: null, co2Tonnes: null, systemWattsPerChip: null, drawFraction: null, ...base };
  const kWh = energyKwh(gpuHours, watts, draw, profile.pue);
  return {
    kWh,
    usd: kWh * profile.usdPerKwh,
    // g/kWh x kWh = g; 1e6 g per tonne.
    co2Tonnes: (kWh * profile.gridGCo2PerKwh) / 1e6,
    systemWattsPerChip: watts,
    drawFraction: draw,
    ...base,
  };
}
