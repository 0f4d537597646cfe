// A Markdown table (for PR comments): the comparison columns, then the sections under it.
import type { RunEstimate } from '../core/types.js';
import { comparisonColumns } from './columns.js';
import { checkLines } from './checks.js';
import type { RenderOptions } from './render.js';
import { sectionsUnder } from './sections.js';
import { escapeMarkdown as esc, markdownTable } from './tables.js';

export function renderMarkdown(runs: readonly RunEstimate[], opts: Partial<Pick<RenderOptions, 'checks'>> = {}): string {
  const cols = comparisonColumns(runs);
  const baseline = runs[0]!;
  const rows = runs.flatMap((run) => [
    cols.map((c) => esc(c.text(run, baseline))),
    ...(run.phases.length > 1
      ? run.phases.map((p) => cols.map((c) => (c.key === 'name' ? `&nbsp;&nbsp;${esc(p.name)}` : c.key.endsWith('Ratio') ? '' : esc(c.text(p, run)))))
      : []),
  ]);
  const lines = markdownTable(
    cols.map((c) => c.header),
    rows,
    cols.map((c) => c.align ?? 'right'),
    { escaped: true },
  );
  for (const section of sectionsUnder(runs)) {
    lines.push('', `**${section.title}**`, '');
    for (const item of section.items) lines.push(`${'  '.repeat(item.depth)}- ${esc(item.text)}`);
  }
  const checks = checkLines(opts.checks ?? [], runs.length);
  if (checks.length > 0) lines.push('', ...checks.map((l) => `- ${esc(l)}`));
  return `${lines.join('\n')}\n`;
}
