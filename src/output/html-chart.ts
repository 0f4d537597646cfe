// An inline SVG bar chart of a comparison: rental cost by run, one bar per run in proportion to
// its cost, the baseline (the first run) marked, and each run's range as a whisker. Labels sit
// above their bars; bars are sized in percent of the chart's width, so it fits any screen.
import type { RunEstimate } from '../core/types.js';
import { fmtRange, fmtUsd, fmtUsdCompact } from './format.js';
import { escapeHtml as esc } from './html-escape.js';
import { roundSignificant } from './json.js';

/** Characters a label line holds before the value moves to a line of its own, or a name is cut. */
const LINE_CHARS = 44;
const LINE_HEIGHT = 17;
const BAR_HEIGHT = 12;
const ROW_GAP = 12;

interface Bar {
  name: string;
  usd: number;
  range: [number, number];
  base: boolean;
}

/** A position in percent of the chart's width; the largest figure at 98%, so a whisker's cap stays inside. */
const pct = (v: number, max: number) => `${max > 0 ? Number(((v / max) * 98).toFixed(3)) : 0}%`;

/** "$81,920"; compact with its range when ranged: "$21M ($12.9M - $38.2M)". */
function valueText(b: Bar): string {
  if (b.range[0] === b.range[1]) return fmtUsd(b.usd);
  return `${fmtUsdCompact(b.usd)} (${fmtRange(b.range, fmtUsdCompact)})`;
}

function cut(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}

/** The chart of the runs' rental costs (every run has one); empty for a single run. */
export function rentalChart(runs: readonly RunEstimate[]): string {
  if (runs.length < 2) return '';
  const bars: Bar[] = runs.map((run, i) => ({ name: run.name, usd: run.rental.usd, range: run.range.usd, base: i === 0 }));
  const max = Math.max(...bars.flatMap((b) => [b.usd, b.range[1]]));
  const baseX = pct(bars[0]!.usd, max);
  const parts: string[] = [];
  let y = 0;
  for (const b of bars) {
    const name = `${b.name}${b.base ? ' (baseline)' : ''}`;
    const value = valueText(b);
    const oneLine = [...name].length + 3 + value.length <= LINE_CHARS;
    const title = `${name}: ${value}`;
    parts.push(`<g class="run"><title>${esc(title)}</title>`);
    y += LINE_HEIGHT - 4;
    if (oneLine) {
      parts.push(`<text x="0" y="${y}">${esc(name)}<tspan class="value" dx="6">${esc(value)}</tspan></text>`);
    } else {
      parts.push(`<text x="0" y="${y}">${esc(cut(name, LINE_CHARS))}</text>`);
      y += LINE_HEIGHT;
      parts.push(`<text class="value" x="0" y="${y}">${esc(value)}</text>`);
    }
    y += 6;
    parts.push(
      `<rect class="bar${b.base ? ' base' : ''}" x="0" y="${y}" width="${pct(b.usd, max)}" height="${BAR_HEIGHT}" data-usd="${roundSignificant(b.usd)}"/>`,
    );
    if (b.range[0] !== b.range[1]) {
      const mid = y + BAR_HEIGHT / 2;
      const [lo, hi] = [pct(b.range[0], max), pct(b.range[1], max)];
      parts.push(`<line class="range" x1="${lo}" y1="${mid}" x2="${hi}" y2="${mid}"/>`);
      for (const x of [lo, hi]) parts.push(`<line class="range" x1="${x}" y1="${y + 2}" x2="${x}" y2="${y + BAR_HEIGHT - 2}"/>`);
    }
    // The baseline's mark crosses every bar, not the labels.
    parts.push(`<line class="marker" x1="${baseX}" y1="${y - 3}" x2="${baseX}" y2="${y + BAR_HEIGHT + 3}"/>`);
    parts.push('</g>');
    y += BAR_HEIGHT + ROW_GAP;
  }
  const height = y - ROW_GAP + 4;
  const label = `Rental cost by run; the baseline, ${bars[0]!.name}, is the first bar and the dashed line`;
  return [
    `<figure id="chart-rental">`,
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="100%" height="${height}" role="img" aria-label="${esc(label)}">`,
    ...parts,
    '</svg>',
    `<figcaption class="muted">Rental cost by run, bars in proportion to the central estimate${bars.some((b) => b.range[0] !== b.range[1]) ? ', whiskers from the low to the high end of the range' : ''}; the dashed line marks the baseline (${esc(bars[0]!.name)}).</figcaption>`,
    '</figure>',
  ].join('\n');
}
