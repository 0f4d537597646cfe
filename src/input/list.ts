// List-valued numeric flags: "512,1024", "256..4096:x2" (geometric), "0.3..0.5:0.05" (linear).
import { InputError } from '../errors.js';
import { excerpt, quote } from './excerpt.js';
import { parseQuantity, QUANTITY_HINT } from './number.js';

/** Most values one flag value (its ranges expanded) may give; a grid larger than this is surely a typo. */
export const MAX_LIST_VALUES = 100_000;
/** Most comma-separated items in one flag value: a longer list is written as a range. */
export const MAX_LIST_ITEMS = 1_000;

export interface NumberRule {
  /** Flag name as the user typed it, e.g. "--chips". */
  flag: string;
  integer?: boolean;
  /** Inclusive upper bound (e.g. 1 for MFU). */
  max?: number;
  /** Inclusive lower bound above zero (e.g. 1 for PUE). */
  min?: number;
  /** Allow zero (e.g. a price of 0). Negative numbers are never accepted. */
  allowZero?: boolean;
}

export function parseNumberList(text: string, rule: NumberRule): number[] {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length > MAX_LIST_ITEMS)
    throw new InputError(
      `${rule.flag} lists ${parts.length.toLocaleString('en-US')} values; one flag takes at most ${MAX_LIST_ITEMS.toLocaleString('en-US')} comma-separated values (for more, give a range such as 256..4096:x2)`,
    );
  const values: number[] = [];
  for (const part of parts) {
    for (const v of part.includes('..') ? expandRange(part, rule) : [parseOne(part, rule)]) values.push(v);
    if (values.length > MAX_LIST_VALUES)
      throw new InputError(`${rule.flag} expands to more than ${MAX_LIST_VALUES.toLocaleString('en-US')} values, the most one flag takes`);
  }
  if (values.length === 0) throw new InputError(`${rule.flag} needs a value: ${QUANTITY_HINT}`);
  return values;
}

export function parseOne(text: string, rule: NumberRule): number {
  const n = parseQuantity(text);
  if (n === null) throw new InputError(`invalid ${rule.flag} ${quote(text)}: expected ${QUANTITY_HINT}`);
  check(n, text, rule);
  return n;
}

function check(n: number, text: string, rule: NumberRule): void {
  const lower = rule.min !== undefined ? `at least ${rule.min}` : rule.allowZero ? 'zero or more' : 'greater than zero';
  const what = `${rule.flag} must be ${lower}${rule.max !== undefined ? ` and at most ${rule.max}` : ''}`;
  if (n < 0 || (n === 0 && !rule.allowZero) || (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max))
    throw new InputError(`${what}, got ${excerpt(text)}`);
  if (rule.integer && !Number.isInteger(n)) throw new InputError(`${rule.flag} must be a whole number, got ${excerpt(text)}`);
}

const RANGE_HINT = 'a range as START..END:STEP (linear, e.g. 0.3..0.5:0.05) or START..END:xFACTOR (geometric, e.g. 256..4096:x2)';

function expandRange(part: string, rule: NumberRule): number[] {
  const m = /^([^.:]+(?:\.\d+)?)\.\.([^:]+)(?::(x?)(.+))?$/.exec(part);
  if (!m) throw new InputError(`invalid ${rule.flag} range ${quote(part)}: expected ${RANGE_HINT}`);
  const start = parseOne(m[1]!, rule);
  const end = parseOne(m[2]!, rule);
  if (end < start) throw new InputError(`invalid ${rule.flag} range ${quote(part)}: the end is below the start`);
  const geometric = m[3] === 'x';
  const stepText = m[4] ?? '1';
  const step = parseQuantity(stepText);
  if (step === null || step <= 0 || (geometric && step <= 1))
    throw new InputError(`invalid ${rule.flag} range step ${quote(stepText)} in ${quote(part)}: expected ${RANGE_HINT}`);
  // Counted before it is made: 1..1e9 is refused at once, not after 100,000 values.
  const count = geometric ? Math.log(end / start) / Math.log(step) : (end - start) / step;
  if (!(count < MAX_LIST_VALUES + 1))
    throw new InputError(
      `${rule.flag} range ${quote(part)} expands to more than ${MAX_LIST_VALUES.toLocaleString('en-US')} values, the most one flag takes`,
    );
  const values: number[] = [];
  for (let i = 0; ; i++) {
    // Computed from the start each time, so 0.3..0.5:0.05 does not drift.
    const v = round12(geometric ? start * step ** i : start + i * step);
    if (v > end * (1 + 1e-12)) break;
    if (values.length >= MAX_LIST_VALUES)
      throw new InputError(
        `${rule.flag} range ${quote(part)} expands to more than ${MAX_LIST_VALUES.toLocaleString('en-US')} values, the most one flag takes`,
      );
    check(v, String(v), rule);
    values.push(v);
  }
  return values;
}

/** Round to 12 significant digits: 0.3 + 2 x 0.05 is 0.4, not 0.39999999999999997. */
function round12(v: number): number {
  return Number(v.toPrecision(12));
}
