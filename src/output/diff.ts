// `train-cost diff` for people and pipelines: a table of before, after and change per run and
// phase, ending on a one-line verdict; Markdown is a PR comment (heading, table, verdict); JSON
// is the versioned document of diff-contract.ts; CSV one row per run, phase and figure.
import { Chalk } from 'chalk';
import type { CostBasis } from '../core/costs.js';
import { BASIS_LABELS } from './costs.js';
import type { DiffOutput } from './diff-contract.js';
import { fmtNumber, fmtShort, fmtSignedPercent, fmtUsd, fmtUsdShort } from './format.js';
import { stringifyStrict } from './json.js';
import type { Format } from './render.js';
import { type Align, dropRank } from './fit.js';
import { csvDocument, escapeMarkdown, escapeMarkdownLine, fittedTable, markdownTable, wrapProse } from './tables.js';

type Metric = DiffOutput['diff']['totals'][number];
type RunDiff = DiffOutput['diff']['runs'][number];
type PhaseDiff = RunDiff['phases'][number];
type Check = DiffOutput['checks'][number];

export function metricLabel(id: string): string {
  if (id === 'gpuHours') return 'GPU-hours';
  return id in BASIS_LABELS ? BASIS_LABELS[id as CostBasis].label : id;
}

function fmtValue(m: Metric, v: number | null): string {
  if (v === null) return '-';
  return m.unit === 'usd' ? fmtUsd(v) : fmtNumber(v);
}

/**
 * The change as the eye checks it: when before and after print as whole numbers, the difference of
 * the printed figures (159,813 -> 112,008 is -47,805, not the -47,804 of the unrounded values).
 */
function shownChange(m: Metric): number | null {
  if (m.change === null || m.before === null || m.after === null) return m.change;
  return Math.abs(m.before) >= 100 && Math.abs(m.after) >= 100 ? Math.round(m.after) - Math.round(m.before) : m.change;
}

/** The figure in 3 significant digits ("$28.1M", "160K"), for a terminal too narrow for the full one. */
function fmtValueShort(m: Metric, v: number | null): string {
  if (v === null) return '-';
  return m.unit === 'usd' ? fmtUsdShort(v) : fmtShort(v);
}

function fmtChange(m: Metric, f: (m: Metric, v: number | null) => string = fmtValue): string {
  const change = shownChange(m);
  if (change === null) return '-';
  return `${change > 0 ? '+' : ''}${f(m, change)}`;
}

/** 0.125 -> "+12.5%"; null (from nothing) -> "new" when there is a change, else "-". */
export function fmtRelative(r: number | null, change: number | null = null): string {
  return r === null ? (change !== null && change !== 0 ? 'new' : '-') : fmtSignedPercent(r);
}

/** "plan" unchanged name; "a -> b" renamed; "x (added)", "x (removed)". */
function label(p: PhaseDiff): string {
  if (p.base === null) return `${p.head} (added)`;
  if (p.head === null) return `${p.base} (removed)`;
  return p.base === p.head ? p.base : `${p.base} -> ${p.head}`;
}

const HEAD = ['Run', 'Figure', 'Before', 'After', 'Change', 'Change %'];
const ALIGNS: Align[] = ['left', 'left', 'right', 'right', 'right', 'right'];

/**
 * The order columns are left out of a terminal table too narrow for them, first to go first (by
 * header): the change in units, then the change in percent. Run, Figure, Before and After always
 * stay; `--wide` shows all.
 */
export const DIFF_DROP_ORDER: readonly string[] = ['Change', 'Change %'];

function metricCells(m: Metric, compact = false): string[] {
  const f = compact ? fmtValueShort : fmtValue;
  return [metricLabel(m.id), f(m, m.before), f(m, m.after), fmtChange(m, f), fmtRelative(m.relative, m.change)];
}

/** The table's rows; `esc` is applied to every cell before a phase's name gets its prefix (Markdown's &nbsp; indent). */
function rowsOf(doc: DiffOutput, phasePrefix: string, esc: (s: string) => string = (s) => s, compact = false): string[][] {
  const block = (name: string, p: PhaseDiff) => p.metrics.map((m, i) => [i === 0 ? name : '', ...metricCells(m, compact).map(esc)]);
  return doc.diff.runs.flatMap((r) => [...block(esc(label(r)), r), ...r.phases.flatMap((p) => block(`${phasePrefix}${esc(label(p))}`, p))]);
}

function checkLine(c: Check, runCount: number): string {
  const who = runCount > 1 ? ` (${c.run})` : '';
  const verdict = c.passed ? 'passed' : 'failed';
  const against = c.passed ? 'within' : 'over';
  if (c.gate === 'max-cost') return `check max-cost${who}: ${fmtUsd(c.value!)} ${against} ${fmtUsd(c.limit)}: ${verdict}`;
  return `check max-increase${who}: ${c.value === null ? 'up from $0' : fmtRelative(c.value)} ${against} ${fmtRelative(c.limit)}: ${verdict}`;
}

/** One line: the change of the rental cost over every run, and what was added or removed. */
export function verdictLine(doc: DiffOutput): string {
  const count = (s: string) => doc.diff.runs.filter((r) => r.status === s).length;
  const moved = [
    count('added') > 0 ? `${count('added')} run${count('added') > 1 ? 's' : ''} added` : '',
    count('removed') > 0 ? `${count('removed')} removed` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  const rental = doc.diff.totals.find((m) => m.id === 'rental');
  const what = doc.diff.runs.length > 1 ? 'Total rental cost' : 'Rental cost';
  let text: string;
  if (rental === undefined || rental.change === null) text = 'No rental cost to compare';
  else if (rental.change === 0) text = `${what} unchanged at ${fmtUsd(rental.after!)}`;
  else
    text = `${what} ${rental.change > 0 ? 'up' : 'down'} ${fmtUsd(Math.abs(shownChange(rental)!))} (${fmtRelative(rental.relative, rental.change)}), from ${fmtUsd(rental.before!)} to ${fmtUsd(rental.after!)}`;
  const failed = doc.checks.filter((c) => !c.passed).length;
  const checks =
    doc.checks.length === 0
      ? ''
      : failed > 0
        ? `; ${failed} of ${doc.checks.length} checks failed`
        : `; ${doc.checks.length === 1 ? 'check' : `all ${doc.checks.length} checks`} passed`;
  return `${text}${moved === '' ? '' : ` (${moved})`}${checks}.`;
}

/** The table fitted to the width as the estimate tables are: compact figures, wrapped cells, then columns left out. */
function diffTable(doc: DiffOutput, opts: { color: boolean; width?: number | undefined }): string[] {
  const full = rowsOf(doc, '  ');
  const compact = rowsOf(doc, '  ', undefined, true);
  return fittedTable(
    HEAD.map((header, i) => ({
      header,
      cells: full.map((r) => r[i]!),
      compact: compact.map((r) => r[i]!),
      align: ALIGNS[i]!,
      ...dropRank(DIFF_DROP_ORDER, header),
    })),
    { color: opts.color, width: opts.width },
  );
}

function renderDiffTable(doc: DiffOutput, opts: { color: boolean; width?: number | undefined }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const wrap = (lines: string[]) => wrapProse(lines, opts.width);
  const out = diffTable(doc, opts);
  out.push(
    '',
    ...wrap([
      `Base: ${doc.diff.base.source}${doc.diff.base.kind === 'saved' ? ' (saved output)' : ''}`,
      `Head: ${doc.diff.head.source}${doc.diff.head.kind === 'saved' ? ' (saved output)' : ''}`,
    ]),
  );
  const checks = doc.checks.map((x) => checkLine(x, doc.diff.runs.length));
  if (checks.length > 0) out.push('', ...checks.flatMap((l) => wrap([l]).map((w) => (l.endsWith('failed') ? c.red(w) : w))));
  out.push('', ...wrap([verdictLine(doc)]).map((l) => c.bold(l)));
  return `${out.join('\n')}\n`;
}

function renderDiffMarkdown(doc: DiffOutput): string {
  const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
  const lines = [`### train-cost diff: ${code(doc.diff.base.source)} → ${code(doc.diff.head.source)}`, ''];
  lines.push(...markdownTable(HEAD.map(escapeMarkdown), rowsOf(doc, '&nbsp;&nbsp;', escapeMarkdown), ALIGNS, { escaped: true }));
  const checks = doc.checks.map((x) => checkLine(x, doc.diff.runs.length));
  if (checks.length > 0) lines.push('', ...checks.map((l) => `- ${escapeMarkdownLine(l)}`));
  lines.push('', `**${escapeMarkdownLine(verdictLine(doc))}**`);
  return `${lines.join('\n')}\n`;
}

function renderDiffCsv(doc: DiffOutput): string {
  const head = ['run', 'phase', 'status', 'baseName', 'headName', 'figure', 'unit', 'before', 'after', 'change', 'relative'];
  const rows = (run: string, phase: string, p: PhaseDiff) =>
    p.metrics.map((m) => [run, phase, p.status, p.base, p.head, m.id, m.unit, m.before, m.after, m.change, m.relative]);
  return csvDocument(
    head,
    doc.diff.runs.flatMap((r) => {
      const run = (r.head ?? r.base)!;
      return [...rows(run, '', r), ...r.phases.flatMap((p) => rows(run, (p.head ?? p.base)!, p))];
    }),
  );
}

/** One run a line, each with the header, the sides and that run's checks, so a line stands alone. */
function renderDiffNdjson(doc: DiffOutput): string {
  const { diff, checks, ...header } = doc;
  return diff.runs
    .map((r) => {
      const run = (r.head ?? r.base)!;
      return `${stringifyStrict({ ...header, sides: { base: diff.base, head: diff.head }, ...r, checks: checks.filter((c) => c.run === run) })}\n`;
    })
    .join('');
}

export function renderDiff(doc: DiffOutput, format: Format, opts: { color: boolean; width?: number | undefined }): string {
  switch (format) {
    case 'table':
      return renderDiffTable(doc, opts);
    case 'json':
      return `${stringifyStrict(doc, 2)}\n`;
    case 'ndjson':
      return renderDiffNdjson(doc);
    case 'csv':
      return renderDiffCsv(doc);
    case 'markdown':
      return renderDiffMarkdown(doc);
  }
}
