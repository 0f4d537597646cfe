// The one strict JSON writer (src/output/json.ts): byte for byte JSON.stringify with a replacer
// that rounds to 12 significant digits and refuses NaN and Infinity, one-line and indented.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks.js';
import { estimateRun } from '../../src/core/estimate.js';
import { dollarYearOf, jsonHeader, numberText, renderJson, runToJson, stringifyStrict } from '../../src/output/json.js';
import { noMfu, runOf, seedPhase } from '../helpers/accelerators.js';

/** A number rounded to 12 significant digits (integers kept whole), written here rather than taken from the module under test. */
const rounded = (v: number): number => (Number.isInteger(v) ? v : Number(v.toPrecision(12)));
const textOf = (v: number): string => String(rounded(v));

/** What the writer stands for: the replacer it replaced. */
function reference(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (key, v: unknown) => {
      if (typeof v !== 'number') return v;
      if (!Number.isFinite(v)) throw new Error(`non-finite number at "${key}"`);
      return rounded(v);
    },
    indent,
  );
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('numbers', () => {
  it('are written to 12 significant digits, integers whole', () => {
    const written: [number, string][] = [
      [2.99 * 3, '8.97'],
      [122470.40000000001, '122470.4'],
      [0.1 + 0.2, '0.3'],
      [1 / 3, '0.333333333333'],
      [99999.99999999999, '100000'],
      [123456789012.5, '123456789013'],
      [1.23456789012345e-7, '1.23456789012e-7'],
      [2 ** 53 + 2, '9007199254740994'],
      [1e21, '1e+21'],
      [-0, '0'],
    ];
    for (const [v, text] of written) expect(numberText(v), String(v)).toBe(text);
  });

  it('are written as String of the 12-digit rounding, ties and carries included', () => {
    const cases = [
      0,
      -0,
      1,
      -1,
      0.1,
      2.99 * 3,
      122470.40000000001,
      0.1234567890125,
      0.12345678901250001,
      -0.1234567890125,
      99999.99999999999,
      9.999999999995,
      9.9999999999949,
      1e21,
      1e-7,
      1.23456789012345e-7,
      9.99999999999999e-7,
      5e-324,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      2 ** 53 + 2,
      0.000458462109375,
      1.00000000000049,
      1.0000000000005,
      123456789012.5,
      1234567890123.5,
    ];
    for (const v of cases) expect(numberText(v), String(v)).toBe(textOf(v));
    fc.assert(
      fc.property(finite, (v) => numberText(v) === textOf(v)),
      { seed: 11, numRuns: 20_000 },
    );
    // Decimals near a 12-digit rounding boundary, where a wrong carry or tie would show.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999_999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: -30, max: 30 }),
        (m, d, e) => {
          const v = Number(`${m}${d}5e${e}`);
          return numberText(v) === textOf(v) && numberText(-v) === textOf(-v);
        },
      ),
      { seed: 12, numRuns: 20_000 },
    );
  });

  it('refuses NaN and Infinity, naming the key', () => {
    expect(() => stringifyStrict({ a: { b: Number.NaN } })).toThrow('non-finite number at "b"');
    expect(() => stringifyStrict([1, Infinity], 2)).toThrow('non-finite number at "1"');
  });
});

describe('documents', () => {
  const json = fc.jsonValue();
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      finite,
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  it('one-line and indented text is what the replacer gives (undefined dropped, null in arrays, key order kept)', () => {
    fc.assert(
      fc.property(fc.oneof(json, value), (v) => {
        expect(stringifyStrict(v)).toBe(reference(v) ?? 'null');
        expect(stringifyStrict(v, 2)).toBe(reference(v, 2) ?? 'null');
      }),
      { seed: 13, numRuns: 3_000 },
    );
  });

  it('texts are quoted and escaped as JSON.stringify does: quotes, backslashes, control characters, lone and paired surrogates', () => {
    for (const t of [
      'plain',
      'a "quote"',
      'back\\slash',
      'tab\there',
      '\u0000\u001f',
      'lone \ud800 high',
      'lone \udfff low',
      'pair \ud83d\ude00',
      'é ü ß',
      '',
    ])
      expect(stringifyStrict({ [t]: t })).toBe(JSON.stringify({ [t]: t }));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (t) => {
        expect(stringifyStrict([t])).toBe(JSON.stringify([t]));
      }),
      { seed: 17, numRuns: 2_000 },
    );
  });

  it('toJSON is honoured, as JSON.stringify does', () => {
    const v = { when: new Date(Date.UTC(2026, 0, 15)), n: { toJSON: () => 1 / 3 } };
    expect(stringifyStrict(v)).toBe(reference(v));
    expect(stringifyStrict(v, 2)).toBe(reference(v, 2));
  });
});

describe('the JSON document, written a run at a time', () => {
  it('is stringifyStrict(doc, 2) of the whole document: no runs, one, several, with and without checks', () => {
    const runs = [1, 2, 3].map((k) => estimateRun(runOf([seedPhase({ chips: 512 * k, name: `p${k}` })], `run ${k}`), noMfu));
    for (const some of [[], runs.slice(0, 1), runs]) {
      for (const checks of [[], runChecks(some, { maxCost: 100_000 })]) {
        const doc = { ...jsonHeader(dollarYearOf(some)), runs: some.map(runToJson), checks };
        expect(renderJson(some, { checks })).toBe(`${stringifyStrict(doc, 2)}\n`);
      }
    }
  });
});
