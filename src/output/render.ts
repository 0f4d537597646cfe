// One data model, many renderers: pick one by format name.
import type { RunEstimate } from '../core/types.js';
import { renderCsv } from './csv.js';
import { renderJson, renderNdjson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

export function renderEstimates(runs: readonly RunEstimate[], format: Format, opts: { color: boolean }): string {
  switch (format) {
    case 'table':
      return renderTable(runs, opts);
    case 'json':
      return renderJson(runs);
    case 'ndjson':
      return renderNdjson(runs);
    case 'csv':
      return renderCsv(runs);
    case 'markdown':
      return renderMarkdown(runs);
  }
}
