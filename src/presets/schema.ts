// zod schemas for preset files. Unknown keys are errors (strictObject): a typo must
// never silently drop a setting.
import { z } from 'zod';
import { quote } from '../input/excerpt.js';
import { parseQuantity, QUANTITY_HINT } from '../input/number.js';
import { PHASE_KIND_INPUTS } from '../core/phase-kinds.js';

import { PRECISIONS } from '../core/types.js';
import { isDate } from '../core/dates.js';
import { lazy } from '../lazy.js';

export { PRECISIONS };
/**
 * What a price is, one meaning each: a figure a lab or paper assumed; a GPU cloud's (neocloud,
 * marketplace) on-demand rate; a hyperscaler's (AWS, GCP, Azure, Oracle) on-demand rate; a spot
 * (preemptible) rate; a hyperscaler's 1-year or 3-year committed-use / reserved rate.
 */
export const PRICE_KINDS = ['assumption', 'marketplace', 'on-demand', 'spot', 'committed-1y', 'committed-3y'] as const;
/** Hyperscalers whose rates Epoch AI's cloud estimate uses; a price's provider is its id's first word (aws-p5-..., gcp-a3-...). */
export const CLOUDS = ['aws', 'gcp', 'azure'] as const;

/** What a preset id is: lowercase letters, digits, "." and "-", starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
const id = lazy(() =>
z
  .string()
  .regex(ID_PATTERN, 'must be lowercase letters, digits, "." or "-" (e.g. "h100-sxm")'),
);
const positive = lazy(() =>
z.number().positive().finite(),
);
const fraction = lazy(() =>
z.number().gt(0).lte(1),
);
const source = lazy(() =>
z.string().min(3, 'must name where the figure comes from'),
);
// A date as YYYY, YYYY-MM or YYYY-MM-DD (quote it in YAML).
const date = lazy(() =>
z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as "YYYY-MM-DD", "YYYY-MM" or "YYYY"')
  .refine(isDate, 'must be a day of the calendar (2024-02-30 is none)'),
);

export const priceSchema = lazy(() =>
z.strictObject({
  id,
  kind: z.enum(PRICE_KINDS),
  usdPerHour: positive,
  date,
  source,
  default: z.boolean().optional(),
  notes: z.string().optional(),
}),
);

export const purchaseSchema = lazy(() =>
z.strictObject({
  usd: positive,
  date,
  includesServer: z.boolean(),
  source,
  notes: z.string().optional(),
}),
);

export const mfuBandSchema = lazy(() =>
z
  .strictObject({ default: fraction, low: fraction, high: fraction })
  .refine((m) => m.low <= m.default && m.default <= m.high, 'must satisfy low <= default <= high'),
);

export const gpuSchema = lazy(() =>
z
  .strictObject({
    id,
    name: z.string().min(1),
    aliases: z.array(id).default([]),
    vendor: z.string().min(1),
    kind: z.enum(['gpu', 'tpu', 'accelerator']),
    year: z.number().int().min(2010).max(2035).optional(),
    formFactor: z.string().optional(),
    memoryGB: positive,
    memoryBandwidthTBps: positive.optional(),
    interconnectGBps: positive.optional(),
    tdpWatts: positive.optional(),
    systemWattsPerChip: positive.optional(),
    systemWattsSource: source.optional(),
    powerDrawFraction: fraction.optional(),
    powerDrawSource: source.optional(),
    peakTflops: z
      .strictObject(Object.fromEntries(PRECISIONS.map((p) => [p, positive.optional()])) as Record<
        (typeof PRECISIONS)[number],
        z.ZodOptional<typeof positive>
      >)
      .refine((p) => Object.values(p).some((v) => v !== undefined), 'needs at least one precision'),
    specSource: source,
    /** The chip's release date (Epoch AI chip database): hardware is taken as bought no earlier than 90 days after it. */
    releaseDate: date.optional(),
    releaseDateSource: source.optional(),
    purchase: purchaseSchema.optional(),
    /** Other dated purchase prices (with purchase: the history); the earliest server price values the hardware (Epoch AI). */
    purchaseHistory: z.array(purchaseSchema).default([]),
    // Empty when no dated price is known: the tool then asks for --price.
    prices: z.array(priceSchema).default([]),
    mfu: z
      .strictObject(
        Object.fromEntries(PRECISIONS.map((p) => [p, mfuBandSchema.optional()])) as Record<
          (typeof PRECISIONS)[number],
          z.ZodOptional<typeof mfuBandSchema>
        >,
      )
      .optional(),
    mfuSource: source.optional(),
    notes: z.string().optional(),
  })
  .superRefine((g, ctx) => {
    const defaults = g.prices.filter((p) => p.default).length;
    if (g.prices.length > 0 && defaults !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['prices'],
        message: `must mark exactly one price "default: true" (found ${defaults})`,
      });
    const ids = new Set<string>();
    g.prices.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['prices', i, 'id'], message: `duplicate price id "${p.id}"` });
      ids.add(p.id);
    });
    if (g.systemWattsPerChip !== undefined && g.systemWattsSource === undefined)
      ctx.addIssue({ code: 'custom', path: ['systemWattsSource'], message: 'is required with systemWattsPerChip' });
    if (g.powerDrawFraction !== undefined && g.powerDrawSource === undefined)
      ctx.addIssue({ code: 'custom', path: ['powerDrawSource'], message: 'is required with powerDrawFraction' });
    if (g.releaseDate !== undefined && g.releaseDateSource === undefined)
      ctx.addIssue({ code: 'custom', path: ['releaseDateSource'], message: 'is required with releaseDate' });
    if (g.mfu !== undefined && g.mfuSource === undefined)
      ctx.addIssue({ code: 'custom', path: ['mfuSource'], message: 'is required with mfu' });
  }),
);

export type GpuPreset = z.infer<typeof gpuSchema>;

/**
 * A price sheet (prices/*.yaml in a preset folder): dated offers that add to an accelerator's
 * prices without replacing its preset (bundled or not). Written by `train-cost prices import`.
 * An offer is a price with where it is sold: provider, region, instance type, spot or not.
 */
export const offerSchema = lazy(() =>
priceSchema.extend({
  provider: z.string().min(1),
  region: z.string().min(1),
  instanceType: z.string().min(1),
  spot: z.boolean(),
}),
);

export const priceSheetSchema = lazy(() =>
z.strictObject({
  gpu: id,
  provider: z.string().min(1),
  /** The catalog file the offers come from, and when it was imported. */
  source,
  imported: date,
  prices: z.array(offerSchema).min(1, 'needs at least one price'),
}),
);

export type OfferPreset = z.infer<typeof offerSchema>;
export type PriceSheet = z.infer<typeof priceSheetSchema>;

// --- runs ---------------------------------------------------------------------------

/** Phase kinds (src/core/phase-kinds.ts): pretrain, finetune, lora, rl, generate, distill; train = pretrain. */
export const WORKLOAD_KINDS = PHASE_KIND_INPUTS;
export const GPU_HOURS_BASES = ['reported', 'derived', 'upper-bound', 'assumption'] as const;
/**
 * A run file's basis adds `third-party-estimate`: figures the lab did not publish (e.g. Epoch AI's
 * or SemiAnalysis's for GPT-4). Such runs are shown for comparison, never used as observations
 * (calibration, backtest).
 */
export const RUN_GPU_HOURS_BASES = [...GPU_HOURS_BASES, 'third-party-estimate'] as const;

/** A positive quantity written as a number or a string with a suffix ("37B", "14.8T"). */
const quantity = lazy(() =>
z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : parseQuantity(v);
  if (n === null || !Number.isFinite(n) || n <= 0) {
    ctx.addIssue({ code: 'custom', message: `must be a positive number (${QUANTITY_HINT}), got ${quote(v)}` });
    return z.NEVER;
  }
  return n;
}),
);

export const phaseSchema = lazy(() =>
z
  .strictObject({
    name: z.string().min(1),
    gpu: z.string().optional(),
    chips: quantity.optional(),
    hours: quantity.optional(),
    days: quantity.optional(),
    gpuHours: quantity.optional(),
    params: quantity.optional(),
    activeParams: quantity.optional(),
    tokens: quantity.optional(),
    flops: quantity.optional(),
    kind: z.enum(WORKLOAD_KINDS).optional(),
    /** LoRA/QLoRA: the share of the parameters trained (adapters), 0-1. */
    trainableFraction: fraction.optional(),
    /** Distillation: the teacher's parameters (teacherActiveParams for a mixture of experts). */
    teacherParams: quantity.optional(),
    teacherActiveParams: quantity.optional(),
    precision: z.enum(PRECISIONS).optional(),
    mfu: fraction.optional(),
    /** MFU of the generation parts (rl rollouts, distill teacher, generate); default: a labelled assumption. */
    generationMfu: fraction.optional(),
    price: positive.optional(),
    priceSource: z.string().optional(),
    notes: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    const given = (['hours', 'days', 'gpuHours'] as const).filter((k) => p[k] !== undefined);
    if (given.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: [given[1]!],
        message: `gives a second duration (${given.join(' and ')}); give one of chips+hours, chips+days or gpuHours`,
      });
    if (p.flops !== undefined && p.tokens !== undefined)
      ctx.addIssue({ code: 'custom', path: ['flops'], message: 'conflicts with tokens; give flops or params and tokens' });
    if (p.trainableFraction !== undefined && p.kind !== 'lora')
      ctx.addIssue({ code: 'custom', path: ['trainableFraction'], message: 'applies to kind: lora only' });
    if ((p.teacherParams !== undefined || p.teacherActiveParams !== undefined) && p.kind !== 'distill')
      ctx.addIssue({ code: 'custom', path: [p.teacherParams !== undefined ? 'teacherParams' : 'teacherActiveParams'], message: 'applies to kind: distill only' });
    if (p.kind === 'distill' && p.tokens !== undefined && p.teacherParams === undefined && p.teacherActiveParams === undefined)
      ctx.addIssue({ code: 'custom', path: ['teacherParams'], message: 'is required with kind: distill and tokens (the teacher generates the tokens: 2 x N_teacher x D)' });
    if ((p.kind === 'rl' || p.kind === 'distill') && p.flops !== undefined)
      ctx.addIssue({ code: 'custom', path: ['flops'], message: `cannot be split into generation and training for kind: ${p.kind}; give params and tokens` });
  }),
);

export const runSchema = lazy(() =>
z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  /** The run this one starts from (a bundled run id, e.g. deepseek-v3): its compute counts toward thresholds, and --with-base shows its cost apart. */
  base: id.optional(),
  organization: z.string().optional(),
  year: z.number().int().min(2010).max(2035).optional(),
  /** Training start (prices and hardware are taken as of it), and where that date comes from. */
  date: date.optional(),
  dateSource: source.optional(),
  /** Hyperscaler for --price-source epoch (default: from the organization, as Epoch AI does). */
  cloud: z.enum(CLOUDS).optional(),
  gpu: z.string().optional(),
  /** Energy region where the run took place (presets/regions.yaml), and overrides of its figures. */
  region: z.string().optional(),
  pue: z.number().min(1).max(3).optional(),
  electricityPrice: z.number().nonnegative().finite().optional(),
  gridIntensity: z.number().nonnegative().finite().optional(),
  /** Ownership: purchase USD per chip (the preset's otherwise), lifetime, utilisation. */
  purchasePrice: positive.optional(),
  lifetimeYears: positive.optional(),
  utilization: fraction.optional(),
  chips: quantity.optional(),
  precision: z.enum(PRECISIONS).optional(),
  mfu: fraction.optional(),
  generationMfu: fraction.optional(),
  price: positive.optional(),
  priceSource: z.string().optional(),
  model: z
    .strictObject({ params: quantity.optional(), activeParams: quantity.optional() })
    .optional(),
  phases: z.array(phaseSchema).min(1, 'needs at least one phase (each with a name and a duration or a workload)'),
  reported: z
    .strictObject({
      gpuHours: quantity.optional(),
      gpuHoursBasis: z.enum(RUN_GPU_HOURS_BASES).optional(),
      usd: quantity.optional(),
      source: source,
      notes: z.string().optional(),
    })
    .optional(),
  source: source.optional(),
  notes: z.string().optional(),
}).superRefine((r, ctx) => {
  r.phases.forEach((p, i) => {
    if ((p.hours !== undefined || p.days !== undefined) && p.chips === undefined && r.chips === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['phases', i, p.hours !== undefined ? 'hours' : 'days'],
        message: 'needs chips (on the phase or the run)',
      });
  });
}),
);

export type PhasePreset = z.infer<typeof phaseSchema>;
export type RunPreset = z.infer<typeof runSchema>;

// --- regions ------------------------------------------------------------------------

export const regionSchema = lazy(() =>
z
  .strictObject({
  name: z.string().min(1),
  gridGCo2PerKwh: z.number().nonnegative().finite(),
  gridYear: z.number().int(),
  gridSource: source,
  electricityUsdPerKwh: positive,
  priceYear: z.number().int(),
  /** Electricity price by calendar year (a run pays its year's; the latest year's after it). */
  electricityUsdPerKwhByYear: z.record(z.string().regex(/^\d{4}$/, 'must be a year'), positive).optional(),
  electricityByYearSource: source.optional(),
  priceSource: source,
  pue: z.number().min(1).max(3),
  pueSource: source,
  notes: z.string().optional(),
})
  .refine((r) => r.electricityUsdPerKwhByYear === undefined || r.electricityByYearSource !== undefined, {
    message: 'is required with electricityUsdPerKwhByYear',
    path: ['electricityByYearSource'],
  }),
);

/** A regions file. A user's file may add or replace regions only; a default needs its reason. */
export const regionsSchema = lazy(() =>
z
  .strictObject({
    default: id.optional(),
    defaultReason: z.string().min(3).optional(),
    regions: z.record(id, regionSchema),
  })
  .refine((r) => (r.default === undefined) === (r.defaultReason === undefined), {
    message: 'default and defaultReason go together',
    path: ['defaultReason'],
  }),
);

export type RegionPreset = z.infer<typeof regionSchema>;
