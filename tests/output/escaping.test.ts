// Names a user writes end up in PR comments and spreadsheets: Markdown escapes |, newlines and
// HTML; CSV guards text that a spreadsheet would run as a formula (OWASP: prefix with ').
import { describe, expect, it } from 'vitest';
import { csvCell, escapeMarkdown, markdownTable } from '../../src/output/tables.js';
import { cli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const tmp = tempFolder('escape');
const nasty = tmp.write(
  'nasty.yaml',
  [
    'name: "a|b\\nc <script>alert(1)</script> & co"',
    'gpu: h800',
    'chips: 512',
    'phases:',
    '  - name: "p|1 <b>"',
    '    hours: 40',
    '  - name: "-2"',
    '    hours: 40',
    '',
  ].join('\n'),
);
const formula = tmp.write(
  'formula.yaml',
  [
    'name: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"',
    'gpu: h800',
    'chips: 512',
    'phases:',
    '  - name: training',
    '    hours: 80',
    '',
  ].join('\n'),
);

describe('Markdown escaping', () => {
  it('escapes pipes, HTML and ampersands, and turns a newline into <br>', () => {
    expect(escapeMarkdown('a|b\nc <script> & d\r\ne')).toBe('a\\|b<br>c &lt;script&gt; &amp; d<br>e');
  });

  it('keeps a row on one line with the right number of cells', () => {
    const lines = markdownTable(['run', 'usd'], [['a|b\nc <i>', '1']]);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('| a\\|b<br>c &lt;i&gt; | 1 |');
  });

  it('a run named with a pipe, a newline and a script tag renders as one row per run and phase', async () => {
    const r = await cli([nasty, '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).not.toContain('<b>');
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| '));
    const head = rows[0]!;
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    // header, alignment, run, two phases; every row has the header's cells
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(cells(row)).toBe(cells(head));
    expect(rows[2]).toContain('a\\|b<br>c &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(rows[3]).toContain('&nbsp;&nbsp;p\\|1 &lt;b&gt;');
    // the list items under the table are escaped too
    const items = r.stdout.split('\n').filter((l) => l.startsWith('- '));
    expect(items.some((l) => l.includes('a\\|b<br>c &lt;script&gt;'))).toBe(true);
  });
});

describe('CSV injection guard', () => {
  it("prefixes text starting with =, +, - or @ with ', and leaves numbers alone", () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('h800')).toBe('h800');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(81920)).toBe('81920');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
  });

  it('a run named =HYPERLINK(...) is written as text, its figures as numbers', async () => {
    const r = await cli([formula, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split('\n')[1]!;
    expect(row.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")"`)).toBe(true);
    expect(row).toContain(',81920,');
  });

  it('a phase named -2 is guarded; negative numbers are never text', async () => {
    const r = await cli([nasty, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`,'-2,`);
    expect(r.stdout).toContain('\n"a|b\nc <script>alert(1)</script> & co",,');
  });
});
