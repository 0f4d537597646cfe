// The JSON contract (schemaVersion 1) as a zod schema: `train-cost schema output` publishes it as
// JSON Schema, and tests hold every JSON output to it. Fields are only ever added.
import { z } from 'zod';
import { COST_BASES, COST_IDS, COST_PARTS, COST_UNITS } from '../core/costs.js';
import { MAX_COST_AT } from '../core/checks.js';
import { MFU_VERDICTS } from '../core/compute.js';
import { GPU_HOURS_FROM, MFU_BASES } from '../core/types.js';
import { PHASE_KINDS } from '../core/phase-kinds.js';
import { lazy } from '../lazy.js';

const num = lazy(() => z.number());
const nullableNum = lazy(() => num.nullable());
const pair = lazy(() => z.tuple([num, num]));
/** Where an MFU comes from; 'assumption' is the labelled generation MFU (src/core/phase-kinds.ts). */
const mfuBasis = lazy(() => z.enum(MFU_BASES));

// Built on first use, like the schemas below (not at start-up).
const phaseShape = lazy(() => ({
  name: z.string(),
  /** The run's date (training start), YYYY-MM(-DD). */
  date: z.string(),
  gpu: z.object({ id: z.string(), name: z.string() }),
  chips: nullableNum,
  wallClockHours: nullableNum,
  gpuHours: num,
  rental: z.object({
    usd: num,
    usdPerGpuHour: num,
    priceId: z.string().nullable(),
    priceSource: z.string(),
    priceDate: z.string().nullable(),
    /** Days from the price's date to the run's (negative: the price is later); null for a price given. */
    priceAgeDays: nullableNum,
  }),
  energy: z.object({
    kWh: nullableNum,
    usd: nullableNum,
    co2Tonnes: nullableNum,
    region: z.string().nullable(),
    regionDefaultReason: z.string().nullable(),
    pue: nullableNum,
    gridGCo2PerKwh: nullableNum,
    usdPerKwh: nullableNum,
    systemWattsPerChip: nullableNum,
    drawFraction: nullableNum,
  }),
  ownership: z
    .object({
      usd: num,
      capexUsd: num,
      energyUsd: nullableNum,
      usdPerGpuHour: num,
      capexPerGpuHour: num,
      breakEvenUtilization: nullableNum,
      purchaseUsdPerChip: num,
      includesServer: z.boolean(),
      lifetimeYears: num,
      utilization: num,
      networkShare: num,
      purchaseDate: z.string().nullable(),
      valueFactor: num,
    })
    .nullable(),
  compute: z.object({
    precision: z.string(),
    /** What the phase does (null without a workload); a run: its phases' common kind, or null. */
    kind: z.enum(PHASE_KINDS).nullable(),
    /** The workload by its kind's FLOP rule: rl and distill have a generation and a training part. */
    parts: z.array(
      z.strictObject({
        label: z.string(),
        mode: z.enum(['train', 'generate']),
        flop: num,
        activeParams: nullableNum,
        flopPerParamToken: nullableNum,
        mfu: nullableNum,
        mfuBasis: mfuBasis.nullable(),
        gpuHours: nullableNum,
      }),
    ),
    flop: nullableNum,
    mfu: nullableNum,
    mfuBasis: z.enum(MFU_BASES).nullable(),
    impliedMfu: nullableNum,
    verdict: z.enum(MFU_VERDICTS).nullable(),
    params: nullableNum,
    activeParams: nullableNum,
    tokens: nullableNum,
    flopPerParamToken: nullableNum,
    peakFlopsPerChip: num,
    peakFlop: num,
  }),
  memory: z.object({ minChips: num, bytesPerChip: nullableNum, hbmBytesPerChip: num }).nullable(),
  chinchilla: z.object({ tokensPerParam: nullableNum, optimalParams: num, optimalTokens: num }).nullable(),
  range: z.object({ gpuHours: pair, usd: pair, flop: pair.nullable(), level: z.number().nullable() }),
  costs: z.array(
    z.strictObject({
      id: z.enum(COST_IDS),
      label: z.string(),
      usd: num,
      range: pair,
      basis: z.enum(COST_BASES),
      formula: z.string(),
      terms: z.array(z.strictObject({ name: z.string(), value: num, unit: z.enum(COST_UNITS), op: z.enum(['x', '/']) })),
      source: z.string(),
      /** The date whose dollars the figure is in before conversion (with --dollar-year a term converts it). */
      dollarDate: z.string().nullable(),
      /** Hardware components (capex, acquisition): Epoch AI's split into chip, rest of the server and cluster interconnect; the parts sum to usd. */
      breakdown: z.array(z.strictObject({ id: z.enum(COST_PARTS), label: z.string(), usd: num, share: num })).optional(),
    }),
  ),
  warnings: z.array(z.string()),
  diagnostics: z.array(z.strictObject({ code: z.string(), severity: z.enum(['warning']), message: z.string() })),
}));

export const phaseOutputSchema = lazy(() =>
  z.strictObject({
    ...phaseShape,
    gpuHoursFrom: z.enum(GPU_HOURS_FROM),
  }),
);

export const runOutputSchema = lazy(() =>
  z.strictObject({
    ...phaseShape,
    gpu: phaseShape.gpu.nullable(),
    compute: phaseShape.compute.extend({ precision: z.string().nullable(), peakFlopsPerChip: num.optional() }),
    reported: z.object({ gpuHours: nullableNum, gpuHoursBasis: z.string().nullable(), usd: nullableNum, source: z.string() }).nullable(),
    notes: z.string().nullable(),
    phases: z.array(phaseOutputSchema),
    /** The base run its file names (`base:`), or null. */
    baseId: z.string().nullable(),
    /** With --with-base: the base run's own figures, stated apart (never included in this run's totals); else null. */
    base: z
      .strictObject({
        id: z.string(),
        name: z.string(),
        gpuHours: num,
        rental: z.strictObject({ usd: num, usdPerGpuHour: num, priceId: z.string().nullable(), priceSource: z.string() }),
        /** The base's own training FLOP bounds [low, high] (its base's not included). */
        flop: pair,
        reported: z.object({ gpuHours: nullableNum, usd: nullableNum, source: z.string() }).nullable(),
        baseId: z.string().nullable(),
      })
      .nullable(),
    /** Training FLOP of the run and its base runs, [low, high]: a phase without a workload counts 0 to its GPU-hours at peak. */
    cumulativeFlop: pair,
    /** Regulatory compute thresholds (presets/thresholds.yaml) against cumulativeFlop; crossed is null when the bounds straddle one. */
    thresholds: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        flop: num,
        crossed: z.boolean().nullable(),
        status: z.string(),
        source: z.string(),
      }),
    ),
  }),
);

/** A gate the command was asked to check (--max-cost, --strict): what it held to what, and whether it passed. */
export const checkOutputSchema = lazy(() =>
  z.discriminatedUnion('gate', [
    z.strictObject({
      gate: z.literal('max-cost'),
      /** The limit in USD. */
      limit: num,
      /** The run's rental USD: central, or the top of its range with --max-cost-at high. */
      value: num,
      at: z.enum(MAX_COST_AT),
      run: z.string(),
      passed: z.boolean(),
    }),
    z.strictObject({
      gate: z.literal('audit'),
      /** The implied MFU of reported GPU-hours against the workload. */
      value: nullableNum,
      verdict: z.enum(MFU_VERDICTS),
      run: z.string(),
      /** The phase audited when a run has several; null for the run. */
      phase: z.string().nullable(),
      passed: z.boolean(),
    }),
  ]),
);

/** The fields every JSON document of the tool starts with (estimates, diffs): its shape's version, the tool, the money basis. */
export function documentHeaderShape() {
  return {
    schemaVersion: z.literal(1),
    tool: z.strictObject({ name: z.literal('train-cost'), version: z.string() }),
    currency: z.literal('USD'),
    /** Null: nominal dollars, each figure in the dollars of its price's date (a diff's sides share one basis). */
    dollarYear: z.number().int().nullable(),
  };
}

export const outputSchema = lazy(() =>
  z.strictObject({
    ...documentHeaderShape(),
    runs: z.array(runOutputSchema),
    /** The gates checked (empty without --max-cost or --strict). */
    checks: z.array(checkOutputSchema),
  }),
);

/** The JSON output's types, from the one definition above. */
export type Output = z.output<typeof outputSchema>;
export type RunOutput = z.output<typeof runOutputSchema>;
export type PhaseOutput = z.output<typeof phaseOutputSchema>;
export type CheckOutput = z.output<typeof checkOutputSchema>;
