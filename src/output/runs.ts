// The list of bundled published runs with their reported figures, in every format.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { LoadedRun } from '../presets/runs.js';
import { fmtExp, fmtNumber, fmtUsd } from './format.js';
import { SCHEMA_VERSION, stringifyStrict } from './json.js';
import type { Format } from './render.js';

interface RunRow {
  id: string;
  name: string;
  organization: string | null;
  year: number | null;
  gpu: string | null;
  phases: number;
  params: number | null;
  activeParams: number | null;
  tokens: number | null;
  reportedGpuHours: number | null;
  gpuHoursBasis: string | null;
  reportedUsd: number | null;
  source: string | null;
}

function toRow({ id, run }: LoadedRun): RunRow {
  const tokens = run.phases.map((p) => p.tokens).filter((t) => t !== undefined);
  return {
    id,
    name: run.name,
    organization: run.organization ?? null,
    year: run.year ?? null,
    gpu: run.gpu ?? run.phases.find((p) => p.gpu)?.gpu ?? null,
    phases: run.phases.length,
    params: run.model?.params ?? null,
    activeParams: run.model?.activeParams ?? null,
    tokens: tokens.length > 0 ? tokens.reduce((a, b) => a + b, 0) : null,
    reportedGpuHours: run.reported?.gpuHours ?? null,
    gpuHoursBasis: run.reported?.gpuHoursBasis ?? null,
    reportedUsd: run.reported?.usd ?? null,
    source: run.reported?.source ?? run.source ?? null,
  };
}

const dash = (v: number | null, f: (n: number) => string) => (v === null ? '-' : f(v));
const COLS: { header: string; text: (r: RunRow) => string }[] = [
  { header: 'id', text: (r) => r.id },
  { header: 'Name', text: (r) => r.name },
  { header: 'Year', text: (r) => (r.year === null ? '-' : String(r.year)) },
  { header: 'GPU', text: (r) => r.gpu ?? '-' },
  { header: 'Params', text: (r) => dash(r.params, fmtExp) + (r.activeParams !== null ? ` (${fmtExp(r.activeParams)} active)` : '') },
  { header: 'Tokens', text: (r) => dash(r.tokens, fmtExp) },
  { header: 'Reported GPU-h', text: (r) => dash(r.reportedGpuHours, fmtNumber) + (r.gpuHoursBasis && r.gpuHoursBasis !== 'reported' ? ` (${r.gpuHoursBasis})` : '') },
  { header: 'Reported cost', text: (r) => dash(r.reportedUsd, fmtUsd) },
];

export function renderRuns(runs: readonly LoadedRun[], format: Format, opts: { color: boolean }): string {
  const rows = [...runs].sort((a, b) => a.id.localeCompare(b.id)).map(toRow);
  switch (format) {
    case 'json':
      return `${stringifyStrict({ schemaVersion: SCHEMA_VERSION, runs: rows }, 2)}\n`;
    case 'ndjson':
      return rows.map((r) => `${stringifyStrict(r)}\n`).join('');
    case 'csv': {
      const keys = Object.keys(rows[0] ?? toRow({ id: '', run: { name: '', phases: [{ name: '' }] } })) as (keyof RunRow)[];
      const cell = (v: unknown) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
      return `${[keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n')}\n`;
    }
    case 'markdown':
      return `${[
        `| ${COLS.map((c) => c.header).join(' | ')} |`,
        `| ${COLS.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${COLS.map((c) => c.text(r).replace(/\|/g, '\\|')).join(' | ')} |`),
      ].join('\n')}\n`;
    case 'table': {
      const c = new Chalk({ level: opts.color ? 1 : 0 });
      const t = new Table({
        head: COLS.map((col) => c.bold(col.header)),
        style: { head: [], border: [] },
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const r of rows) t.push(COLS.map((col) => col.text(r)));
      return `${t.toString()}\nEstimate one: train-cost <id>; sources: train-cost <id> or presets/runs/<id>.yaml\n`;
    }
  }
}
