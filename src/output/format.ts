// Number formatting for people: grouped thousands, dollars, hours beside days, FLOP in
// exponent notation. Renderers share these; JSON never uses them.

import type { CostTerm } from '../core/costs.js';
import { HOURS_PER_DAY } from '../core/duration.js';

// Intl.NumberFormat is costly to build (ICU start-up, ~25 ms at start): grouping is done by hand,
// digit for digit what en-US with maximumFractionDigits gives: the shortest decimal of the number
// rounded half away from zero, trailing zeros dropped, "-0" kept. Exponent forms go to Intl.
const group = (digits: 0 | 1 | 2) => ({ format: (n: number) => grouped(n, digits) });
const GROUPED = group(0);

function grouped(n: number, digits: number): string {
  const text = String(Math.abs(n));
  if (!/^\d+(\.\d+)?$/.test(text)) return n.toLocaleString('en-US', { maximumFractionDigits: digits });
  const [int, frac = ''] = text.split('.') as [string, string?];
  let kept = int + frac.slice(0, digits).padEnd(digits, '0');
  if (frac.length > digits && frac[digits]! >= '5') kept = increment(kept);
  const intPart = kept.slice(0, kept.length - digits) || '0';
  const fracPart = kept.slice(kept.length - digits).replace(/0+$/, '');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fracPart ? `.${fracPart}` : ''}`;
}

/** "1299" -> "1300", "99" -> "100". */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/** 40960 -> "40,960"; 2.5 -> "2.5"; 0.1234 -> "0.123". */
export function fmtNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 100 || abs === 0) return GROUPED.format(n);
  if (abs >= 1) return group(abs >= 10 ? 1 : 2).format(n);
  return Number(n.toPrecision(3)).toString();
}

/** 81920 -> "$81,920"; 2 -> "$2.00"; 0.5 -> "$0.50"; 0.0826 -> "$0.0826". */
export function fmtUsd(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  if (abs >= 100) return `${sign}$${GROUPED.format(abs)}`;
  if (abs >= 0.1 || abs === 0) return `${sign}$${abs.toFixed(2)}`;
  return `${sign}$${Number(abs.toPrecision(3))}`;
}

/** 80 -> "80 h (3.3 days)"; 5 -> "5 h". */
export function fmtHours(hours: number): string {
  const h = `${fmtNumber(hours)} h`;
  return hours >= HOURS_PER_DAY ? `${h} (${fmtDays(hours / HOURS_PER_DAY)})` : h;
}

export function fmtDays(days: number, unit = 'days'): string {
  return `${days >= 100 ? GROUPED.format(days) : days.toFixed(1)} ${unit}`;
}

/** 1.4582e23 -> "1.46e23". */
export function fmtExp(n: number): string {
  if (n === 0) return '0';
  const [mantissa, exponent] = n.toExponential(2).split('e');
  return `${mantissa}e${Number(exponent)}`;
}

/** 0.389 -> "38.9%". */
export function fmtPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A change as a signed percentage: 0.123 -> "+12.3%", -0.05 -> "-5.0%", and never "-0.0%" or "+0.0%". */
export function fmtSignedPercent(fraction: number): string {
  const pct = (fraction * 100).toFixed(1);
  return `${fraction > 0 && pct !== '0.0' ? '+' : ''}${pct === '-0.0' ? '0.0' : pct}%`;
}

/** Ratio to a baseline: 1 -> "1.00x", 0.5 -> "0.50x". */
export function fmtRatio(value: number, baseline: number): string {
  if (baseline === 0) return '-';
  return `${(value / baseline).toFixed(2)}x`;
}

/** [low, high] -> "40,960 - 81,920", collapsed when both ends are equal. */
export function fmtRange(range: readonly [number, number], f: (n: number) => string): string {
  const [lo, hi] = range.map(f);
  return lo === hi ? lo! : `${lo} - ${hi}`;
}

/**
 * How a figure is written with a suffix: the smallest number that gets one (`from`), and whether
 * three significant digits are always shown ("21.0M") or trailing zeros dropped ("21M").
 */
interface SuffixStyle {
  from: 1e3 | 1e6;
  keepZeros: boolean;
}

/** Params and tokens: suffixes from a million, zeros dropped ("7.21M", "21M", "40,960"). */
const COMPACT: SuffixStyle = { from: 1e6, keepZeros: false };
/** A column where space is short: suffixes from a thousand, always three digits ("81.9K", "21.0M"). */
const SHORT: SuffixStyle = { from: 1e3, keepZeros: true };

const SUFFIXES = [
  ['T', 1e12],
  ['B', 1e9],
  ['M', 1e6],
  ['K', 1e3],
] as const;

/**
 * `n` in three significant digits with the largest suffix it reaches once rounded (999,950 ->
 * "1.00M", never "1000K"), and the value that text stands for; null below `style.from`.
 */
export function withSuffix(n: number, style: SuffixStyle = COMPACT): { text: string; value: number } | null {
  // Not a number (never printed: the output checks refuse it first) is left to fmtNumber, as below `from`.
  if (!(Math.abs(n) >= style.from)) return null;
  const abs = Number(Math.abs(n).toPrecision(3));
  const [suffix, scale] = SUFFIXES.find(([, s]) => abs >= s)!;
  const digits = (abs / scale).toPrecision(3);
  // Past the largest suffix ("1.23e+3") the digits are written whole: "1230T".
  const mantissa = style.keepZeros && abs / scale < 1000 ? digits : String(Number(digits));
  const sign = n < 0 ? -1 : 1;
  return { text: `${sign < 0 ? '-' : ''}${mantissa}${suffix}`, value: sign * Number(mantissa) * scale };
}

/** 7207062 -> "7.21M"; 40960 -> "40,960" (compact only from a million). */
export function fmtCompact(n: number): string {
  return withSuffix(n, COMPACT)?.text ?? fmtNumber(n);
}

/** Dollars, compact from a million: "$21.5M", "$81,920". */
export function fmtUsdCompact(n: number): string {
  return usdWithSuffix(n, COMPACT);
}

function usdWithSuffix(n: number, style: SuffixStyle): string {
  const s = withSuffix(Math.abs(n), style);
  return s === null ? fmtUsd(n) : `${n < 0 ? '-' : ''}$${s.text}`;
}

/** Hours for a narrow column: "80 h", "3.3 d", "147 d". */
export function fmtDuration(hours: number): string {
  if (hours < 48) return `${fmtNumber(hours)} h`;
  return fmtDays(hours / HOURS_PER_DAY, 'd');
}

/** A cost term's number in its unit: "40,960", "$2.00", "1.64". */
export function fmtTerm(t: CostTerm): string {
  switch (t.unit) {
    case 'usd':
    case 'usd-per-gpu-hour':
    case 'usd-per-kwh':
      return fmtUsd(t.value);
    case 'gpu-hours':
    case 'kwh':
    case 'hours':
    case 'count':
    case 'factor':
      return fmtNumber(t.value);
  }
}

/** A price per unit: "$2.00/GPU-hour", "$0.0826/kWh". */
export function fmtRate(t: CostTerm): string {
  return `${fmtUsd(t.value)}/${t.unit === 'usd-per-kwh' ? 'kWh' : 'GPU-hour'}`;
}

/** A cost term with its unit, for prose: "512 chips", "$44,750", "40,960 GPU-hours". */
export function fmtTermWithUnit(t: CostTerm): string {
  switch (t.unit) {
    case 'usd-per-gpu-hour':
    case 'usd-per-kwh':
      return fmtRate(t);
    case 'gpu-hours':
      return `${fmtNumber(t.value)} GPU-hours`;
    case 'kwh':
      return `${fmtNumber(t.value)} kWh`;
    case 'hours':
      return `${fmtNumber(t.value)} h`;
    case 'count':
      return `${fmtNumber(t.value)} ${t.name}`;
    default:
      return fmtTerm(t);
  }
}

/**
 * Three significant digits with K, M, B, T, for a column where space is short:
 * 81920 -> "81.9K", 7207062 -> "7.21M", 21e6 -> "21.0M", 512 -> "512", 2.5 -> "2.5".
 */
export function fmtShort(n: number): string {
  return withSuffix(n, SHORT)?.text ?? fmtNumber(n);
}

/** Dollars in three significant digits: "$81.9K", "$21.0M", "$2.00". */
export function fmtUsdShort(n: number): string {
  return usdWithSuffix(n, SHORT);
}

/** Energy in the unit that reads best: "49 MWh", "9.56 kWh" (not "0.00956 MWh"). */
export function fmtEnergy(kWh: number): string {
  return kWh >= 1000 ? `${fmtNumber(kWh / 1000)} MWh` : `${fmtNumber(kWh)} kWh`;
}
