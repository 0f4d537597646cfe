// One data model, many renderers: a registry keyed by format. A new format is one entry here
// and its renderer file; the estimate model does not change.
import type { GateCheck } from '../core/checks.js';
import type { RunEstimate } from '../core/types.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, renderNdjson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

/** The formats of every command that prints a result. */
export const FORMATS = ['table', 'json', 'csv', 'markdown', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

/** An estimate's formats (estimate, budget): those, and a self-contained HTML page. */
export const ESTIMATE_FORMATS = [...FORMATS, 'html'] as const;
export type EstimateFormat = (typeof ESTIMATE_FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** Fit tables and prose in this many characters (undefined: as wide as the content). */
  width?: number | undefined;
  /** Charts in Unicode blocks; else ASCII `#`. */
  unicode?: boolean;
  /** Today's full sections too: the arithmetic, every sourced assumption, thresholds, notes. */
  explain?: boolean;
  /** The gates checked (--max-cost, --strict), computed before rendering; none when absent. */
  checks?: readonly GateCheck[];
}

export type EstimateRenderer = (runs: readonly RunEstimate[], opts: RenderOptions) => string;

/** Every format has its renderer: the compiler refuses a format without one. */
export const RENDERERS: Record<EstimateFormat, EstimateRenderer> = {
  table: renderTable,
  json: renderJson,
  ndjson: renderNdjson,
  csv: renderCsv,
  markdown: renderMarkdown,
  html: renderHtml,
};

export function renderEstimates(runs: readonly RunEstimate[], format: EstimateFormat, opts: RenderOptions): string {
  return RENDERERS[format](runs, opts);
}
