// JSON for programs: the contract of DESIGN.md (schemaVersion 1). Raw numbers, every key
// present (null when unknown), warnings in words. Non-finite numbers are a bug, never output.
import { runFlopBounds } from '../core/thresholds.js';
import type { CostComponent } from '../core/costs.js';
import type { PhaseEstimate, RunEstimate, Warning } from '../core/types.js';
import { VERSION } from '../version.js';
import type { GateCheck } from '../core/checks.js';
import type { CheckOutput, Output, RunOutput } from './contract.js';
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

// A run's JSON, written field by field in contract order (src/output/contract.ts): keys are
// constant text, numbers and texts go through the strict rules below. This is the one writer
// of a run: NDJSON lines, the JSON document and the library's estimate() all take its text. A
// field added to the contract is added here (tests hold every output to the strict schema and
// the golden files).

/** A cost component: the terms multiply to usd; hardware components carry their breakdown. */
function costText(c: CostComponent): string {
  let terms = '';
  for (const t of c.terms)
    terms += `${terms === '' ? '' : ','}{"name":${str(t.name)},"value":${num(t.value)},"unit":${str(t.unit)},"op":${str(t.op)}}`;
  let breakdown = '';
  if (c.breakdown !== undefined) {
    for (const x of c.breakdown)
      breakdown += `${breakdown === '' ? '' : ','}{"id":${str(x.id)},"label":${str(x.label)},"usd":${num(x.usd)},"share":${num(x.share)}}`;
  }
  return `{"id":${str(c.id)},"label":${str(c.label)},"usd":${num(c.usd)},"range":${pairText(c.range)},"basis":${str(c.basis)},"formula":${str(c.formula)},"terms":[${terms}],"source":${str(c.source)},"dollarDate":${nstr(c.dollarDate)}${c.breakdown === undefined ? '' : `,"breakdown":[${breakdown}]`}}`;
}

const pairText = (p: readonly [number, number]) => `[${num(p[0])},${num(p[1])}]`;

function listText<T>(items: readonly T[], text: (item: T) => string): string {
  let out = '';
  for (const item of items) out += out === '' ? text(item) : `,${text(item)}`;
  return `[${out}]`;
}

function rentalText(r: RunEstimate['rental']): string {
  return `{"usd":${num(r.usd)},"usdPerGpuHour":${num(r.usdPerGpuHour)},"priceId":${nstr(r.priceId)},"priceSource":${str(r.priceSource)},"priceDate":${nstr(r.priceDate)},"priceAgeDays":${nnum(r.priceAgeDays)}}`;
}

function ownershipText(o: NonNullable<RunEstimate['ownership']>): string {
  return `{"usd":${num(o.usd)},"capexUsd":${num(o.capexUsd)},"energyUsd":${nnum(o.energyUsd)},"usdPerGpuHour":${num(o.usdPerGpuHour)},"capexPerGpuHour":${num(o.capexPerGpuHour)},"breakEvenUtilization":${nnum(o.breakEvenUtilization)},"purchaseUsdPerChip":${num(o.purchaseUsdPerChip)},"includesServer":${o.includesServer ? 'true' : 'false'},"lifetimeYears":${num(o.lifetimeYears)},"utilization":${num(o.utilization)},"networkShare":${num(o.networkShare)},"purchaseDate":${nstr(o.purchaseDate)},"valueFactor":${num(o.valueFactor)}}`;
}

function partText(p: RunEstimate['compute']['parts'][number]): string {
  return `{"label":${str(p.label)},"mode":${str(p.mode)},"flop":${num(p.flop)},"activeParams":${nnum(p.activeParams)},"flopPerParamToken":${nnum(p.flopPerParamToken)},"mfu":${nnum(p.mfu)},"mfuBasis":${nstr(p.mfuBasis)},"gpuHours":${nnum(p.gpuHours)}}`;
}

function computeText(c: RunEstimate['compute'] & { peakFlopsPerChip?: number }): string {
  return `{"precision":${nstr(c.precision)},"kind":${nstr(c.kind)},"parts":${listText(c.parts, partText)},"flop":${nnum(c.flop)},"mfu":${nnum(c.mfu)},"mfuBasis":${nstr(c.mfuBasis)},"impliedMfu":${nnum(c.impliedMfu)},"verdict":${nstr(c.verdict)},"params":${nnum(c.params)},"activeParams":${nnum(c.activeParams)},"flopPerParamToken":${nnum(c.flopPerParamToken)},"tokens":${nnum(c.tokens)}${c.peakFlopsPerChip === undefined ? '' : `,"peakFlopsPerChip":${num(c.peakFlopsPerChip)}`},"peakFlop":${num(c.peakFlop)}}`;
}

function rangeText(r: RunEstimate['range']): string {
  return `{"gpuHours":${pairText(r.gpuHours)},"usd":${pairText(r.usd)},"flop":${r.flop === null ? 'null' : pairText(r.flop)},"level":${nnum(r.level)}}`;
}

/** The fields phases and runs share, in contract order (energy: each in its own order). */
function figuresText(p: PhaseEstimate | RunEstimate, energy: string, costs: string): string {
  const m = p.memory;
  const c = p.chinchilla;
  return `"name":${str(p.name)},"date":${str(p.date)},"gpu":${p.gpu === null ? 'null' : `{"id":${str(p.gpu.id)},"name":${str(p.gpu.name)}}`},"chips":${nnum(p.chips)},"wallClockHours":${nnum(p.wallClockHours)},"gpuHours":${num(p.gpuHours)},"rental":${rentalText(p.rental)},"energy":${energy},"ownership":${p.ownership === null ? 'null' : ownershipText(p.ownership)},"compute":${computeText(p.compute)},"memory":${m === null ? 'null' : `{"minChips":${num(m.minChips)},"bytesPerChip":${nnum(m.bytesPerChip)},"hbmBytesPerChip":${num(m.hbmBytesPerChip)}}`},"chinchilla":${c === null ? 'null' : `{"tokensPerParam":${nnum(c.tokensPerParam)},"optimalParams":${num(c.optimalParams)},"optimalTokens":${num(c.optimalTokens)}}`},"range":${rangeText(p.range)},"costs":${costs}`;
}

function warningsText(warnings: readonly Warning[]): string {
  let texts = '';
  let diagnostics = '';
  for (const w of warnings) {
    const message = str(describeWarning(w));
    texts += texts === '' ? message : `,${message}`;
    diagnostics += `${diagnostics === '' ? '' : ','}{"code":${str(w.code)},"severity":"warning","message":${message}}`;
  }
  return `"warnings":[${texts}],"diagnostics":[${diagnostics}]`;
}

function phaseText(p: PhaseEstimate, costs: string): string {
  const e = p.energy;
  const energy = `{"kWh":${nnum(e.kWh)},"usd":${nnum(e.usd)},"co2Tonnes":${nnum(e.co2Tonnes)},"systemWattsPerChip":${nnum(e.systemWattsPerChip)},"drawFraction":${nnum(e.drawFraction)},"region":${nstr(e.region)},"regionDefaultReason":${nstr(e.regionDefaultReason)},"pue":${nnum(e.pue)},"gridGCo2PerKwh":${nnum(e.gridGCo2PerKwh)},"usdPerKwh":${nnum(e.usdPerKwh)}}`;
  return `{${figuresText(p, energy, costs)},"gpuHoursFrom":${str(p.gpuHoursFrom)},${warningsText(p.warnings)}}`;
}

function baseText(r: RunEstimate): string {
  const b = r.base;
  if (b === null) return 'null';
  return `{"id":${str(r.baseId!)},"name":${str(b.name)},"gpuHours":${num(b.gpuHours)},"rental":{"usd":${num(b.rental.usd)},"usdPerGpuHour":${num(b.rental.usdPerGpuHour)},"priceId":${nstr(b.rental.priceId)},"priceSource":${str(b.rental.priceSource)}},"flop":${pairText(runFlopBounds(b))},"reported":${stringifyStrict(b.reported)},"baseId":${nstr(b.baseId)}}`;
}

/** A run's members as one-line JSON, without the braces. */
function runMembers(r: RunEstimate): string {
  const e = r.energy;
  const energy = `{"kWh":${nnum(e.kWh)},"usd":${nnum(e.usd)},"co2Tonnes":${nnum(e.co2Tonnes)},"region":${nstr(e.region)},"regionDefaultReason":${nstr(e.regionDefaultReason)},"pue":${nnum(e.pue)},"gridGCo2PerKwh":${nnum(e.gridGCo2PerKwh)},"usdPerKwh":${nnum(e.usdPerKwh)},"systemWattsPerChip":${nnum(e.systemWattsPerChip)},"drawFraction":${nnum(e.drawFraction)}}`;
  const thresholds = listText(
    r.thresholds,
    (t) =>
      `{"id":${str(t.id)},"name":${str(t.name)},"flop":${num(t.flop)},"crossed":${t.crossed === null ? 'null' : String(t.crossed)},"status":${str(t.status)},"source":${str(t.source)}}`,
  );
  // A one-phase run's cost components are its phase's own objects: their text is written once.
  const costs = listText(r.costs, costText);
  const phaseCosts = (p: PhaseEstimate) =>
    p.costs.length === r.costs.length && p.costs.every((c, i) => c === r.costs[i]) ? costs : listText(p.costs, costText);
  return `${figuresText(r, energy, costs)},"reported":${stringifyStrict(r.reported)},"notes":${nstr(r.notes)},"phases":${listText(r.phases, (p) => phaseText(p, phaseCosts(p)))},${warningsText(r.warnings)},"baseId":${nstr(r.baseId)},"base":${baseText(r)},"cumulativeFlop":${pairText(r.cumulativeFlop)},"thresholds":${thresholds}`;
}

/** A run as one-line JSON (the contract's run object). */
export function runText(r: RunEstimate): string {
  return `{${runMembers(r)}}`;
}

/** A run as the contract's object (what estimate() returns; `runs[i]` of --format json). */
export function runToJson(r: RunEstimate): RunOutput {
  return JSON.parse(runText(r)) as RunOutput;
}

/**
 * JSON.stringify(value, replacer, indent) where the replacer refuses NaN and Infinity (instead of
 * writing null in their place) and drops binary-float noise: 122470.40000000001 -> 122470.4 (12
 * significant digits). Byte for byte that, much faster: the same rules over plain data, with key
 * fragments, texts and rounded numbers cached (bounded caches, cleared when full).
 */
export function stringifyStrict(value: unknown, indent?: number): string {
  const gap = indent === undefined || indent < 1 ? '' : ' '.repeat(Math.min(10, Math.floor(indent)));
  return (gap === '' ? oneLine(value) : pretty(value, '', '', gap)) ?? 'null';
}

export function roundSignificant(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

const CACHE_MAX = 4096;
// Numbers written lately, by a hash of their bits (a run repeats many: its phases, its costs'
// terms; a grid its constants): a fixed table, a new number takes its slot.
const SLOTS = 4096;
const SLOT_VALUES = new Float64Array(SLOTS).fill(NaN);
const SLOT_TEXTS: string[] = new Array<string>(SLOTS).fill('');
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const KEYS = new Map<string, string>();

/**
 * String(roundSignificant(v)), refusing non-finite numbers, without toPrecision in the common
 * case: String(v) is the shortest decimal that reads back as v, and its digits rounded to 12 are
 * the exact value's rounded to 12, save when the 13th digit is a lone 5 (a tie in the shortest
 * text, not always in the exact value): then toPrecision decides.
 */
export function numberText(v: number, key = ''): string {
  BITS[0] = v;
  const slot = (WORDS[0]! ^ WORDS[1]! ^ (WORDS[1]! >>> 11)) & (SLOTS - 1);
  // NaN never equals itself: an empty slot never matches. (-0 matches 0: both write "0".)
  if (SLOT_VALUES[slot] === v) return SLOT_TEXTS[slot]!;
  if (!Number.isFinite(v)) throw new Error(`non-finite number at "${key}"`);
  const s = String(v);
  // Integers are never rounded; 13 characters of a non-integer hold at most 12 digits.
  const text = s.length <= 13 || Number.isInteger(v) ? s : (roundedText(s) ?? String(Number(v.toPrecision(12))));
  SLOT_VALUES[slot] = v;
  SLOT_TEXTS[slot] = text;
  return text;
}

/** The shortest text of a number (more than 12 significant digits) rounded to 12; null on a tie. */
function roundedText(s: string): string | null {
  const negative = s.charCodeAt(0) === 45; // -
  const e = s.indexOf('e');
  const mantissa = s.slice(negative ? 1 : 0, e < 0 ? s.length : e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  let digits = dot < 0 ? mantissa : intPart + mantissa.slice(dot + 1);
  // The value is 0.<digits> x 10^point once leading zeros are gone.
  let point = intPart.length + exp;
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  point -= lead;
  if (digits.length <= 12) return s;
  if (digits.length === 13 && digits.charCodeAt(12) === 53) return null; // a tie: ...5
  let kept = digits.slice(0, 12);
  if (digits.charCodeAt(12) >= 53) {
    // Round up, carrying through nines.
    let i = 11;
    while (i >= 0 && kept.charCodeAt(i) === 57) i--;
    if (i < 0) {
      kept = '1';
      point++;
    } else kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
  }
  let end = kept.length;
  while (end > 1 && kept.charCodeAt(end - 1) === 48) end--;
  return (negative ? '-' : '') + numberToString(kept.slice(0, end), point);
}

/** Number::toString's layout of the digits d (no trailing zeros) of 0.d x 10^n (ECMA-262 6.1.6.1.20). */
function numberToString(d: string, n: number): string {
  const k = d.length;
  if (k <= n && n <= 21) return d + '0'.repeat(n - k);
  if (0 < n && n <= 21) return `${d.slice(0, n)}.${d.slice(n)}`;
  if (-6 < n && n <= 0) return `0.${'0'.repeat(-n)}${d}`;
  const exp = `e${n - 1 < 0 ? '-' : '+'}${Math.abs(n - 1)}`;
  return k === 1 ? d + exp : `${d[0]}.${d.slice(1)}${exp}`;
}

const num = (v: number) => numberText(v);
const nnum = (v: number | null) => (v === null ? 'null' : numberText(v));
const str = (v: string) => stringText(v);
const nstr = (v: string | null) => (v === null ? 'null' : stringText(v));

/** What JSON.stringify escapes in a string: quote, backslash, control characters, surrogates (lone ones). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

function stringText(s: string): string {
  // Most texts need no escape: quoted as they are (a regex test is cheaper than a lookup by a long key).
  return ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** `"key":`, made once per key. */
function keyText(k: string): string {
  let t = KEYS.get(k);
  if (t === undefined) {
    t = `${JSON.stringify(k)}:`;
    if (KEYS.size >= CACHE_MAX) KEYS.clear();
    KEYS.set(k, t);
  }
  return t;
}

/** JSON.stringify's rules for a primitive; undefined for what it drops (undefined, functions, symbols). */
function primitive(v: unknown, key: string): string | undefined {
  switch (typeof v) {
    case 'number':
      return numberText(v, key);
    case 'string':
      return stringText(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      return undefined;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** What JSON.stringify writes for a value met as `key`: toJSON applied (the replacer sees its result). */
function resolved(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function'
    ? (v as { toJSON: (k: string) => unknown }).toJSON(key)
    : v;
}

/** Whether JSON.stringify leaves a value out (of an object; null in an array). */
const dropped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** One-line JSON of a value that is not dropped. */
function compact(v: unknown, key: string): string {
  if (typeof v !== 'object') return primitive(v, key)!;
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    let out = '';
    for (let i = 0; i < v.length; i++) {
      const item = resolved(v[i], String(i));
      out += `${i === 0 ? '' : ','}${dropped(item) ? 'null' : compact(item, String(i))}`;
    }
    return `[${out}]`;
  }
  let out = '';
  for (const k in v) {
    if (!hasOwn.call(v, k)) continue;
    const item = resolved((v as Record<string, unknown>)[k], k);
    if (dropped(item)) continue;
    out += `${out === '' ? '' : ','}${keyText(k)}${compact(item, k)}`;
  }
  return `{${out}}`;
}

/** One-line JSON of a value; undefined where JSON.stringify gives undefined. */
function oneLine(value: unknown): string | undefined {
  const v = resolved(value, '');
  return dropped(v) ? undefined : compact(v, '');
}

/** Indented JSON, as JSON.stringify(v, replacer, gap) lays it out. */
function pretty(v: unknown, key: string, indent: string, gap: string): string | undefined {
  if (typeof v !== 'object') return primitive(v, key);
  if (v === null) return 'null';
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return pretty((v as { toJSON: (k: string) => unknown }).toJSON(key), key, indent, gap);
  const inner = indent + gap;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = `[\n${inner}${pretty(v[0], '0', inner, gap) ?? 'null'}`;
    for (let i = 1; i < v.length; i++) out += `,\n${inner}${pretty(v[i], String(i), inner, gap) ?? 'null'}`;
    return `${out}\n${indent}]`;
  }
  let out = '';
  for (const k in v) {
    if (!hasOwn.call(v, k)) continue;
    const text = pretty((v as Record<string, unknown>)[k], k, inner, gap);
    if (text === undefined) continue;
    out += `${out === '' ? '{' : ','}\n${inner}${keyText(k)} ${text}`;
  }
  return out === '' ? '{}' : `${out}\n${indent}}`;
}

/**
 * The text as one flat string: a text built piece by piece is a tree of its pieces (V8 cons
 * strings, ~30 bytes a piece) until it is read; reading a character flattens it, so the pieces can go.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

function checkToJson(c: GateCheck): CheckOutput {
  return { ...c };
}

export function renderJson(runs: readonly RunEstimate[], opts: Partial<Pick<RenderOptions, 'checks'>> = {}): string {
  // stringifyStrict(doc, 2) of { ...header, runs, checks }, written a run at a time: a run's
  // objects are garbage once its text is made, so a long comparison never holds them all.
  const header: Omit<Output, 'runs' | 'checks'> = jsonHeader(dollarYearOf(runs));
  const head = stringifyStrict(header, 2);
  const runTexts = runs.map((r) => flat(pretty(runToJson(r), '', '    ', '  ') ?? 'null'));
  const runsText = runTexts.length === 0 ? '[]' : `[\n    ${runTexts.join(',\n    ')}\n  ]`;
  const checksText = pretty((opts.checks ?? []).map(checkToJson), 'checks', '  ', '  ');
  return `${head.slice(0, -2)},\n  "runs": ${runsText},\n  "checks": ${checksText}\n}\n`;
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
  return `{${headerMembers(r.dollarYear)},${runMembers(r)},"checks":${checks.length === 0 ? '[]' : compact(checks.map(checkToJson), 'checks')}}\n`;
}

let header: { dollarYear: number | null; text: string } | null = null;

/** The header's members, made once per dollar year (a grid's lines all share one). */
function headerMembers(dollarYear: number | null): string {
  if (header?.dollarYear !== dollarYear) {
    const text = compact(jsonHeader(dollarYear), '');
    header = { dollarYear, text: text.slice(1, -1) };
  }
  return header.text;
}
