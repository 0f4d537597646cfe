// Fitting to a width: prose wrapping, column widths, tables that never break their box, bar charts.
import { describe, expect, it } from 'vitest';
import { fitColumns, fitWidths, tableWidth, visibleLength, words, wrapText } from '../../src/output/fit.js';
import { fittedTable, terminalTable } from '../../src/output/tables.js';
import { barChart, barLength, drawBar } from '../../src/output/chart.js';
import { fmtShort, fmtUsdShort } from '../../src/output/format.js';

describe('wrapText', () => {
  it('breaks at spaces, no line longer than the width, nothing lost', () => {
    const text = 'capex = GPU-hours x server cost per chip x value left / (1 - network share) / lifetime hours / utilisation';
    const lines = wrapText(text, 30);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps a range and a product together, and cuts a word longer than the line', () => {
    expect(words('7.01M (4.33M - 12.8M)')).toEqual(['7.01M', '(4.33M - 12.8M)']);
    expect(words('512 x h800, 80 h')).toEqual(['512', 'x h800,', '80', 'h']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('hangs continuation lines under a bullet', () => {
    expect(wrapText('  - one two three four', 12, '  ')).toEqual(['  - one two', '    three', '    four']);
  });
});

describe('fitWidths', () => {
  it('narrows the widest column first, never below its minimum', () => {
    expect(fitWidths([30, 10], [8, 10], 33)).toEqual([16, 10]);
    expect(tableWidth([16, 10])).toBe(33);
    expect(fitWidths([30, 10], [25, 10], 33)).toBeNull();
  });
});

describe('a table fitted to a width', () => {
  const long = 'owning costs 0.62x of renting at 100.0% utilisation; break-even at 60.4% utilisation';
  it('wraps a long cell inside the box', () => {
    const t = terminalTable(null, [['Rent vs own', long]], { color: false, width: 50 });
    const lines = t.split('\n');
    for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(50);
    expect(lines.every((l) => /^[│┌└]/.test(l) && /[│┐┘]$/.test(l))).toBe(true);
    expect(t.replace(/[│\s]+/g, ' ')).toContain('break-even at 60.4% utilisation');
  });

  it('uses compact figures, then leaves columns out by their rank, and says which', () => {
    const cols = [
      { header: 'Run', cells: ['a run with a long name'] },
      { header: 'GPU-hours', cells: ['40,960,000'], compact: ['41.0M'], align: 'right' as const },
      { header: 'CO2 (t)', cells: ['18,800'], compact: ['18.8K'], align: 'right' as const, drop: 0 },
      { header: 'Cluster purchase', cells: ['$28,286,420'], compact: ['$28.3M'], align: 'right' as const, drop: 1 },
    ];
    expect(fittedTable(cols, { color: false, width: undefined })[0]).toContain('40,960,000');
    expect(fitColumns(cols, 42).dropped).toEqual(['CO2 (t)']);
    const [table, ...left] = fittedTable(cols, { color: false, width: 42 });
    expect(table).toContain('41.0M');
    expect(table).not.toContain('CO2');
    for (const l of [...table!.split('\n'), ...left]) expect(visibleLength(l)).toBeLessThanOrEqual(42);
    expect(left.join(' ')).toBe('Left out at 42 columns: CO2 (t) (--wide shows every column)');
  });
});

describe('compact figures', () => {
  it('3 significant digits with K, M, B, T', () => {
    expect([81_920, 999_950, 7_207_062, 21e6, 512, 2.5, 14.8e12].map(fmtShort)).toEqual([
      '81.9K',
      '1.00M',
      '7.21M',
      '21.0M',
      '512',
      '2.5',
      '14.8T',
    ]);
    expect(fmtUsdShort(81_920)).toBe('$81.9K');
  });
});

describe('bar charts', () => {
  const bars = [
    { label: 'base', value: 204_800, text: '$205K', note: '(base)' },
    { label: 'b200', value: 617_472, text: '$617K', note: '3.02x' },
    { label: 'mi300x', value: 153_600, text: '$154K', note: '0.75x' },
  ];
  it.each([true, false])('bars in proportion to the values, within the width (unicode %s)', (unicode) => {
    const lines = barChart('Rental cost by run', bars, { width: 60, unicode });
    expect(lines[0]).toBe('Rental cost by run');
    const sep = unicode ? ' │' : ' |';
    const lengths = lines.slice(1).map((l) => barLength(l.split(sep)[1]!.split(' ')[0]!));
    const longest = Math.max(...lengths);
    bars.forEach((b, i) => expect(Math.abs(lengths[i]! - (b.value / 617_472) * longest)).toBeLessThanOrEqual(unicode ? 1 / 16 : 0.5));
    for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(60);
    if (!unicode) for (const l of lines) expect(l).toMatch(/^[\x20-\x7e]*$/);
  });

  it('draws eighths in Unicode and whole # in ASCII', () => {
    expect(drawBar(2.5, true)).toBe('██▌');
    expect(drawBar(2.5, false)).toBe('###');
    expect(barLength('██▌')).toBe(2.5);
  });
});
