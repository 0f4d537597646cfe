// JSON for programs: the contract of DESIGN.md (schemaVersion 1). Raw numbers, every key
// present (null when unknown), warnings in words. Non-finite numbers are a bug, never output.
import type { CostComponent } from '../core/costs.js';
import { runFlopBounds } from '../core/thresholds.js';
import type { PhaseEstimate, RangeEstimate, RunEstimate, Warning } from '../core/types.js';
import { VERSION } from '../version.js';
import type { GateCheck } from '../core/checks.js';
import type { CheckOutput, Output, PhaseOutput, RunOutput } from './contract.js';
import type { RenderOptions } from './render.js';
import { describeWarning } from './warnings.js';

export const SCHEMA_VERSION = 1;

/** What every JSON document of the estimate starts with: the version of its shape and of the tool, and the money basis. */
export function jsonHeader(dollarYear: number | null = null): Omit<Output, 'runs' | 'checks'> {
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'train-cost', version: VERSION }, currency: 'USD', dollarYear };
}

/** The runs' dollar year (all share one: --dollar-year applies to every run); null: nominal. */
export function dollarYearOf(runs: readonly RunEstimate[]): number | null {
  return runs[0]?.dollarYear ?? null;
}

function rangeToJson(r: RangeEstimate): RunOutput['range'] {
  return { gpuHours: [...r.gpuHours], usd: [...r.usd], flop: r.flop === null ? null : [...r.flop], level: r.level };
}

function costToJson(c: CostComponent): RunOutput['costs'][number] {
  return { ...c, range: [...c.range], terms: c.terms.map((t) => ({ ...t })) };
}

function diagnosticsOf(warnings: readonly Warning[]): RunOutput['diagnostics'] {
  return warnings.map((w) => ({ code: w.code, severity: 'warning' as const, message: describeWarning(w) }));
}

/** The fields phases and runs share, in contract order. */
function figuresToJson(p: PhaseEstimate | RunEstimate) {
  return {
    name: p.name,
    date: p.date,
    gpu: p.gpu === null ? null : { ...p.gpu },
    chips: p.chips,
    wallClockHours: p.wallClockHours,
    gpuHours: p.gpuHours,
    rental: { ...p.rental },
    energy: { ...p.energy },
    ownership: p.ownership === null ? null : { ...p.ownership },
    compute: { ...p.compute, parts: p.compute.parts.map((x) => ({ ...x })) },
    memory: p.memory === null ? null : { ...p.memory },
    chinchilla: p.chinchilla === null ? null : { ...p.chinchilla },
    range: rangeToJson(p.range),
    costs: p.costs.map(costToJson),
  };
}

export function phaseToJson(p: PhaseEstimate): PhaseOutput {
  return {
    ...figuresToJson(p),
    gpu: { ...p.gpu },
    compute: { ...p.compute, parts: p.compute.parts.map((x) => ({ ...x })) },
    gpuHoursFrom: p.gpuHoursFrom,
    warnings: p.warnings.map(describeWarning),
    diagnostics: diagnosticsOf(p.warnings),
  };
}

export function runToJson(r: RunEstimate): RunOutput {
  return {
    ...figuresToJson(r),
    reported: r.reported === null ? null : { ...r.reported },
    notes: r.notes,
    phases: r.phases.map(phaseToJson),
    warnings: r.warnings.map(describeWarning),
    diagnostics: diagnosticsOf(r.warnings),
    baseId: r.baseId,
    base:
      r.base === null
        ? null
        : {
            id: r.baseId!,
            name: r.base.name,
            gpuHours: r.base.gpuHours,
            rental: {
              usd: r.base.rental.usd,
              usdPerGpuHour: r.base.rental.usdPerGpuHour,
              priceId: r.base.rental.priceId,
              priceSource: r.base.rental.priceSource,
            },
            flop: [...runFlopBounds(r.base)],
            reported: r.base.reported === null ? null : { ...r.base.reported },
            baseId: r.base.baseId,
          },
    cumulativeFlop: [...r.cumulativeFlop],
    thresholds: r.thresholds.map((t) => ({ id: t.id, name: t.name, flop: t.flop, crossed: t.crossed, status: t.status, source: t.source })),
  };
}

/** JSON.stringify that refuses NaN and Infinity (instead of writing null in their place) and
 *  drops binary-float noise: 122470.40000000001 -> 122470.4 (12 significant digits). */
export function stringifyStrict(value: unknown, indent?: number): string {
  if (indent === undefined) return compact(value, '') ?? 'null';
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

// One-line JSON, byte for byte what the replacer above gives, about three times faster: the rounding
// (toPrecision) is the costly part and a grid repeats its numbers and texts, so both are cached.
const NUMBERS = new Map<number, string>();
const TEXTS = new Map<string, string>();

function numberText(v: number, key: string): string {
  let t = NUMBERS.get(v);
  if (t === undefined) {
    if (!Number.isFinite(v)) throw new Error(`non-finite number at "${key}"`);
    t = String(roundSignificant(v));
    if (NUMBERS.size < 100_000) NUMBERS.set(v, t);
  }
  return t;
}

function stringText(s: string): string {
  if (s.length > 200) return JSON.stringify(s);
  let t = TEXTS.get(s);
  if (t === undefined) {
    t = JSON.stringify(s);
    if (TEXTS.size < 10_000) TEXTS.set(s, t);
  }
  return t;
}

/** JSON.stringify's rules for plain data (undefined and functions dropped, null in arrays). */
function compact(v: unknown, key: string): string | undefined {
  switch (typeof v) {
    case 'number':
      return numberText(v, key);
    case 'string':
      return stringText(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(v);
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += `${i > 0 ? ',' : ''}${compact(v[i], String(i)) ?? 'null'}`;
        return `${out}]`;
      }
      let out = '{';
      let first = true;
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        const text = compact((v as Record<string, unknown>)[k], k);
        if (text === undefined) continue;
        out += `${first ? '' : ','}${stringText(k)}:${text}`;
        first = false;
      }
      return `${out}}`;
    }
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      return undefined;
  }
}

function checkToJson(c: GateCheck): CheckOutput {
  return { ...c };
}

export function renderJson(runs: readonly RunEstimate[], opts: Partial<Pick<RenderOptions, 'checks'>> = {}): string {
  const doc: Output = { ...jsonHeader(dollarYearOf(runs)), runs: runs.map(runToJson), checks: (opts.checks ?? []).map(checkToJson) };
  return `${stringifyStrict(doc, 2)}\n`;
}

/** One run a line, each with the header's fields and the checks of that run, so a line stands alone. */
export function renderNdjson(runs: readonly RunEstimate[], opts: Partial<Pick<RenderOptions, 'checks'>> = {}): string {
  return runs
    .map((r) =>
      ndjsonLine(
        r,
        (opts.checks ?? []).filter((c) => c.run === r.name),
      ),
    )
    .join('');
}

/** One NDJSON line: the run with the header's fields and its own checks. */
export function ndjsonLine(r: RunEstimate, checks: readonly GateCheck[]): string {
  return `${stringifyStrict({ ...jsonHeader(r.dollarYear), ...runToJson(r), checks: checks.map(checkToJson) })}\n`;
}
