// Huge but finite inputs (--gpu-hours 1e300) can overflow derived figures (peak FLOP): refuse
// them as bad input before anything is printed, rather than print Infinity or crash mid-output.
import { InputError } from '../errors.js';

/** Throw an InputError naming the first non-finite number in `value` (a tree of plain data). */
export function assertFinite(value: unknown): void {
  if (allFinite(value)) return;
  throw new InputError(
    `the inputs are too large: ${firstNonFinite(value, '') ?? 'a result'} overflows; use figures a training run could have (below about 1e30)`,
  );
}

/** The fast check: no allocation, no paths. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!allFinite(v)) return false;
    return true;
  }
  for (const k in value) if (!allFinite((value as Record<string, unknown>)[k])) return false;
  return true;
}

/** The slow search, only once something overflowed: the path of the first bad number. */
function firstNonFinite(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const hit = firstNonFinite(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    if (hit !== null) return hit;
  }
  return null;
}
