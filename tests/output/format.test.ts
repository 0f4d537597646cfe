// Numbers for people: grouped thousands, dollars, hours beside days, FLOP in exponent notation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fmtCompact,
  fmtDays,
  fmtExp,
  fmtHours,
  fmtNumber,
  fmtPercent,
  fmtRange,
  fmtRatio,
  fmtShort,
  fmtUsd,
  fmtUsdCompact,
  fmtUsdShort,
} from '../../src/output/format.js';

describe('formatters', () => {
  it('fmtUsd', () => {
    expect(fmtUsd(81920)).toBe('$81,920');
    expect(fmtUsd(2)).toBe('$2.00');
    expect(fmtUsd(3.42)).toBe('$3.42');
    expect(fmtUsd(0.5)).toBe('$0.50');
    expect(fmtUsd(294000)).toBe('$294,000');
    expect(fmtUsd(5_576_000)).toBe('$5,576,000');
    expect(fmtUsd(122470.4)).toBe('$122,470');
    expect(fmtUsd(0)).toBe('$0.00');
    expect(fmtUsd(-81920)).toBe('-$81,920');
  });

  it('fmtNumber', () => {
    expect(fmtNumber(40960)).toBe('40,960');
    expect(fmtNumber(122880)).toBe('122,880');
    expect(fmtNumber(2_788_000)).toBe('2,788,000');
    expect(fmtNumber(512)).toBe('512');
    expect(fmtNumber(0)).toBe('0');
    expect(fmtNumber(2.5)).toBe('2.5');
  });

  it('fmtHours: days beside hours from a day up', () => {
    expect(fmtHours(80)).toBe('80 h (3.3 days)');
    expect(fmtHours(240)).toBe('240 h (10.0 days)');
    expect(fmtHours(5)).toBe('5 h');
    expect(fmtDays(3.3333)).toBe('3.3 days');
  });

  it('fmtExp', () => {
    expect(fmtExp(1.4582e23)).toBe('1.46e23');
    expect(fmtExp(1.45833984e23)).toBe('1.46e23');
    expect(fmtExp(3.2856e24)).toBe('3.29e24');
    expect(fmtExp(9.89e14)).toBe('9.89e14');
    expect(fmtExp(0)).toBe('0');
  });

  it('ratios, percentages and ranges', () => {
    expect(fmtRatio(81920, 81920)).toBe('1.00x');
    expect(fmtRatio(163840, 81920)).toBe('2.00x');
    expect(fmtRatio(1, 0)).toBe('-');
    expect(fmtPercent(0.389)).toBe('38.9%');
    expect(fmtRange([40960, 40960], fmtNumber)).toBe('40,960');
    expect(fmtRange([40960, 81920], fmtNumber)).toBe('40,960 - 81,920');
  });

  it('property: fmtUsd and fmtNumber never print NaN or Infinity for finite input', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const s of [fmtUsd(x), fmtNumber(x), fmtExp(x)]) {
          expect(s).not.toMatch(/NaN|Infinity/);
          expect(s.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: fmtUsd of a whole number of dollars from $100 up reads back as that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const s = fmtUsd(n);
        expect(s).toMatch(/^\$\d{1,3}(,\d{3})*$/);
        expect(Number(s.slice(1).replace(/,/g, ''))).toBe(n);
      }),
    );
  });
});

describe('figures with a suffix (K, M, B, T)', () => {
  it('compact: from a million, zeros dropped; short: from a thousand, three digits', () => {
    expect([40_960, 999_999, 7_207_062, 21e6, 671e9, 14.8e12].map(fmtCompact)).toEqual([
      '40,960',
      '999,999',
      '7.21M',
      '21M',
      '671B',
      '14.8T',
    ]);
    expect([999.4, 81_920, 21e6].map(fmtShort)).toEqual(['999', '81.9K', '21.0M']);
    expect([fmtUsdCompact(21.5e6), fmtUsdCompact(81_920), fmtUsdShort(-81_920), fmtUsdShort(2)]).toEqual([
      '$21.5M',
      '$81,920',
      '-$81.9K',
      '$2.00',
    ]);
  });

  it('the suffix is chosen after rounding: 999.96M is 1B, never 1000M', () => {
    expect(fmtCompact(999_960_000)).toBe('1B');
    expect(fmtCompact(-999.7e9)).toBe('-1T');
    expect(fmtUsdCompact(999_960_000)).toBe('$1B');
    expect(fmtShort(999_960)).toBe('1.00M');
  });

  it('past the largest suffix the digits are written whole, never in exponent form', () => {
    expect(fmtShort(1e15)).toBe('1000T');
    expect(fmtUsdShort(1.234e15)).toBe('$1230T');
    expect(fmtCompact(1.5e15)).toBe('1500T');
  });

  it('a figure that is not a number falls through to plain formatting instead of throwing', () => {
    expect([fmtCompact, fmtShort, fmtUsdCompact, fmtUsdShort].map((f) => f(NaN))).toEqual(['NaN', 'NaN', '$NaN', '$NaN']);
  });

  it('property: compact and short both write the figure to 3 significant digits, with the largest suffix it reaches', () => {
    // Any figure, and those near a suffix's edge (999.7M) or halfway between two (1,234,500).
    const near = fc
      .tuple(
        fc.oneof(
          fc.double({ min: 999.5, max: 999.999, noNaN: true }),
          fc.integer({ min: 100, max: 999 }).map((m) => m + 0.5),
        ),
        fc.integer({ min: 4, max: 11 }),
      )
      .map(([m, e]) => m * 10 ** e);
    const SCALES = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 } as const;
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 1e6, max: 1e14, noNaN: true }), near), (n) => {
        // The contract, not a copy of the implementation: what is written is within half a unit of
        // the third significant digit of n, and its suffix is the largest scale the written value reaches.
        const halfUnit = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(n))) - 2) * (1 + 1e-9);
        for (const text of [fmtCompact(n), fmtShort(n)]) {
          const suffix = text.slice(-1);
          expect(['K', 'M', 'B', 'T']).toContain(suffix);
          const scale = SCALES[suffix as keyof typeof SCALES];
          const mantissa = Number(text.slice(0, -1));
          if (suffix !== 'T') expect(mantissa < 1000, text).toBe(true);
          expect(mantissa >= 1, text).toBe(true);
          const written = mantissa * scale;
          expect(Math.abs(written - n), `${text} for ${n}`).toBeLessThanOrEqual(halfUnit);
          const largest = (['T', 'B', 'M', 'K'] as const).find((k) => written >= SCALES[k]);
          expect(suffix, `${text} for ${n}`).toBe(largest);
        }
      }),
    );
  });
});

describe('grouping without Intl at start-up', () => {
  const intl = [0, 1, 2].map((d) => new Intl.NumberFormat('en-US', { maximumFractionDigits: d }));
  const reference = (n: number) => {
    const abs = Math.abs(n);
    if (abs >= 100 || abs === 0) return intl[0]!.format(n);
    if (abs >= 1) return intl[abs >= 10 ? 1 : 2]!.format(n);
    return Number(n.toPrecision(3)).toString();
  };
  it('property: fmtNumber gives the digits Intl.NumberFormat en-US gives, halves and -0 included', () => {
    const halves = fc.integer({ min: -2e9, max: 2e9 }).map((i) => i / 20);
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), halves, fc.constant(-0), fc.constant(143169.15)),
        (n) => fmtNumber(n) === reference(n),
      ),
      {
        seed: 11,
        numRuns: 20_000,
      },
    );
  });
});
