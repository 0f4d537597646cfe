// The list of bundled published runs with their reported figures, in every format.
import type { LoadedRun } from '../presets/runs.js';
import { fmtExp, fmtNumber, fmtUsd } from './format.js';
import { type ListColumn, renderList } from './tables.js';
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
  /** The whole run file (phases, reported figures, notes, sources), for scripts. */
  preset: LoadedRun['run'];
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
    preset: run,
  };
}

const dash = (v: number | null, f: (n: number) => string) => (v === null ? '-' : f(v));
const CSV_KEYS = [
  'id', 'name', 'organization', 'year', 'gpu', 'phases', 'params', 'activeParams', 'tokens',
  'reportedGpuHours', 'gpuHoursBasis', 'reportedUsd', 'source',
] as const satisfies readonly (keyof RunRow)[];

const COLS: ListColumn<RunRow>[] = [
  { header: 'id', text: (r) => r.id },
  { header: 'Name', text: (r) => r.name },
  { header: 'Year', text: (r) => (r.year === null ? '-' : String(r.year)) },
  { header: 'GPU', text: (r) => r.gpu ?? '-' },
  { header: 'Params', text: (r) => dash(r.params, fmtExp) + (r.activeParams !== null ? ` (${fmtExp(r.activeParams)} active)` : '') },
  { header: 'Tokens', text: (r) => dash(r.tokens, fmtExp) },
  { header: 'Reported GPU-h', align: 'right', text: (r) => dash(r.reportedGpuHours, fmtNumber) + (r.gpuHoursBasis && r.gpuHoursBasis !== 'reported' ? ` (${r.gpuHoursBasis})` : '') },
  { header: 'Reported cost', align: 'right', text: (r) => dash(r.reportedUsd, fmtUsd) },
];

export function renderRuns(runs: readonly LoadedRun[], format: Format, opts: { color: boolean }): string {
  const rows = [...runs].sort((a, b) => a.id.localeCompare(b.id)).map(toRow);
  return renderList(rows, COLS, format, {
    ...opts,
    jsonKey: 'runs',
    csvKeys: CSV_KEYS,
    footer: 'Estimate one: train-cost <id>; its sources: presets/runs/<id>.yaml',
  });
}
