// Warnings in words. The core returns codes and numbers; this is the only place they become text.
import { MODEL_STATE_BYTES_PER_PARAM } from '../core/memory.js';
import type { Warning } from '../core/types.js';
import { fmtNumber, fmtPercent } from './format.js';

/** "14 months", "20 days", "2.1 years". */
export function fmtAge(days: number): string {
  const d = Math.abs(days);
  if (d < 60) return `${Math.round(d)} day${Math.round(d) === 1 ? '' : 's'}`;
  if (d < 730) return `${Math.round(d / 30.44)} months`;
  return `${(d / 365.25).toFixed(1)} years`;
}

export function describeWarning(w: Warning): string {
  const where = 'phase' in w && w.phase !== null ? `${w.phase}: ` : '';
  switch (w.code) {
    case 'implied-mfu-impossible':
      return `${where}the claim cannot hold for this workload: it implies an MFU of ${fmtPercent(w.impliedMfu)}, above 100% of peak`;
    case 'implied-mfu-high':
      return `${where}implied MFU ${fmtPercent(w.impliedMfu)} is above ${fmtPercent(w.high)}, more than any published run reached`;
    case 'implied-mfu-low':
      return `${where}implied MFU ${fmtPercent(w.impliedMfu)} is below ${fmtPercent(w.low)}: the hours likely cover more than this workload`;
    case 'mfu-uncalibrated':
      return `no published run on ${w.gpu} at ${w.precision}: MFU taken from the ${w.basis === 'family' ? 'same-family' : 'pooled'} fit of all accelerators`;
    case 'too-few-chips':
      return `${fmtNumber(w.chips)} chips cannot hold the model states (${MODEL_STATE_BYTES_PER_PARAM} bytes per parameter, fully sharded): at least ${fmtNumber(w.minChips)} needed`;
    case 'no-power':
      return `${w.gpu} has no known server power: energy and CO2 cannot be computed`;
    case 'no-purchase-price':
      return `${w.gpu} has no known purchase price: ownership cannot be computed (give --purchase-price)`;
    case 'stale-price':
      return `${w.gpu} price ${w.priceId} is from ${w.priceDate}, ${fmtAge(w.ageDays)} before the run's date (more than --max-price-age ${fmtAge(w.maxDays)}): give --price or a newer preset`;
    case 'price-after-date':
      return `${w.gpu} has no price of this kind at or before ${w.date}: ${w.priceId} from ${w.priceDate}, later than the run, is used`;
  }
}
