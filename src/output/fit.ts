// Fitting text to a terminal's width: prose wrapped at spaces, the widths of a table's columns
// shrunk (their cells wrapped) until the box fits, and which columns a table shows (fitColumns:
// every fitted table, estimate, diff, backtest and the lists, decides here). Widths count
// visible characters: ANSI colour codes take no room.

const ANSI = /\u001b\[[0-9;]*m/g;

export const stripAnsi = (s: string): string => s.replace(ANSI, '');

/** Visible characters of one line (code points, colour codes left out). */
export function visibleLength(s: string): number {
  return [...stripAnsi(s)].length;
}

/** The widest line of a (multi-line) text. */
export function textWidth(s: string): number {
  return Math.max(0, ...s.split('\n').map(visibleLength));
}

/**
 * The places a line may break: at spaces, except inside a range ("4.33M - 12.8M" stays whole)
 * and after "x" in a product ("512 x h800" breaks before "x", not after it).
 */
export function words(s: string): string[] {
  const out: string[] = [];
  for (const w of s.split(' ')) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (w === '-' || prev.endsWith(' -') || prev === '-' || prev.endsWith(' x') || prev === 'x'))
      out[out.length - 1] = `${prev} ${w}`;
    else out.push(w);
  }
  return out.filter((w, i) => w !== '' || i === 0);
}

/** The longest piece that cannot be broken. */
export function longestWord(s: string): number {
  // Leading spaces (an indented phase name) stay with the first word.
  return Math.max(
    0,
    ...s.split('\n').map((line) => {
      const plain = stripAnsi(line);
      const lead = /^ */.exec(plain)![0].length;
      return lead + Math.max(0, ...words(plain.slice(lead)).map((w) => [...w].length));
    }),
  );
}

/**
 * Lines of at most `width` characters, broken at spaces (a word longer than the width is cut);
 * lines after the first start with `hang` (its length counts). Colour is kept only on text that fits whole.
 */
export function wrapText(text: string, width: number, hang = ''): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (visibleLength(para) <= width) {
      out.push(para);
      continue;
    }
    const lead = /^ */.exec(stripAnsi(para))![0];
    const indent = lead + hang;
    let line = '';
    const room = (first: boolean) => Math.max(1, width - (first ? 0 : [...indent].length));
    let first = true;
    const flush = () => {
      out.push(first ? line : indent + line);
      first = false;
      line = '';
    };
    for (let word of words(stripAnsi(para).slice(lead.length))) {
      if (first && line === '') line = lead;
      const sep = line === '' || line === lead ? '' : ' ';
      if ([...line].length + sep.length + [...word].length <= room(first)) {
        line += sep + word;
        continue;
      }
      if (line !== '' && line !== lead) flush();
      // A word longer than a whole line is cut into pieces.
      while ([...line].length + [...word].length > room(first)) {
        const take = room(first) - [...line].length;
        const chars = [...word];
        line += chars.slice(0, take).join('');
        word = chars.slice(take).join('');
        flush();
      }
      line += word;
    }
    if (line !== '') flush();
  }
  return out;
}

/** A cell's text wrapped to `width` characters, lines joined with newlines. */
export function wrapCell(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapText(line, width, /^ *- /.test(stripAnsi(line)) ? '  ' : ''))
    .join('\n');
}

/**
 * Column widths (content only) whose table fits in `width` characters: the widest column is
 * narrowed one character at a time, never below its minimum. Null when even the minimums do not fit.
 * The box takes one character per column plus one, and each cell one space either side.
 */
export function fitWidths(natural: readonly number[], minimum: readonly number[], width: number): number[] | null {
  const chrome = natural.length * 3 + 1;
  const widths = [...natural];
  const floor = natural.map((n, i) => Math.min(minimum[i]!, n));
  let total = widths.reduce((a, b) => a + b, 0) + chrome;
  while (total > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) return null;
    widths[widest]!--;
    total--;
  }
  return widths;
}

/** Width of a table whose columns have these content widths. */
export function tableWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + widths.length * 3 + 1;
}

export type Align = 'left' | 'right';

/** A column narrower than this is wrapped only at its longest word (names stay readable). */
const MIN_WRAP = 14;

/** Each column's content width: its widest cell. */
export function naturalWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(cell))));
  return widths;
}

/** The narrowest each column wraps to without cutting words: its longest word, and MIN_WRAP characters of text (figures right-aligned need none). */
function minimumWidths(rows: readonly (readonly string[])[], aligns: readonly Align[] | undefined): number[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      const text = aligns?.[i] === 'right' ? 0 : Math.min(textWidth(cell), MIN_WRAP);
      widths[i] = Math.max(widths[i] ?? 0, longestWord(cell), text);
    });
  return widths;
}

/**
 * The content widths of a table's rows (the header one of them) in `width` characters: null when
 * they fit as they are; else narrowed, widest first, to the columns' minimum widths; when even
 * that cannot fit, words are cut (down to 4 characters a column).
 */
export function layoutWidths(
  rows: readonly (readonly string[])[],
  aligns: readonly Align[] | undefined,
  width: number | undefined,
): number[] | null {
  if (width === undefined) return null;
  const natural = naturalWidths(rows);
  if (tableWidth(natural) <= width) return null;
  const cut = natural.map(() => 4);
  return fitWidths(natural, minimumWidths(rows, aligns), width) ?? fitWidths(natural, cut, width) ?? cut;
}

/** A column of a table fitted to the width: its cells in full, and shorter (compact figures) where space is short. */
export interface FitColumn {
  header: string;
  cells: string[];
  /** The same figures compact (3 significant digits), used for every cell when the full ones do not fit. */
  compact?: string[];
  align?: Align;
  /**
   * When the table is too wide even wrapped: columns are left out by this rank, lowest first
   * (undefined: always shown). The ranks are stated in one place per table (columns.ts DROP_ORDER, ...).
   */
  drop?: number;
}

/** `{drop}` for a column named in a table's drop order (first to go first), `{}` for one always shown. */
export function dropRank(order: readonly string[], name: string): { drop?: number } {
  const rank = order.indexOf(name);
  return rank >= 0 ? { drop: rank } : {};
}

/** A table's header, rows (full or compact figures) and alignments. */
export interface Grid {
  head: string[];
  rows: string[][];
  aligns: Align[];
}

function gridOf(columns: readonly FitColumn[], compact: boolean): Grid {
  const n = Math.max(0, ...columns.map((c) => c.cells.length));
  return {
    head: columns.map((c) => c.header),
    rows: Array.from({ length: n }, (_, r) => columns.map((c) => ((compact ? c.compact : undefined) ?? c.cells)[r] ?? '')),
    aligns: columns.map((c) => c.align ?? 'left'),
  };
}

/**
 * What of a table is shown in `width`: full figures if they fit, else compact ones with cells
 * wrapped at spaces; then the lowest-ranked columns left out, one at a time, until no word is cut
 * (or none is left to leave out). `dropped` names the columns left out, in that order.
 */
export function fitColumns(columns: readonly FitColumn[], width: number | undefined): { grid: Grid; dropped: string[] } {
  const full = gridOf(columns, false);
  if (width === undefined || tableWidth(naturalWidths([full.head, ...full.rows])) <= width) return { grid: full, dropped: [] };
  const order = columns.filter((c) => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!);
  let shown = [...columns];
  const dropped: string[] = [];
  for (;;) {
    const grid = gridOf(shown, true);
    const all = [grid.head, ...grid.rows];
    if (fitWidths(naturalWidths(all), minimumWidths(all, grid.aligns), width) !== null || dropped.length === order.length)
      return { grid, dropped };
    const next = order[dropped.length]!;
    shown = shown.filter((c) => c !== next);
    dropped.push(next.header);
  }
}
