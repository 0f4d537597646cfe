// Hardware time: GPU-hours and wall-clock from chips and a duration.
import type { Duration } from './types.js';

export const HOURS_PER_DAY = 24;

/** GPU-hours of a duration: chips x hours, or GPU-hours as given. Null when chips are needed and unknown. */
export function gpuHoursOf(duration: Duration, chips: number | null): number | null {
  if ('gpuHours' in duration) return duration.gpuHours;
  return chips === null ? null : chips * duration.hours;
}

/** Wall-clock hours: the hours given, or GPU-hours / chips when chips are known. */
export function wallClockHours(gpuHours: number, chips: number | null, duration: Duration | null): number | null {
  if (duration !== null && 'hours' in duration) return duration.hours;
  return chips === null ? null : gpuHours / chips;
}
