// The building blocks every renderer shares: a terminal table, a Markdown table, a CSV document.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { numberText, SCHEMA_VERSION, stringifyStrict } from './json.js';
import type { Format } from './render.js';
import { type Align, type FitColumn, fitColumns, layoutWidths, naturalWidths, stripAnsi, textWidth, wrapCell, wrapText } from './fit.js';

/**
 * cli-table3 lays a table out in time quadratic in its rows (2,000 rows take a second): a long
 * table is drawn in chunks of this many rows with the same column widths, joined seamlessly.
 */
const CHUNK_ROWS = 250;

export interface TableOptions {
  color: boolean;
  aligns?: Align[];
  /** Fit the box in this many characters, wrapping cells (undefined: as wide as the cells). */
  width?: number | undefined;
}

/**
 * A terminal table with separators only under the header; colour (bold header) only when asked.
 * With a width, cells are wrapped so that the box never runs past it.
 */
export function terminalTable(head: string[] | null, rows: string[][], opts: TableOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const fitted = layoutWidths(head ? [head, ...rows] : rows, opts.aligns, opts.width);
  if (fitted !== null) {
    const wrap = (row: string[]) => row.map((cell, i) => (textWidth(cell) > fitted[i]! ? wrapCell(cell, fitted[i]!) : cell));
    head = head ? wrap(head) : null;
    rows = rows.map(wrap);
  }
  const bold = (h: string) =>
    h
      .split('\n')
      .map((l) => c.bold(l))
      .join('\n');
  const make = (withHead: boolean, colWidths?: number[]) =>
    new Table({
      ...(head && withHead ? { head: head.map(bold) } : {}),
      ...(opts.aligns ? { colAligns: opts.aligns } : {}),
      ...(colWidths ? { colWidths } : {}),
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      // No colours from cli-table3 itself: chalk decides, and only on a TTY.
      style: { head: [], border: [] },
    });
  const widths = fitted?.map((w) => w + 2);
  if (rows.length <= CHUNK_ROWS) {
    const t = make(true, widths);
    t.push(...rows);
    return t.toString();
  }
  const chunkWidths = widths ?? naturalWidths(head ? [head, ...rows] : rows).map((w) => w + 2);
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const t = make(i === 0, chunkWidths);
    t.push(...rows.slice(i, i + CHUNK_ROWS));
    let chunk = t.toString().split('\n');
    if (i > 0) chunk = chunk.slice(1); // the top border: the previous chunk's rows continue
    if (i + CHUNK_ROWS < rows.length) chunk = chunk.slice(0, -1); // the bottom border
    lines.push(...chunk);
  }
  return lines.join('\n');
}

/**
 * A table fitted to the width (fit.ts fitColumns: compact figures, wrapped cells, then columns
 * left out), followed by the line naming the columns left out.
 */
export function fittedTable(columns: readonly FitColumn[], opts: { color: boolean; width?: number | undefined }): string[] {
  const { grid, dropped } = fitColumns(columns, opts.width);
  const text = terminalTable(grid.head, grid.rows, { color: opts.color, aligns: grid.aligns, width: opts.width });
  return [text, ...wrapProse(droppedLine(dropped, opts.width), opts.width)];
}

/**
 * Text made safe for a Markdown table cell or list item (PR comments render HTML): `&`, `<`, `>`
 * as entities, `|` escaped, and a line break as `<br>` so a newline never splits a row.
 */
export function escapeMarkdown(s: string): string {
  return markdownSafe(s, '<br>');
}

/** The same, for a line of prose: a line break becomes a space. */
export function escapeMarkdownLine(s: string): string {
  return markdownSafe(s, ' ');
}

function markdownSafe(s: string, lineBreak: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, lineBreak);
}

/** A Markdown pipe table; cells are escaped (`escaped: true` when the caller escaped them already). */
export function markdownTable(head: string[], rows: string[][], aligns?: Align[], opts: { escaped?: boolean } = {}): string[] {
  const esc = opts.escaped ? (s: string) => s : escapeMarkdown;
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map((_, i) => (aligns ? (aligns[i] === 'right' ? '---:' : ':---') : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
}

/** RFC 4180 CSV with a header row; numbers without float noise; empty cells for null. */
export function csvDocument(head: string[], rows: (string | number | boolean | null)[][]): string {
  return `${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('non-finite number in CSV output');
  // A text cell a spreadsheet would take for a formula is prefixed with ' (OWASP, CSV injection); numbers stay numbers.
  const s = typeof v === 'number' ? numberText(v) : typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A column of a list of records: its cells from each record. */
export interface ListColumn<R> {
  header: string;
  text: (row: R) => string;
  /** The figure compact (3 significant digits), for a terminal too narrow for the full one. */
  compact?: (row: R) => string;
  align?: Align;
  /** Rank in the order columns are left out of a narrow terminal table, lowest first (undefined: always shown). */
  drop?: number;
}

/** What a narrow table left out, and how to see it: "Left out at 80 columns: Age, FP8 TFLOP/s (--wide shows every column)". */
function droppedLine(dropped: readonly string[], width: number | undefined): string[] {
  return dropped.length === 0 ? [] : [`Left out at ${width} columns: ${dropped.join(', ')} (--wide shows every column)`];
}

/** Prose lines wrapped to the width; a bullet's ("- ") continuation lines indented under its text. */
export function wrapProse(lines: readonly string[], width: number | undefined): string[] {
  if (width === undefined) return [...lines];
  return lines.flatMap((l) => wrapText(l, width, /^ *- /.test(stripAnsi(l)) ? '  ' : ''));
}

/**
 * A list of records (gpus, runs) in every format: JSON `{schemaVersion, [key]: rows}`, one JSON
 * row a line, CSV of the raw fields, and Markdown or a terminal table of the columns for people.
 */
export function renderList<R extends object>(
  rows: readonly R[],
  columns: readonly ListColumn<R>[],
  format: Format,
  opts: { color: boolean; width?: number | undefined; jsonKey: string; csvKeys: readonly (keyof R & string)[]; footer: string },
): string {
  const texts = () => rows.map((r) => columns.map((c) => c.text(r)));
  const heads = columns.map((c) => c.header);
  switch (format) {
    case 'json':
      return `${stringifyStrict({ schemaVersion: SCHEMA_VERSION, [opts.jsonKey]: rows }, 2)}\n`;
    case 'ndjson':
      return rows.map((r) => `${stringifyStrict(r)}\n`).join('');
    case 'csv':
      return csvDocument(
        [...opts.csvKeys],
        rows.map((r) => opts.csvKeys.map((k) => r[k] as string | number | boolean | null)),
      );
    case 'markdown':
      return `${markdownTable(
        heads,
        texts(),
        columns.map((c) => c.align ?? 'left'),
      ).join('\n')}\n`;
    case 'table':
      return `${[...listTable(rows, columns, opts), ...wrapProse([opts.footer], opts.width)].join('\n')}\n`;
  }
}

/** A list of records as a terminal table fitted to the width, with the line naming the columns left out. */
export function listTable<R>(
  rows: readonly R[],
  columns: readonly ListColumn<R>[],
  opts: { color: boolean; width?: number | undefined },
): string[] {
  return fittedTable(
    columns.map((c) => ({
      header: c.header,
      cells: rows.map(c.text),
      ...(c.compact ? { compact: rows.map(c.compact) } : {}),
      align: c.align ?? 'left',
      ...(c.drop !== undefined ? { drop: c.drop } : {}),
    })),
    { color: opts.color, width: opts.width },
  );
}
