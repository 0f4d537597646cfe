// Warnings in words. The core returns codes and numbers; this is the only place they become text.
import { MODEL_STATE_BYTES_PER_PARAM } from '../core/memory.js';
import type { Warning } from '../core/types.js';
import { fmtNumber, fmtPercent } from './format.js';

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
  }
}
