// JSON for programs: the contract of DESIGN.md (schemaVersion 1). Raw numbers, every key
// present (null when unknown), warnings in words. Non-finite numbers are a bug, never output.
import type { PhaseEstimate, RangeEstimate, RunEstimate } from '../core/types.js';
import { describeWarning } from './warnings.js';

export const SCHEMA_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function rangeToJson(r: RangeEstimate): { [k: string]: Json } {
  return { gpuHours: [...r.gpuHours], usd: [...r.usd], flop: r.flop === null ? null : [...r.flop], level: r.level };
}

/** The fields phases and runs share, in contract order. */
function figuresToJson(p: PhaseEstimate | RunEstimate): { [k: string]: Json } {
  return {
    name: p.name,
    gpu: p.gpu === null ? null : { ...p.gpu },
    chips: p.chips,
    wallClockHours: p.wallClockHours,
    gpuHours: p.gpuHours,
    rental: { ...p.rental },
    energy: { ...p.energy },
    ownership: p.ownership === null ? null : { ...p.ownership },
    compute: { ...p.compute },
    memory: p.memory === null ? null : { ...p.memory },
    chinchilla: p.chinchilla === null ? null : { ...p.chinchilla },
    range: rangeToJson(p.range),
  };
}

export function phaseToJson(p: PhaseEstimate): { [k: string]: Json } {
  return { ...figuresToJson(p), gpuHoursFrom: p.gpuHoursFrom, warnings: p.warnings.map(describeWarning) };
}

export function runToJson(r: RunEstimate): { [k: string]: Json } {
  return {
    ...figuresToJson(r),
    reported: r.reported === null ? null : { ...r.reported },
    notes: r.notes,
    phases: r.phases.map(phaseToJson),
    warnings: r.warnings.map(describeWarning),
  };
}

/** JSON.stringify that refuses NaN and Infinity (instead of writing null in their place) and
 *  drops binary-float noise: 122470.40000000001 -> 122470.4 (12 significant digits). */
export function stringifyStrict(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (key, v: unknown) => {
      if (typeof v !== 'number') return v;
      if (!Number.isFinite(v)) throw new Error(`non-finite number at "${key}"`);
      return roundSignificant(v);
    },
    indent,
  );
}

export function roundSignificant(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

export function renderJson(runs: readonly RunEstimate[]): string {
  return `${stringifyStrict({ schemaVersion: SCHEMA_VERSION, runs: runs.map(runToJson) }, 2)}\n`;
}

export function renderNdjson(runs: readonly RunEstimate[]): string {
  return runs.map((r) => `${stringifyStrict({ schemaVersion: SCHEMA_VERSION, ...runToJson(r) })}\n`).join('');
}
