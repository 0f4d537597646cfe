// Development cost flags (opt-in, stated apart from the run): --experiments, --staff,
// --staff-cost, --staff-period, --goodput. Parsed here; the figures come from src/core/development.ts.
import { z } from 'zod';
import { type DevelopmentInput, developmentBase, developmentConflict, EXPERIMENTS_DEFAULT, withDevelopment } from '../core/development.js';
import { periodHours } from '../input/period.js';
import type { RunEstimate } from '../core/types.js';
import { InputError } from '../errors.js';
import { parseOne } from '../input/list.js';
import { option, type OptionShape, type OptionsOf } from './options.js';

const PERIOD_HINT = 'a duration such as 90d, 26w, 6m or 1.5y (h, d, w, m, y)';
/** "6m" -> hours; InputError naming the flag otherwise. */
export function parsePeriod(text: string): number {
  const hours = periodHours(text, 'hdwmy');
  if (hours === null || hours <= 0) throw new InputError(`invalid --staff-period "${text}": expected ${PERIOD_HINT}`);
  return hours;
}

export const developmentShape = {
  // --experiments alone takes Epoch AI's default range; --experiments 1.5 a given multiplier.
  experiments: option(
    '--experiments [factor]',
    "development cost (apart): total R&D compute as a multiple of the final run; alone, Epoch AI's 1.2-4x (median 2.2x)",
    () => z.union([z.literal(true), z.string()]),
  ),
  staff: option('--staff <n>', 'development cost (apart): people on the project (with --staff-cost)', () => z.string()),
  staffCost: option('--staff-cost <usd>', 'USD per person-year, salary and overheads (with --staff)', () => z.string()),
  staffPeriod: option('--staff-period <t>', `how long the staff are paid, ${PERIOD_HINT} (default: the run's wall-clock)`, () =>
    z.string(),
  ),
  goodput: option(
    '--goodput <f>',
    'development cost (apart): share of paid GPU-hours that was useful, 0-1; adds the GPU-hours lost to restarts',
    () => z.string(),
  ),
} satisfies OptionShape;
type DevelopmentOptions = OptionsOf<typeof developmentShape>;

/** The development input the flags ask for, or null when none is asked. */
export function toDevelopment(o: DevelopmentOptions): DevelopmentInput | null {
  const experiments =
    o.experiments === undefined
      ? null
      : o.experiments === true
        ? {
            factor: EXPERIMENTS_DEFAULT.factor,
            range: [...EXPERIMENTS_DEFAULT.range] as [number, number],
            source: EXPERIMENTS_DEFAULT.source,
          }
        : (() => {
            const factor = parseOne(o.experiments, { flag: '--experiments', min: 1 });
            return {
              factor,
              range: [factor, factor] as [number, number],
              source: `given with --experiments ${o.experiments} (total development compute / final run)`,
            };
          })();
  if ((o.staff === undefined) !== (o.staffCost === undefined))
    throw new InputError('--staff and --staff-cost go together: e.g. --staff 20 --staff-cost 300000 (USD per person-year)');
  if (o.staffPeriod !== undefined && o.staff === undefined) throw new InputError('--staff-period needs --staff and --staff-cost');
  const staff =
    o.staff === undefined
      ? null
      : {
          count: parseOne(o.staff, { flag: '--staff' }),
          usdPerYear: parseOne(o.staffCost!, { flag: '--staff-cost' }),
          periodHours: o.staffPeriod === undefined ? null : parsePeriod(o.staffPeriod),
          source: `given with --staff ${o.staff} --staff-cost ${o.staffCost}${o.staffPeriod === undefined ? ", over the run's wall-clock" : ` --staff-period ${o.staffPeriod}`}`,
        };
  const goodput =
    o.goodput === undefined
      ? null
      : {
          value: parseOne(o.goodput, { flag: '--goodput', max: 1 }),
          source: `given with --goodput ${o.goodput}: the share of paid GPU-hours that was useful work (e.g. Llama 3: 466 interruptions in a 54-day snapshot, >90% effective training time, arXiv:2407.21783 section 3.3.4; OPT-175B: ~90 restarts in ~56 days, its logbook)`,
        };
  if (experiments === null && staff === null && goodput === null) return null;
  return { experiments, staff, goodput };
}

/** The run with its development components; bad combinations are one clear error. */
export function applyDevelopment(run: RunEstimate, dev: DevelopmentInput | null): RunEstimate {
  if (dev === null) return run;
  const conflict = developmentConflict(developmentBase(run), dev);
  if (conflict === 'goodput-on-workload')
    throw new InputError(
      `--goodput cannot apply to "${run.name}": its GPU-hours come from a workload at a calibrated MFU, which already absorbs restarts (it is fitted to reported GPU-hours); give the hours (--chips with --hours, or --gpu-hours) of restart-free work, or drop --goodput`,
    );
  if (conflict === 'staff-without-period')
    throw new InputError(`--staff needs a period for "${run.name}": it has no wall-clock (give --chips, or --staff-period such as 6m)`);
  return withDevelopment(run, dev);
}
