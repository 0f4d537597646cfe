// Bounded input (issue 11): one flag value holds at most MAX_LIST_ITEMS items and
// MAX_LIST_VALUES values, numbers are matched in linear time, messages quote a short excerpt,
// and every file or stdin read stops at MAX_INPUT_BYTES.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_QUOTED, quote } from '../../src/input/excerpt.js';
import { MAX_LIST_ITEMS, MAX_LIST_VALUES, parseNumberList } from '../../src/input/list.js';
import { parseQuantity } from '../../src/input/number.js';
import { MAX_INPUT_BYTES, MAX_YAML_BYTES, readInputFile } from '../../src/input/read.js';
import { inputError } from '../helpers/errors.js';

const chips = { flag: '--chips', integer: true };

describe('list caps', () => {
  it(`${MAX_LIST_ITEMS} comma-separated values pass, one more is refused naming the cap`, () => {
    expect(parseNumberList(Array(MAX_LIST_ITEMS).fill('8').join(','), chips)).toHaveLength(MAX_LIST_ITEMS);
    expect(inputError(() => parseNumberList(Array(30_000).fill('8').join(','), chips))).toBe(
      '--chips lists 30,000 values; one flag takes at most 1,000 comma-separated values (for more, give a range such as 256..4096:x2)',
    );
  });

  it('several ranges count together against MAX_LIST_VALUES', () => {
    expect(parseNumberList(`1..${MAX_LIST_VALUES}`, chips)).toHaveLength(MAX_LIST_VALUES);
    expect(inputError(() => parseNumberList(`1..${MAX_LIST_VALUES},1..2`, chips))).toBe(
      '--chips expands to more than 100,000 values, the most one flag takes',
    );
  });

  it('bad items are quoted short', () => {
    const msg = inputError(() => parseNumberList(`8,${'y'.repeat(100_000)}`, chips));
    expect(msg).toBe(
      `invalid --chips "${'y'.repeat(60)}"…: expected a number such as 512, 2.5, 2e6, 40_960 or with a suffix K, M, B, T (671B, 14.8T)`,
    );
  });
});

describe('parseQuantity on hostile text', () => {
  // A backtracking pattern would take minutes on this (past the test's timeout); the parser is linear.
  it('100,000 digits and a letter are refused, not backtracked over', () => {
    expect(parseQuantity(`${'1'.repeat(100_000)}x`)).toBeNull();
    expect(parseQuantity(`${'1'.repeat(60)}x`)).toBeNull();
  });

  it('still reads every form it read before', () => {
    for (const [text, value] of [
      ['1.', 1],
      ['1.5e3', 1500],
      ['.5', 0.5],
      ['40_960', 40960],
      ['14.8T', 14.8e12],
    ] as const)
      expect(parseQuantity(text)).toBe(value);
  });
});

describe('quote', () => {
  it('short text is quoted whole, long text is cut with an ellipsis', () => {
    expect(quote('h100')).toBe('"h100"');
    expect(quote('a'.repeat(MAX_QUOTED))).toBe(`"${'a'.repeat(MAX_QUOTED)}"`);
    expect(quote('a'.repeat(MAX_QUOTED + 1))).toBe(`"${'a'.repeat(MAX_QUOTED)}"…`);
  });

  it('control characters are escaped and count toward the cap; an escape is never cut in half', () => {
    expect(quote('a\u0000b\n')).toBe('"a\\u0000b\\n"');
    expect(quote('\u0000'.repeat(2_000_000))).toBe(`"${'\\u0000'.repeat(10)}"…`);
  });

  it('property: at most MAX_QUOTED characters of escaped text, plus quotes and an ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => {
        expect(quote(s).length).toBeLessThanOrEqual(MAX_QUOTED + 3);
      }),
    );
  });

  it('non-strings are shown as JSON, cut the same way', () => {
    expect(quote(42)).toBe('42');
    expect(quote({ a: 1 })).toBe('{"a":1}');
    expect(quote(Array(1000).fill(1))).toBe(`[${'1,'.repeat(30)}`.slice(0, MAX_QUOTED) + '…');
  });
});

describe('readInputFile', () => {
  const TMP = mkdtempSync(join(tmpdir(), 'train-cost-read-'));
  afterAll(() => rmSync(TMP, { recursive: true, force: true }));

  it('reads a file as UTF-8', () => {
    writeFileSync(join(TMP, 'a.yaml'), 'name: é\n');
    expect(readInputFile(join(TMP, 'a.yaml'), 'run file')).toBe('name: é\n');
  });

  it('a file of exactly the limit is read; one byte more is refused (from fstat, before reading)', () => {
    writeFileSync(join(TMP, 'limit'), Buffer.alloc(100, 0x61));
    expect(readInputFile(join(TMP, 'limit'), 'run file', 100)).toHaveLength(100);
    writeFileSync(join(TMP, 'over'), Buffer.alloc(101, 0x61));
    expect(inputError(() => readInputFile(join(TMP, 'over'), 'run file', 100))).toBe(
      `run file ${join(TMP, 'over')} is larger than 100 bytes, the limit`,
    );
  });

  it('a device with no size is read only to the limit', () => {
    expect(MAX_INPUT_BYTES).toBe(4 * 1024 * 1024);
    expect(inputError(() => readInputFile('/dev/urandom', 'run file', MAX_YAML_BYTES))).toBe(
      'run file /dev/urandom is larger than 128 KiB, the limit for a YAML file',
    );
    expect(inputError(() => readInputFile('/dev/zero', 'run file'))).toBe(
      'run file /dev/zero is larger than 4 MiB, the limit for any input file',
    );
  });

  it('a folder, a missing file, a path through a file', () => {
    mkdirSync(join(TMP, 'dir'));
    expect(inputError(() => readInputFile(join(TMP, 'dir'), 'run file'))).toBe(`run file ${join(TMP, 'dir')} is a folder, not a file`);
    expect(inputError(() => readInputFile(join(TMP, 'missing'), 'backtest file'))).toBe(`backtest file ${join(TMP, 'missing')} not found`);
    expect(inputError(() => readInputFile(join(TMP, 'a.yaml', 'x'), 'run file'))).toContain('a part of its path is a file');
  });
});
