// Backtest reports: predicted vs reported GPU-hours per run, and the summary statistics.
import { Chalk } from 'chalk';
import type { BacktestResult } from '../core/backtest.js';
import type { LooRow } from '../core/backtest.js';
import { fmtExp, fmtNumber, fmtPercent, fmtRange } from './format.js';
import { csvDocument, escapeMarkdown, markdownTable, terminalTable } from './tables.js';
import { SCHEMA_VERSION, stringifyStrict } from './json.js';
import type { Format } from './render.js';

const signed = (f: number) => `${f >= 0 ? '+' : ''}${fmtPercent(f)}`;

const COLS: { header: string; key: string; text: (r: LooRow) => string; raw: (r: LooRow) => string | number | boolean }[] = [
  { header: 'Run', key: 'name', text: (r) => r.name, raw: (r) => r.name },
  { header: 'GPU', key: 'gpu', text: (r) => r.gpuId, raw: (r) => r.gpuId },
  { header: 'Prec.', key: 'precision', text: (r) => r.precision, raw: (r) => r.precision },
  { header: 'N active', key: 'activeParams', text: (r) => fmtExp(r.activeParams), raw: (r) => r.activeParams },
  { header: 'Reported GPU-h', key: 'reportedGpuHours', text: (r) => fmtNumber(r.reportedGpuHours), raw: (r) => r.reportedGpuHours },
  { header: 'Basis', key: 'gpuHoursBasis', text: (r) => r.gpuHoursBasis, raw: (r) => r.gpuHoursBasis },
  { header: 'Predicted', key: 'predictedGpuHours', text: (r) => fmtNumber(r.predictedGpuHours), raw: (r) => r.predictedGpuHours },
  { header: 'Range', key: 'gpuHoursLow', text: (r) => fmtRange(r.gpuHoursRange, fmtNumber), raw: (r) => r.gpuHoursRange[0] },
  { header: 'Error', key: 'error', text: (r) => signed(r.error), raw: (r) => r.error },
  { header: 'In range', key: 'inside', text: (r) => (r.inside ? 'yes' : 'NO'), raw: (r) => r.inside },
  { header: 'MFU seen', key: 'observedMfu', text: (r) => fmtPercent(r.observedMfu), raw: (r) => r.observedMfu },
  { header: 'MFU predicted', key: 'predictedMfu', text: (r) => `${fmtPercent(r.predictedMfu.default)} (${r.basis})`, raw: (r) => r.predictedMfu.default },
];

export function summaryLines(b: BacktestResult): string[] {
  const held = b.groupBy === null ? '' : b.method === 'grouped holdout' ? ` by ${b.groupBy} (${b.groups} groups)` : '';
  return [
    `${b.runs} runs, ${b.method}${held}${b.skipped.length > 0 ? ` (${b.skipped.length} more skipped, listed below)` : ''}`,
    `median absolute GPU-hour error: ${fmtPercent(b.medianAbsError)}`,
    `within +-25%: ${fmtPercent(b.shareWithin25)}`,
    `reported value inside the range: ${fmtPercent(b.coverage)} (nominal ${fmtPercent(b.level)})`,
    `median range width (high/low): ${b.medianHighLowRatio.toFixed(2)}`,
    ...b.skipped.map((s) => `skipped ${s.name}: ${s.reason}`),
  ];
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

export function renderBacktest(b: BacktestResult, format: Format, opts: { color: boolean }): string {
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
      const rows = b.rows.map((r) => COLS.map((col) => (col.key === 'inside' && !r.inside ? c.yellow(col.text(r)) : col.text(r))));
      const table = terminalTable(
        COLS.map((col) => col.header),
        rows,
        opts,
      );
      const fam = familyTable(b);
      return `${table}\n\n${summaryLines(b).join('\n')}\n\n${terminalTable(fam.headers, fam.rows, opts)}\n`;
    }
  }
}

