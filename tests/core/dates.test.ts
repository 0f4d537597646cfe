// Dates, dated prices, hardware value over time, Epoch AI's cloud convention and dollar years:
// exact figures on small inputs.
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, depreciationFactor, isDate, pickDated } from '../../src/core/dates.js';
import { dollarFactor, type PriceIndex, yearIndex } from '../../src/core/dollars.js';
import { hardwareValue } from '../../src/core/ownership.js';
import { epochCloudOf, operatorPue, pickByKind, pickEpochPrice } from '../../src/core/prices.js';

describe('dates', () => {
  it('YYYY-MM is the 1st of the month; days between dates', () => {
    expect(dayNumber('2024-12')).toBe(dayNumber('2024-12-01'));
    expect(daysBetween('2024-12-27', '2025-01-27')).toBe(31);
    expect(daysBetween('2025-01-27', '2024-12-27')).toBe(-31);
    expect(addDays('2024-02-25', -60)).toBe('2023-12-27');
  });
  it('refuses dates that are not on the calendar', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2024-13')).toBe(false);
  });
});

describe('pickDated: nearest at or before the date, else nearest after', () => {
  const items = [{ date: '2022-12-12' }, { date: '2024-01-29' }, { date: '2025-03-02' }];
  it('the nearest earlier one, with its age', () => {
    // 2024-01-29 to 2024-06-01: 3 + 29 (leap February) + 31 + 30 + 31 = 124 days.
    expect(pickDated(items, '2024-06')).toEqual({ item: items[1], ageDays: 124 });
  });
  it('the same day counts as before', () => {
    expect(pickDated(items, '2025-03-02')!.ageDays).toBe(0);
  });
  it('before every date: the nearest later one, with a negative age', () => {
    // 2021-06-01 to 2022-12-12: 365 + 183 (June to November) + 11 = 559 days.
    expect(pickDated(items, '2021-06')).toEqual({ item: items[0], ageDays: -559 });
  });
  it('an earlier price wins over a nearer later one', () => {
    expect(pickDated([{ date: '2020-01-01' }, { date: '2024-06-02' }], '2024-06-01')!.item.date).toBe('2020-01-01');
  });
  it('ties go to the preferred one', () => {
    const tie = [
      { date: '2026-05-18', id: 'a' },
      { date: '2026-05-18', id: 'b' },
    ];
    expect(pickDated(tie, '2026-11-30', (t) => t.id === 'b')!.item.id).toBe('b');
  });
  it('nothing to pick from: null', () => {
    expect(pickDated([], '2024-01')).toBeNull();
  });
});

describe('hardware value at the run date (Epoch AI)', () => {
  const dgxA100 = { usd: 24_875, date: '2020-05-21', includesServer: true, source: 'DGX A100 / 8' };
  const single = { usd: 15_000, date: '2020-07-01', includesServer: false, source: 'list' };
  it('the first server price, bought 90 days after release, depreciated 0.14 OOM a year: GPT-4 (2022-05-12)', () => {
    const v = hardwareValue([single, dgxA100], '2020-05-14', '2022-05-12')!;
    expect(v.purchase).toBe(dgxA100);
    expect(v.purchaseDate).toBe('2020-08-12');
    // 2020-08-12 to 2022-05-12: 638 days.
    expect(daysBetween(v.purchaseDate, '2022-05-12')).toBe(638);
    expect(v.valueFactor).toBeCloseTo(10 ** ((-0.14 * 638) / 365.25), 12);
    expect(24_875 * v.valueFactor).toBeCloseTo(14_165.05, 1);
  });
  it('a run before the purchase date: the price as is', () => {
    expect(hardwareValue([dgxA100], null, '2020-01')!.valueFactor).toBe(1);
  });
  it('one year: 10^-0.14', () => {
    expect(depreciationFactor('2024-01-01', '2024-12-31T'.slice(0, 10))).toBeCloseTo(10 ** (-0.14 * (365 / 365.25)), 12);
  });
  it('no price: null', () => {
    expect(hardwareValue([], null, '2024-01')).toBeNull();
  });
});

describe("Epoch AI's cloud convention", () => {
  const p = (id: string, kind: string, usdPerHour: number, date: string) => ({ id, kind, usdPerHour, date, source: 's' });
  const prices = [
    p('gcp-a3-ondemand-2025-03', 'on-demand', 11.06, '2025-03-17'),
    p('gcp-a3-3y-2025-03', 'committed-3y', 4.86, '2025-03-17'),
    p('aws-p5-2025-03', 'on-demand', 12.29, '2025-03-17'),
    p('lambda-2024-01', 'marketplace', 3.49, '2024-01-29'),
  ];
  it('vendor from the developer', () => {
    expect(epochCloudOf('Google DeepMind')).toBe('gcp');
    expect(epochCloudOf('OpenAI')).toBe('azure');
    expect(epochCloudOf('Meta AI')).toBe('aws');
    expect(epochCloudOf(null)).toBe('aws');
  });
  it('PUE by operator: hyperscalers 1.1, others 1.25', () => {
    expect(operatorPue('Meta AI')).toBe(1.1);
    expect(operatorPue('OpenAI')).toBe(1.25);
  });
  it('the vendor 3-year rate nearest the acquisition date (training start - 60 days)', () => {
    const e = pickEpochPrice(prices, 'gcp', '2024-02-25')!;
    expect(e.price.id).toBe('gcp-a3-3y-2025-03');
    expect(e.usdPerHour).toBe(4.86);
    expect(e.acquisitionDate).toBe('2023-12-27');
  });
  it("no 3-year rate at any vendor: an on-demand rate x (1 - 3-year discount), the vendor's", () => {
    const e = pickEpochPrice(
      prices.filter((q) => q.kind !== 'committed-3y'),
      'aws',
      '2024-02-25',
    )!;
    expect(e.price.id).toBe('aws-p5-2025-03');
    expect(e.usdPerHour).toBeCloseTo(12.29 * 0.36, 12);
  });
  it("the developer's vendor has no rate: another vendor's 3-year rate first", () => {
    expect(pickEpochPrice(prices, 'azure', '2024-02-25')!.cloud).toBe('gcp');
  });
  it('no hyperscaler rate at all: null', () => {
    expect(pickEpochPrice([prices[3]!], 'aws', '2024-02-25')).toBeNull();
  });
  it('pickByKind ignores other kinds', () => {
    expect(pickByKind(prices, 'marketplace', '2026-01')!.price.usdPerHour).toBe(3.49);
    expect(pickByKind(prices, 'spot', '2026-01')).toBeNull();
  });
});

describe('dollar years', () => {
  const index: PriceIndex = {
    series: 'TEST',
    source: 'test',
    months: [
      { month: '2022-05', value: 110 },
      { month: '2022-06', value: 112 },
      { month: '2024-01', value: 120 },
      { month: '2024-02', value: 124 },
    ],
  };
  it("a year's index is the mean of its months", () => {
    expect(yearIndex(index, 2024)).toBe(122);
    expect(yearIndex(index, 2023)).toBeNull();
  });
  it('factor = target year / the month of the date; a year-only date uses its mean', () => {
    expect(dollarFactor(index, '2022-05-12', 2024)).toBe(122 / 110);
    expect(dollarFactor(index, '2022', 2024)).toBe(122 / 111);
  });
  it('a year outside the index is an error', () => {
    expect(() => dollarFactor(index, '2022-05', 2030)).toThrow(/2030/);
  });
});
