// How numbers are read: suffixes K/M/B/T, exponents, underscores; lists and ranges for grids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_VALUES, parseNumberList, parseOne } from '../../src/input/list.js';
import { parseQuantity } from '../../src/input/number.js';
import { inputError } from '../helpers/errors.js';

describe('parseQuantity', () => {
  it.each([
    ['671B', 671e9],
    ['14.8T', 14.8e12],
    ['2e6', 2e6],
    ['2E6', 2e6],
    ['3.3e24', 3.3e24],
    ['40_960', 40960],
    ['1_000_000', 1e6],
    ['40960', 40960],
    ['1.5k', 1500],
    ['1.5K', 1500],
    ['5M', 5e6],
    ['37b', 37e9],
    ['2.5', 2.5],
    ['.5', 0.5],
    [' 512 ', 512],
    ['0', 0],
    ['-5', -5],
  ])('%j -> %d', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each(['abc', '1e999', '-1e999', '', '   ', '1,024', 'NaN', 'Infinity', '0x10', '1e', '1.2.3', '5X', 'B', '1__0', '_1'])(
    'refuses %j (null, not NaN or Infinity)',
    (text) => {
      expect(parseQuantity(text)).toBeNull();
    },
  );

  it('property: any positive finite double survives String() and back', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseQuantity(String(x))).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a number never parses to a non-finite value', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseQuantity(s);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
    );
  });
});

describe('parseOne', () => {
  it('applies the rule: positive, integer, at most', () => {
    expect(parseOne('512', { flag: '--chips', integer: true })).toBe(512);
    expect(inputError(() => parseOne('0', { flag: '--chips' }))).toContain('--chips must be greater than zero');
    expect(inputError(() => parseOne('-5', { flag: '--chips' }))).toContain('-5');
    expect(inputError(() => parseOne('8.5', { flag: '--chips', integer: true }))).toContain('whole number');
    expect(inputError(() => parseOne('1.5', { flag: '--mfu', max: 1 }))).toContain('at most 1');
    expect(parseOne('0', { flag: '--price', allowZero: true })).toBe(0);
  });

  it('an unreadable number names the flag and the forms accepted', () => {
    const msg = inputError(() => parseOne('abc', { flag: '--chips' }));
    expect(msg).toContain('--chips');
    expect(msg).toContain('"abc"');
    expect(msg).toContain('671B');
  });
});

describe('parseNumberList', () => {
  const chips = { flag: '--chips', integer: true };
  const mfu = { flag: '--mfu', max: 1 };

  it('a single value and comma lists, in the order given', () => {
    expect(parseNumberList('512', chips)).toEqual([512]);
    expect(parseNumberList('1024,512', chips)).toEqual([1024, 512]);
    expect(parseNumberList('512, 1K, 2e3', chips)).toEqual([512, 1000, 2000]);
  });

  it('geometric ranges: 256..4096:x2', () => {
    expect(parseNumberList('256..4096:x2', chips)).toEqual([256, 512, 1024, 2048, 4096]);
    // The end need not be reached exactly.
    expect(parseNumberList('256..5000:x2', chips)).toEqual([256, 512, 1024, 2048, 4096]);
    expect(parseNumberList('1K..8K:x2', chips)).toEqual([1000, 2000, 4000, 8000]);
    expect(parseNumberList('1..1000:x10', chips)).toEqual([1, 10, 100, 1000]);
  });

  it('linear ranges with exact values: 0.3..0.5:0.05', () => {
    expect(parseNumberList('0.3..0.5:0.05', mfu)).toEqual([0.3, 0.35, 0.4, 0.45, 0.5]);
    expect(parseNumberList('0.1..0.3:0.1', mfu)).toEqual([0.1, 0.2, 0.3]);
    expect(parseNumberList('1..10:4', chips)).toEqual([1, 5, 9]);
    // The default step is 1.
    expect(parseNumberList('1..5', chips)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a range of one value, and ranges mixed with values', () => {
    expect(parseNumberList('8..8:x2', chips)).toEqual([8]);
    expect(parseNumberList('8,64..256:x2', chips)).toEqual([8, 64, 128, 256]);
  });

  it('a reversed range is refused', () => {
    const msg = inputError(() => parseNumberList('4096..256:x2', chips));
    expect(msg).toContain('--chips');
    expect(msg).toContain('4096..256');
  });

  it.each(['1..10:0', '1..10:-1', '1..10:abc', '1..10:x1', '1..10:x0.5', '1..10:x'])('a bad step %j is refused', (text) => {
    const msg = inputError(() => parseNumberList(text, chips));
    expect(msg).toContain('--chips');
    expect(msg).toMatch(/range|step/);
  });

  it('values a range produces obey the rule (no 1.5 chips, no MFU above 1)', () => {
    expect(inputError(() => parseNumberList('1..2:0.5', chips))).toContain('whole number');
    expect(inputError(() => parseNumberList('0.5..1.5:0.5', mfu))).toContain('at most 1');
  });

  it('over-large expansions are refused before they use up memory', () => {
    expect(MAX_LIST_VALUES).toBeGreaterThanOrEqual(6000);
    const msg = inputError(() => parseNumberList('1..1e9:1', chips));
    expect(msg).toContain('--chips');
    expect(msg).toMatch(/more than/);
    // ... but a large legitimate range is fine.
    expect(parseNumberList('1..6000:1', chips)).toHaveLength(6000);
  });

  it('nothing, or bad items, is refused naming the flag', () => {
    expect(inputError(() => parseNumberList('', chips))).toContain('--chips');
    expect(inputError(() => parseNumberList(',', chips))).toContain('--chips');
    expect(inputError(() => parseNumberList('512,abc', chips))).toContain('"abc"');
    expect(inputError(() => parseNumberList('0..8:x2', chips))).toContain('greater than zero');
  });

  it('property: a geometric range is start x factor^i up to the end, ascending', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 0, max: 12 }),
        (start, factor, n) => {
          const end = start * factor ** n;
          const values = parseNumberList(`${start}..${end}:x${factor}`, chips);
          expect(values).toEqual(Array.from({ length: n + 1 }, (_, i) => start * factor ** i));
        },
      ),
    );
  });
});
