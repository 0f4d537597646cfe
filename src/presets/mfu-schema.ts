// The schema of presets/mfu-model.yaml (the calibrated MFU model): apart from its loader
// (src/presets/mfu.ts) so that src/output/schemas.ts can publish it without reading files.
import { z } from 'zod';

const finite = z.number().finite();
const levels = z.strictObject({ accelerator: finite, family: finite, pooled: finite });

export const mfuModelSchema = z.strictObject({
  source: z.string().min(3),
  model: z.strictObject({
    version: z.literal(1),
    refParams: finite.positive(),
    sizeRange: z.tuple([finite.positive(), finite.positive()]),
    intercept: finite,
    slope: finite,
    families: z.record(z.string(), z.strictObject({ offset: finite, slope: finite, observations: z.number().int() })),
    accelerators: z.record(z.string(), z.strictObject({ offset: finite, observations: z.number().int() })),
    precisions: z.record(z.string(), finite),
    band: z.strictObject({
      low: finite,
      high: finite,
      scale: z.strictObject({ reported: finite, derived: finite, 'upper-bound': finite, assumption: finite }),
      widen: levels,
    }),
    options: z.strictObject({
      familyPenalty: finite,
      familySlopePenalty: finite,
      acceleratorPenalty: finite,
      precisionPenalty: finite,
      bandQuantiles: z.tuple([finite, finite]),
      huberDelta: finite,
      scaleShrink: finite,
    }),
    observations: z.number().int(),
  }),
});
