// A Markdown table (for PR comments): the comparison columns, then assumptions and warnings.
import type { RunEstimate } from '../core/types.js';
import { arithmeticLines } from './arithmetic.js';
import { assumptionLines } from './assumptions.js';
import { comparisonColumns } from './columns.js';
import { markdownTable } from './tables.js';
import { describeWarning } from './warnings.js';

export function renderMarkdown(runs: readonly RunEstimate[]): string {
  const cols = comparisonColumns(runs);
  const baseline = runs[0]!;
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = runs.flatMap((run) => [
    cols.map((c) => c.text(run, baseline)),
    ...(run.phases.length > 1
      ? run.phases.map((p) => cols.map((c) => (c.key === 'name' ? `&nbsp;&nbsp;${p.name}` : c.key.endsWith('Ratio') ? '' : c.text(p, run))))
      : []),
  ]);
  const lines = markdownTable(
    cols.map((c) => c.header),
    rows,
    cols.map((c) => c.align ?? 'right'),
  );
  if (runs.length === 1) {
    const run = runs[0]!;
    lines.push('', '**Arithmetic**', '');
    for (const p of run.phases) {
      if (run.phases.length > 1) lines.push(`- ${esc(p.name)}:`);
      for (const a of arithmeticLines(p)) lines.push(`${run.phases.length > 1 ? '  ' : ''}- ${esc(a)}`);
    }
  }
  lines.push('', '**Assumptions**', '');
  for (const a of assumptionLines(runs)) lines.push(`- ${esc(a)}`);
  const notes = runs.flatMap((r) => (r.notes ? [`${r.name}: ${r.notes}`] : []));
  if (notes.length > 0) {
    lines.push('', '**Notes**', '');
    for (const n of notes) lines.push(`- ${esc(n)}`);
  }
  const warnings = [...new Set(runs.flatMap((r) => r.warnings.map(describeWarning)))];
  if (warnings.length > 0) {
    lines.push('', '**Warnings**', '');
    for (const w of warnings) lines.push(`- ${esc(w)}`);
  }
  return `${lines.join('\n')}\n`;
}
