// A Markdown table (for PR comments): the comparison columns, then the sections under it.
import type { RunEstimate } from '../core/types.js';
import { comparisonColumns } from './columns.js';
import { checkLines } from './checks.js';
import type { RenderOptions } from './render.js';
import { isAnswer, type Section, sectionsUnder } from './sections.js';
import { answerLines, keyAssumptions } from './summary.js';
import { costChart } from './table.js';
import { escapeMarkdown as esc, markdownTable } from './tables.js';

export function renderMarkdown(runs: readonly RunEstimate[], opts: Partial<Pick<RenderOptions, 'checks'>> = {}): string {
  const cols = comparisonColumns(runs);
  const baseline = runs[0]!;
  const rows = runs.flatMap((run) => [
    cols.map((c) => esc(c.text(run, baseline))),
    ...(run.phases.length > 1
      ? run.phases.map((p) => cols.map((c) => (c.key === 'name' ? `&nbsp;&nbsp;${esc(p.name)}` : c.runOnly ? '' : esc(c.text(p, run)))))
      : []),
  ]);
  const lines = markdownTable(
    cols.map((c) => c.header),
    rows,
    cols.map((c) => c.align ?? 'right'),
    { escaped: true },
  );
  // A comparison gets its chart, in a code block (monospace, so the bars line up).
  if (runs.length > 1) lines.push('', '```text', ...costChart(runs, { width: undefined, unicode: true }), '```');
  const sections = sectionsUnder(runs);
  const section = (sec: Section) => [
    '',
    `**${sec.title}**`,
    '',
    ...sec.items.map((item) => `${'  '.repeat(item.depth)}- ${esc(item.text)}`),
  ];
  // Figures and warnings in view; the explanations folded below the answer.
  for (const sec of sections.filter((x) => x.title === 'Warnings' || isAnswer(x))) lines.push(...section(sec));
  const checks = checkLines(opts.checks ?? [], runs.length);
  if (checks.length > 0) lines.push('', ...checks.map((l) => `- ${esc(l)}`));
  lines.push(
    '',
    esc(keyAssumptions(runs, true)),
    '',
    ...answerLines(runs).map((l, i, all) => (i === all.length - 1 ? `**${esc(l)}**` : esc(l))),
  );
  const folded = sections.filter((x) => x.title !== 'Warnings' && !isAnswer(x));
  if (folded.length > 0)
    lines.push('', '<details><summary>Arithmetic, assumptions and sources</summary>', ...folded.flatMap(section), '', '</details>');
  return `${lines.join('\n')}\n`;
}
