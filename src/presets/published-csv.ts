// Backtest rows in the format of the reference table of published runs (published-runs.csv:
// name, params_total, params_active, training_tokens, hardware, chips, gpu_hours,
// gpu_hours_basis, precision, ...). Its cells are written for people ("~6.9B", "15T+",
// "up to 9T", "NVIDIA A100 80GB (TDP 350-400W)", "101,376"), so each is read for its first
// figure; a row without parameters, tokens, GPU-hours or a known accelerator is skipped, with why.
import { FLOP_PER_PARAM_TOKEN } from '../core/compute.js';
import { BASIS_WEIGHTS, CONFIDENCE_WEIGHTS, type Confidence, type MfuObservation } from '../core/mfu.js';
import type { Precision } from '../core/types.js';
import { InputError } from '../errors.js';
import { quote } from '../input/excerpt.js';
import { parseQuantity } from '../input/number.js';
import { findGpu } from './gpus.js';
import type { GpuPreset } from './schema.js';

export const PUBLISHED_CSV_COLUMNS = ['name', 'params_total', 'training_tokens', 'hardware', 'gpu_hours'] as const;

export interface Skipped {
  name: string;
  reason: string;
}

/** True when a header row is the published-runs table's. */
export function isPublishedRunsHeader(header: readonly string[]): boolean {
  return PUBLISHED_CSV_COLUMNS.every((c) => header.includes(c));
}

/** The first figure in a cell: "~6.9B" -> 6.9e9, "up to 9T" -> 9e12, "101,376" -> 101376; null if none. */
export function firstFigure(cell: string): number | null {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*([KMBT](?![a-z]))?/i.exec(cell);
  if (!m) return null;
  return parseQuantity(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
}

const MAX_HARDWARE_WORDS = 8;

/** "16x3.8B experts" -> 60.8e9 (experts x expert size: an upper bound of the total, as attention is shared); null otherwise. */
export function expertsTotal(cell: string): number | null {
  const m = /^\s*(\d+)\s*x\s*(\d+(?:\.\d+)?[KMBT])\b/i.exec(cell);
  if (!m) return null;
  const each = parseQuantity(m[2]!);
  return each === null ? null : Number(m[1]) * each;
}

/** The preset an accelerator description names: "NVIDIA A100 80GB (TDP 400W)" -> a100; null if none. */
export function matchHardware(cell: string, gpus: readonly GpuPreset[]): GpuPreset | null {
  const words = cell
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split('/')[0]!
    .replace(/\b(nvidia|google|amd|intel|instinct)\b/g, ' ')
    .split(/[\s,]+/)
    .filter((w) => w.length > 0)
    // An accelerator's name is a few words: a long cell is not searched word by word (that is quadratic).
    .slice(0, MAX_HARDWARE_WORDS);
  // The longest leading run of words that is an id or alias: "h100 80gb sxm" -> "h100-80gb".
  for (let n = words.length; n > 0; n--) {
    try {
      return findGpu(gpus, words.slice(0, n).join('-'));
    } catch {
      // not this many words; try fewer
    }
  }
  return null;
}

/** The `confidence: high|medium|low` at the end of a row's scope_notes (added rows only), or null. */
export function confidenceOf(cell: string): Confidence | null {
  const m = /confidence:\s*(high|medium|low)\s*$/i.exec(cell.trim());
  return m ? (m[1]!.toLowerCase() as Confidence) : null;
}

/** Organisation key for grouping: the first word, lower case ("Meta FAIR", "Meta AI" -> meta; "Google DeepMind" -> google). */
export function organizationKey(cell: string): string | null {
  const m = /[a-z0-9][a-z0-9.]*/i.exec(cell);
  return m ? m[0]!.toLowerCase().replace(/\.$/, '') : null;
}

/** Model family for grouping: the leading letters of the name ("Llama 2 7B", "LLaMA-65B" -> llama; "Phi-3-mini" -> phi; "OLMoE" -> olmo). */
export function modelFamilyOf(name: string): string {
  const m = /^[a-z]+/i.exec(name.trim());
  const key = m ? m[0]!.toLowerCase() : name.trim().toLowerCase();
  return FAMILY_ALIASES[key] ?? key;
}

/** Names whose leading word is not the family: OLMoE is an OLMo model; Tiny-StarCoder is BigCode's StarCoder line, as SantaCoder. */
const FAMILY_ALIASES: Record<string, string> = { olmoe: 'olmo', tiny: 'starcoder', santacoder: 'starcoder', llm: 'gpt-2' };

function basisOf(cell: string): keyof typeof BASIS_WEIGHTS {
  const s = cell.toLowerCase();
  if (s.includes('upper bound')) return 'upper-bound';
  if (s.startsWith('assumption') || s.includes('assumption in')) return 'assumption';
  if (s.startsWith('derived')) return 'derived';
  return 'reported';
}

function precisionOf(cell: string, gpu: GpuPreset): Precision {
  const s = cell.toLowerCase();
  if (/\bfp8\b/.test(s) && gpu.peakTflops.fp8 !== undefined) return 'fp8';
  if (/\bfp16\b/.test(s) && !/\bbf16\b/.test(s) && gpu.peakTflops.fp16 !== undefined) return 'fp16';
  return gpu.peakTflops.bf16 !== undefined ? 'bf16' : 'fp16';
}

export function publishedRowsToObservations(
  header: readonly string[],
  rows: readonly { cells: string[]; line: number }[],
  shown: string,
  gpus: readonly GpuPreset[],
): { observations: MfuObservation[]; skipped: Skipped[] } {
  const observations: MfuObservation[] = [];
  const skipped: Skipped[] = [];
  for (const { cells, line } of rows) {
    const get = (col: string) => (cells[header.indexOf(col)] ?? '').trim();
    const name = get('name') || `${shown}:${line}`;
    const skip = (reason: string) => skipped.push({ name, reason });
    const total = expertsTotal(get('params_total')) ?? firstFigure(get('params_total'));
    const active = header.includes('params_active') ? firstFigure(get('params_active')) : null;
    const tokens = firstFigure(get('training_tokens'));
    const gpuHours = firstFigure(get('gpu_hours'));
    if (active === null && total === null) skip('no parameter count');
    else if (tokens === null) skip('no token count');
    else if (gpuHours === null) skip('no GPU-hours');
    else {
      const gpu = matchHardware(get('hardware'), gpus);
      if (gpu === null) skip(get('hardware') === '' ? 'no hardware given' : `no preset for hardware ${quote(get('hardware'))}`);
      else {
        const n = active ?? total!;
        const basis = basisOf(get('gpu_hours_basis'));
        const confidence = header.includes('scope_notes') ? confidenceOf(get('scope_notes')) : null;
        const year = header.includes('year') ? firstFigure(get('year')) : null;
        observations.push({
          name,
          gpuId: gpu.id,
          precision: precisionOf(get('precision'), gpu),
          activeParams: n,
          // Training workload: 6 x N_active x D (Kaplan et al. 2020).
          flop: FLOP_PER_PARAM_TOKEN.train * n * tokens,
          chips: header.includes('chips') ? firstFigure(get('chips')) : null,
          gpuHours,
          weight: BASIS_WEIGHTS[basis] * (confidence === null ? 1 : CONFIDENCE_WEIGHTS[confidence]),
          basis,
          totalParams: active !== null && total !== null && total > active ? total : n,
          organization: header.includes('organization') ? organizationKey(get('organization')) : null,
          modelFamily: modelFamilyOf(name),
          year,
          confidence,
        });
      }
    }
  }
  if (observations.length === 0)
    throw new InputError(`${shown}: no row has parameters, tokens, GPU-hours and a known accelerator (${skipped.length} skipped)`);
  return { observations, skipped };
}
