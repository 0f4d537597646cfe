// The building blocks every renderer shares: a terminal table, a Markdown table, a CSV document.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { roundSignificant, SCHEMA_VERSION, stringifyStrict } from './json.js';
import type { Format } from './render.js';

export type Align = 'left' | 'right';

/**
 * cli-table3 lays a table out in time quadratic in its rows (2,000 rows take a second): a long
 * table is drawn in chunks of this many rows with the same column widths, joined seamlessly.
 */
const CHUNK_ROWS = 250;

/** A terminal table with separators only under the header; colour (bold header) only when asked. */
export function terminalTable(head: string[] | null, rows: string[][], opts: { color: boolean; aligns?: Align[] }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const make = (withHead: boolean, colWidths?: number[]) =>
    new Table({
      ...(head && withHead ? { head: head.map((h) => c.bold(h)) } : {}),
      ...(opts.aligns ? { colAligns: opts.aligns } : {}),
      ...(colWidths ? { colWidths } : {}),
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      // No colours from cli-table3 itself: chalk decides, and only on a TTY.
      style: { head: [], border: [] },
    });
  if (rows.length <= CHUNK_ROWS) {
    const t = make(true);
    t.push(...rows);
    return t.toString();
  }
  const widths = columnWidths(head ? [head, ...rows] : rows);
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const t = make(i === 0, widths);
    t.push(...rows.slice(i, i + CHUNK_ROWS));
    let chunk = t.toString().split('\n');
    if (i > 0) chunk = chunk.slice(1); // the top border: the previous chunk's rows continue
    if (i + CHUNK_ROWS < rows.length) chunk = chunk.slice(0, -1); // the bottom border
    lines.push(...chunk);
  }
  return lines.join('\n');
}

/** Widths of the columns, one space of padding either side (ANSI codes take no room). */
function columnWidths(rows: string[][]): number[] {
  const visible = (s: string) => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visible(cell) + 2)));
  return widths;
}

/**
 * Text made safe for a Markdown table cell or list item (PR comments render HTML): `&`, `<`, `>`
 * as entities, `|` escaped, and a line break as `<br>` so a newline never splits a row.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
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
  const s = typeof v === 'number' ? String(roundSignificant(v)) : typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface ListColumn<R> {
  header: string;
  text: (row: R) => string;
  align?: Align;
}

/**
 * A list of records (gpus, runs) in every format: JSON `{schemaVersion, [key]: rows}`, one JSON
 * row a line, CSV of the raw fields, and Markdown or a terminal table of the columns for people.
 */
export function renderList<R extends object>(
  rows: readonly R[],
  columns: readonly ListColumn<R>[],
  format: Format,
  opts: { color: boolean; jsonKey: string; csvKeys: readonly (keyof R & string)[]; footer: string },
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
    case 'table': {
      const table = terminalTable(heads, texts(), { color: opts.color, aligns: columns.map((c) => c.align ?? 'left') });
      return `${table}\n${opts.footer}\n`;
    }
  }
}
