// Huge but finite inputs (--gpu-hours 1e300) can overflow derived figures (peak FLOP): refuse
// them as bad input before anything is printed, rather than print Infinity or crash mid-output.
import { InputError } from '../errors.js';

/** Throw an InputError naming the first non-finite number in `value` (a tree of plain data). */
export function assertFinite(value: unknown, path = ''): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new InputError(`the inputs are too large: ${path || 'a result'} overflows; use figures a training run could have (below about 1e30)`);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertFinite(v, path ? `${path}.${k}` : k);
}
