// The list of bundled published runs with their reported figures, in every format.
import type { LoadedRun } from '../presets/runs.js';
import { fmtCompact, fmtNumber, fmtShort, fmtUsd, fmtUsdShort } from './format.js';
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
const basisNote = (r: RunRow) => (r.gpuHoursBasis && r.gpuHoursBasis !== 'reported' ? ` (${r.gpuHoursBasis.replace(/-/g, ' ')})` : '');
const CSV_KEYS = [
  'id',
  'name',
  'organization',
  'year',
  'gpu',
  'phases',
  'params',
  'activeParams',
  'tokens',
  'reportedGpuHours',
  'gpuHoursBasis',
  'reportedUsd',
  'source',
] as const satisfies readonly (keyof RunRow)[];

const COLS: ListColumn<RunRow>[] = [
  { header: 'id', text: (r) => r.id },
  { header: 'Name', text: (r) => r.name },
  // drop: the order columns are left out of a narrow terminal, lowest first (--wide shows them).
  { header: 'Year', text: (r) => (r.year === null ? '-' : String(r.year)), drop: 1 },
  { header: 'GPU', text: (r) => r.gpu ?? '-', drop: 2 },
  // Parameters and tokens as people write them: 671B, 14.8T.
  {
    header: 'Params',
    text: (r) => dash(r.params, fmtCompact) + (r.activeParams !== null ? ` (${fmtCompact(r.activeParams)} active)` : ''),
  },
  { header: 'Tokens', text: (r) => dash(r.tokens, fmtCompact) },
  {
    header: 'Reported GPU-h',
    align: 'right',
    text: (r) => dash(r.reportedGpuHours, fmtNumber) + basisNote(r),
    compact: (r) => dash(r.reportedGpuHours, fmtShort) + basisNote(r),
  },
  {
    header: 'Reported cost',
    align: 'right',
    text: (r) => dash(r.reportedUsd, fmtUsd),
    compact: (r) => dash(r.reportedUsd, fmtUsdShort),
    drop: 0,
  },
];

export function renderRuns(runs: readonly LoadedRun[], format: Format, opts: { color: boolean; width?: number | undefined }): string {
  const rows = [...runs].sort((a, b) => a.id.localeCompare(b.id)).map(toRow);
  return renderList(rows, COLS, format, {
    ...opts,
    jsonKey: 'runs',
    csvKeys: CSV_KEYS,
    footer: 'Estimate one: train-cost <id>; its sources: presets/runs/<id>.yaml',
  });
}
