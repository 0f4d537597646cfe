// A self-contained HTML page of an estimate (--format html): the answer first, the table of runs
// and their phases, a chart of a comparison, the gates checked, then the sections under the
// tables (arithmetic, thresholds, assumptions, notes, warnings). One file with its style inline:
// no scripts, no network, no timestamps (the same input gives the same bytes).
import { cheapestAndDearest } from './summary.js';
import type { RunEstimate } from '../core/types.js';
import { VERSION } from '../version.js';
import { checkLines } from './checks.js';
import { type Column, comparisonColumns, type Row } from './columns.js';
import { BASIS_LABELS, partsText, totalsOf } from './costs.js';
import { fmtNumber, fmtRange, fmtUsd } from './format.js';
import { rentalChart } from './html-chart.js';
import { escapeHtml as esc } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';
import { dollarYearOf, roundSignificant } from './json.js';
import type { RenderOptions } from './render.js';
import { sectionsUnder } from './sections.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A cell: its text, and its raw value for programs (`data-value`) when it is a number. */
function cell(col: Column, row: Row, baseline: RunEstimate, blank: boolean): string {
  const text = blank ? '' : col.text(row, baseline);
  if (col.key === 'name') return `<th scope="row">${esc(text)}</th>`;
  // A ratio column's raw value is the figure it divides, not the ratio shown: no data-value.
  const raw = blank || col.key.endsWith('Ratio') ? null : col.raw(row);
  const value = typeof raw === 'number' ? ` data-value="${roundSignificant(raw)}"` : '';
  // A figure's range or days in brackets go on a line of their own, so the columns stay narrow.
  const aside = col.align === 'left' ? null : /^(.+?) (\(.+\))$/.exec(text);
  const content = aside !== null ? `${esc(aside[1]!)}<span class="aside"> ${esc(aside[2]!)}</span>` : esc(text);
  return `<td data-key="${esc(col.key)}"${value}${col.align === 'left' ? ' class="text"' : ''}>${content}</td>`;
}

/** The runs, each followed by its phases when it has more than one. */
function runsTable(runs: readonly RunEstimate[]): string {
  const cols = comparisonColumns(runs);
  const baseline = runs[0]!;
  const head = `<thead><tr>${cols.map((c) => `<th scope="col"${c.align === 'left' ? ' class="text"' : ''}>${esc(c.header)}</th>`).join('')}</tr></thead>`;
  const rows = runs.flatMap((run, i) => [
    `<tr class="run" data-run="${i}">${cols.map((c) => cell(c, run, baseline, false)).join('')}</tr>`,
    ...(run.phases.length > 1
      ? run.phases.map((p) => `<tr class="phase" data-run="${i}">${cols.map((c) => cell(c, p, run, c.runOnly === true)).join('')}</tr>`)
      : []),
  ]);
  return [
    `<div class="scroll" role="region" aria-label="Runs${runs.some((r) => r.phases.length > 1) ? ' and phases' : ''}" tabindex="0">`,
    `<table id="runs">`,
    head,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
    `</div>`,
  ].join('\n');
}

/** The answer in a sentence: one run's totals in full, or a comparison's cheapest and dearest. */
function answer(runs: readonly RunEstimate[]): string {
  if (runs.length === 1) {
    const run = runs[0]!;
    const totals = totalsOf(run.costs).filter((t) => t.basis !== 'development');
    const figures = totals.map((t) => {
      const range = t.range[0] !== t.range[1] ? ` (${esc(fmtRange(t.range, fmtUsd))})` : '';
      return `${esc(BASIS_LABELS[t.basis].label)}: <strong data-basis="${t.basis}">${esc(fmtUsd(t.usd))}</strong>${range}`;
    });
    const hours = `<strong data-key="gpuHours">${esc(fmtNumber(run.gpuHours))}</strong> GPU-hours`;
    return `<p class="answer">${[hours, ...figures].join('; ')}.</p>`;
  }
  const { cheapest: lo, dearest: hi } = cheapestAndDearest(runs);
  return (
    `<p class="answer">${runs.length} runs compared. Cheapest to rent: ${esc(lo.name)} at <strong>${esc(fmtUsd(lo.rental.usd))}</strong>` +
    `; dearest: ${esc(hi.name)} at <strong>${esc(fmtUsd(hi.rental.usd))}</strong>; the baseline is ${esc(runs[0]!.name)}.</p>`
  );
}

/** How one run's totals are made ("Owned cost: $51,057 = $47,013 capex + $4,044 energy"). */
function totalsList(runs: readonly RunEstimate[]): string {
  if (runs.length !== 1) return '';
  const items = totalsOf(runs[0]!.costs).map(
    (t) => `<li>${esc(`${BASIS_LABELS[t.basis].label}: ${fmtUsd(t.usd)} ${partsText(t.parts)}`)}</li>`,
  );
  return items.length > 0 ? `<section id="totals">\n<h2>Totals</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>` : '';
}

function checksSection(opts: Partial<Pick<RenderOptions, 'checks'>>, runCount: number): string {
  const checks = opts.checks ?? [];
  if (checks.length === 0) return '';
  const lines = checkLines(checks, runCount);
  const items = checks.map((c, i) => `<li class="${c.passed ? 'pass' : 'fail'}" data-gate="${esc(c.gate)}">${esc(lines[i]!)}</li>`);
  return `<section id="checks">\n<h2>Checks</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`;
}

function sections(runs: readonly RunEstimate[]): string[] {
  return sectionsUnder(runs).map((s) => {
    const items = s.items.map((it) => `<li${it.depth > 0 ? ` class="d${it.depth}"` : ''}>${esc(it.text)}</li>`);
    return `<section id="${slug(s.title.replace(/ \(.*\)$/, ''))}">\n<h2>${esc(s.title)}</h2>\n<ul${s.bullets ? '' : ' class="lines"'}>\n${items.join('\n')}\n</ul>\n</section>`;
  });
}

export function renderHtml(runs: readonly RunEstimate[], opts: Partial<Pick<RenderOptions, 'checks'>> = {}): string {
  const title = runs.length === 1 ? `Training cost: ${runs[0]!.name}` : `Training cost: ${runs.length} runs compared`;
  const year = dollarYearOf(runs);
  const chart = rentalChart(runs);
  const body = [
    `<header>`,
    `<h1>${esc(title)}</h1>`,
    answer(runs),
    `</header>`,
    `<section id="figures">`,
    `<h2>${runs.length === 1 ? 'Run' : 'Runs'}</h2>`,
    runsTable(runs),
    `</section>`,
    ...(chart !== '' ? [`<section id="chart">`, `<h2>Rental cost by run</h2>`, chart, `</section>`] : []),
    checksSection(opts, runs.length),
    totalsList(runs),
    ...sections(runs),
    `<footer>Estimated by train-cost ${esc(VERSION)}. Figures in US dollars, ${year === null ? "nominal (each in the dollars of its price's date)" : `in ${year} dollars`}. Ranges are the low and high ends of the estimate.</footer>`,
  ].filter((s) => s !== '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<meta name="generator" content="train-cost ${esc(VERSION)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
