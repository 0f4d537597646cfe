// The JSON of `train-cost diff` (schemaVersion 1) as a zod schema: `train-cost schema diff`
// publishes it, tests hold the output to it. Fields are only ever added.
import { z } from 'zod';
import { lazy } from '../lazy.js';
import { documentHeaderShape } from './contract.js';

const nullableNum = lazy(() => z.number().nullable());

const metricSchema = lazy(() =>
  z.strictObject({
    /** 'gpuHours', or a cost basis ('rental', 'owned', 'acquisition', 'development'): the total of its components. */
    id: z.string(),
    unit: z.enum(['gpu-hours', 'usd']),
    before: nullableNum,
    after: nullableNum,
    /** after - before; null when either side lacks the figure. */
    change: nullableNum,
    /** change / before (0.1 = +10%); null when a side lacks it, or from 0 to more. */
    relative: nullableNum,
  }),
);

const phaseDiffSchema = lazy(() =>
  z.strictObject({
    status: z.enum(['changed', 'unchanged', 'added', 'removed']),
    /** The name on each side, null on the side without it (they differ for a renamed run). */
    base: z.string().nullable(),
    head: z.string().nullable(),
    metrics: z.array(metricSchema),
  }),
);

const sideSchema = lazy(() =>
  z.strictObject({
    /** What was given: a file path or a bundled run id. */
    source: z.string(),
    /** 'run': a run file or id, estimated now; 'saved': the JSON output of an earlier estimate. */
    kind: z.enum(['run', 'saved']),
    /** The version of train-cost that made the figures. */
    toolVersion: z.string().nullable(),
  }),
);

export const diffCheckSchema = lazy(() =>
  z.strictObject({
    gate: z.enum(['max-increase', 'max-cost']),
    /** max-increase: a fraction (0.1 = 10%) of the rental cost before; max-cost: USD. */
    limit: z.number(),
    /** The run's relative change of rental cost (null from 0), or its rental USD after. */
    value: nullableNum,
    run: z.string(),
    passed: z.boolean(),
  }),
);

export const diffOutputSchema = lazy(() =>
  z.strictObject({
    ...documentHeaderShape(),
    diff: z.strictObject({
      base: sideSchema,
      head: sideSchema,
      /** Matched by name, then the rest in order; base order, then the added. */
      runs: z.array(phaseDiffSchema.extend({ phases: z.array(phaseDiffSchema) })),
      /** Each metric summed over the runs of each side. */
      totals: z.array(metricSchema),
    }),
    /** The gates checked (empty without --max-increase or --max-cost). */
    checks: z.array(diffCheckSchema),
  }),
);

export type DiffOutput = z.output<typeof diffOutputSchema>;
