// Backtest reports: predicted vs reported GPU-hours per run, and the summary statistics.
import { Chalk } from 'chalk';
import type { BacktestResult } from '../core/backtest.js';
import type { LooRow } from '../core/backtest.js';
import { fmtCompact, fmtNumber, fmtPercent, fmtRange, fmtSignedPercent, fmtShort } from './format.js';
import { csvDocument, escapeMarkdown, listTable, markdownTable, terminalTable, wrapProse } from './tables.js';
import { dropRank } from './fit.js';
import { SCHEMA_VERSION, stringifyStrict } from './json.js';
import type { Format } from './render.js';

interface BacktestColumn {
  header: string;
  key: string;
  text: (r: LooRow) => string;
  /** 3 significant digits, for a terminal too narrow for the full figures. */
  compact?: (r: LooRow) => string;
  raw: (r: LooRow) => string | number | boolean;
}

const COLS: BacktestColumn[] = [
  { header: 'Run', key: 'name', text: (r) => r.name, raw: (r) => r.name },
  { header: 'GPU', key: 'gpu', text: (r) => r.gpuId, raw: (r) => r.gpuId },
  { header: 'Prec.', key: 'precision', text: (r) => r.precision, raw: (r) => r.precision },
  { header: 'N active', key: 'activeParams', text: (r) => fmtCompact(r.activeParams), raw: (r) => r.activeParams },
  {
    header: 'Reported GPU-h',
    key: 'reportedGpuHours',
    text: (r) => fmtNumber(r.reportedGpuHours),
    compact: (r) => fmtShort(r.reportedGpuHours),
    raw: (r) => r.reportedGpuHours,
  },
  { header: 'Basis', key: 'gpuHoursBasis', text: (r) => r.gpuHoursBasis, raw: (r) => r.gpuHoursBasis },
  {
    header: 'Predicted',
    key: 'predictedGpuHours',
    text: (r) => fmtNumber(r.predictedGpuHours),
    compact: (r) => fmtShort(r.predictedGpuHours),
    raw: (r) => r.predictedGpuHours,
  },
  {
    header: 'Range',
    key: 'gpuHoursLow',
    text: (r) => fmtRange(r.gpuHoursRange, fmtNumber),
    compact: (r) => fmtRange(r.gpuHoursRange, fmtShort),
    raw: (r) => r.gpuHoursRange[0],
  },
  { header: 'Error', key: 'error', text: (r) => fmtSignedPercent(r.error), raw: (r) => r.error },
  { header: 'In range', key: 'inside', text: (r) => (r.inside ? 'yes' : 'NO'), raw: (r) => r.inside },
  { header: 'MFU seen', key: 'observedMfu', text: (r) => fmtPercent(r.observedMfu), raw: (r) => r.observedMfu },
  {
    header: 'MFU predicted',
    key: 'predictedMfu',
    text: (r) => `${fmtPercent(r.predictedMfu.default)} (${r.basis})`,
    raw: (r) => r.predictedMfu.default,
  },
];

/** The order columns are left out of a terminal too narrow for them, first to go first (by key); --wide shows all. */
const DROP_ORDER = ['gpuHoursBasis', 'predictedMfu', 'precision', 'observedMfu', 'activeParams', 'gpu', 'gpuHoursLow'];
const RIGHT = new Set(['activeParams', 'reportedGpuHours', 'predictedGpuHours', 'gpuHoursLow', 'error', 'observedMfu']);

export function summaryLines(b: BacktestResult): string[] {
  const held = b.groupBy === null ? '' : b.method === 'grouped holdout' ? ` by ${b.groupBy} (${b.groups} groups)` : '';
  return [
    `${b.runs} runs, ${b.method}${held}${b.skipped.length > 0 ? ` (${b.skipped.length} more skipped, listed on stderr)` : ''}`,
    `median absolute GPU-hour error: ${fmtPercent(b.medianAbsError)}`,
    `within +-25%: ${fmtPercent(b.shareWithin25)}`,
    `reported value inside the range: ${fmtPercent(b.coverage)} (nominal ${fmtPercent(b.level)})`,
    `median range width (high/low): ${b.medianHighLowRatio.toFixed(2)}`,
  ];
}

/** The rows of a file that could not be estimated: told on stderr in every format (JSON also has skipped[]). */
export function skippedLines(b: BacktestResult): string[] {
  return b.skipped.map((s) => `skipped ${s.name}: ${s.reason}`);
}

/** The statistics by accelerator family: nominal vs achieved coverage per family. */
function familyTable(b: BacktestResult): { headers: string[]; rows: string[][] } {
  return {
    headers: ['Accelerator family', 'Runs', 'Median error', 'Within +-25%', 'Coverage', 'Nominal', 'Median high/low'],
    rows: b.byFamily.map((f) => [
      f.family,
      String(f.runs),
      fmtPercent(f.medianAbsError),
      fmtPercent(f.shareWithin25),
      fmtPercent(f.coverage),
      fmtPercent(b.level),
      f.medianHighLowRatio.toFixed(2),
    ]),
  };
}

export function renderBacktest(b: BacktestResult, format: Format, opts: { color: boolean; width?: number | undefined }): string {
  switch (format) {
    case 'json':
      return `${stringifyStrict({ schemaVersion: SCHEMA_VERSION, backtest: b }, 2)}\n`;
    case 'ndjson':
      return b.rows.map((r) => `${stringifyStrict(r)}\n`).join('');
    case 'csv':
      return csvDocument(
        [...COLS.map((c) => c.key), 'gpuHoursHigh'],
        b.rows.map((r) => [...COLS.map((c) => c.raw(r)), r.gpuHoursRange[1]]),
      );
    case 'markdown':
      return `${[
        ...markdownTable(
          COLS.map((c) => c.header),
          b.rows.map((r) => COLS.map((c) => c.text(r))),
        ),
        '',
        ...summaryLines(b).map((l) => `- ${escapeMarkdown(l)}`),
        '',
        ...markdownTable(familyTable(b).headers, familyTable(b).rows),
      ].join('\n')}\n`;
    case 'table': {
      const c = new Chalk({ level: opts.color ? 1 : 0 });
      // A reported figure outside the range is marked.
      const mark = (col: BacktestColumn) => (r: LooRow) => (col.key === 'inside' && !r.inside ? c.yellow(col.text(r)) : col.text(r));
      const cols = COLS.map((col) => ({
        ...col,
        text: mark(col),
        align: RIGHT.has(col.key) ? ('right' as const) : ('left' as const),
        ...dropRank(DROP_ORDER, col.key),
      }));
      const fam = familyTable(b);
      const prose = wrapProse(['', ...summaryLines(b)], opts.width);
      return `${[...listTable(b.rows, cols, opts), ...prose, '', terminalTable(fam.headers, fam.rows, { ...opts, aligns: ['left', ...fam.headers.slice(1).map(() => 'right' as const)] })].join('\n')}\n`;
    }
  }
}
