// A horizontal bar chart for a terminal: one bar per item, lengths in proportion to the values
// (the longest fills the room the width leaves), drawn in eighths of a character with Unicode
// blocks, or in whole `#` characters in plain ASCII (TERM=dumb, no colour).
import { visibleLength } from './fit.js';

export interface Bar {
  label: string;
  value: number;
  /** The value as printed after the bar. */
  text: string;
  /** A note after the value: "base", "0.84x". */
  note?: string;
}

/** Partial blocks by eighths: index 1 is one eighth (▏) ... 7 is seven eighths (▉). */
export const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
export const FULL_BLOCK = '█';
export const ASCII_BAR = '#';

/** The width a chart takes when the output has none (piped without COLUMNS). */
const DEFAULT_CHART_WIDTH = 80;
/** More bars than this are not drawn (a grid of thousands of runs). */
export const MAX_BARS = 60;

/** A bar `cells` characters long (fractional), in blocks or in `#` (rounded). */
export function drawBar(cells: number, unicode: boolean): string {
  if (!unicode) return ASCII_BAR.repeat(Math.round(cells));
  let eighths = Math.round(cells * 8);
  const full = Math.floor(eighths / 8);
  eighths -= full * 8;
  return FULL_BLOCK.repeat(full) + EIGHTHS[eighths]!;
}

/** Characters of a bar as drawn: a full block or `#` counts 1, a partial block its eighths. */
export function barLength(bar: string): number {
  let n = 0;
  for (const ch of bar) {
    if (ch === FULL_BLOCK || ch === ASCII_BAR) n += 1;
    else if (EIGHTHS.includes(ch) && ch !== '') n += EIGHTHS.indexOf(ch) / 8;
  }
  return n;
}

function shorten(label: string, width: number, unicode: boolean): string {
  if (visibleLength(label) <= width) return label + ' '.repeat(width - visibleLength(label));
  const ellipsis = unicode ? '…' : '...';
  return [...label].slice(0, Math.max(0, width - ellipsis.length)).join('') + ellipsis;
}

/** The chart's lines: a title, then `label | bar value note` per item, all within `width`. */
export function barChart(title: string, bars: readonly Bar[], opts: { width: number | undefined; unicode: boolean }): string[] {
  if (bars.length > MAX_BARS) return [`${title}: not drawn for ${bars.length} bars (at most ${MAX_BARS})`];
  const width = opts.width ?? DEFAULT_CHART_WIDTH;
  const tails = bars.map((b) => ` ${b.text}${b.note ? ` ${b.note}` : ''}`);
  const tailWidth = Math.max(...tails.map(visibleLength));
  const labelWidth = Math.min(Math.max(...bars.map((b) => visibleLength(b.label))), Math.max(8, Math.floor(width * 0.35)));
  const sep = opts.unicode ? ' │' : ' |';
  const room = Math.max(4, width - labelWidth - sep.length - tailWidth);
  const max = Math.max(...bars.map((b) => b.value));
  const lines = [title];
  bars.forEach((b, i) => {
    const cells = max > 0 && b.value > 0 ? (b.value / max) * room : 0;
    const bar = drawBar(cells, opts.unicode);
    lines.push(`${shorten(b.label, labelWidth, opts.unicode)}${sep}${bar}${tails[i]}`.trimEnd());
  });
  return lines;
}
