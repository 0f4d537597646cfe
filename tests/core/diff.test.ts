import { describe, expect, it } from 'vitest';
import { compareFigures, diffChecks, diffRuns, metric, pairByName } from '../../src/core/diff.js';

const run = (name: string, rental: number, phases: string[] = []) => ({
  name,
  gpuHours: rental / 2,
  costs: [{ basis: 'rental', usd: rental }],
  phases: phases.map((p) => ({ name: p, gpuHours: rental / 2 / phases.length, costs: [{ basis: 'rental', usd: rental / phases.length }] })),
});

describe('pairByName', () => {
  const names = (pairs: [{ name: string } | null, { name: string } | null][]) => pairs.map(([a, b]) => [a?.name ?? null, b?.name ?? null]);
  it('matches names first, then pairs the rest in order, then added and removed', () => {
    const n = (s: string) => ({ name: s });
    expect(names(pairByName([n('a'), n('b'), n('c')], [n('c'), n('x'), n('a')]))).toEqual([
      ['a', 'a'],
      ['b', 'x'],
      ['c', 'c'],
    ]);
    expect(names(pairByName([n('a'), n('b')], [n('a')]))).toEqual([
      ['a', 'a'],
      ['b', null],
    ]);
    expect(names(pairByName([n('a')], [n('b'), n('a'), n('c')]))).toEqual([
      ['a', 'a'],
      [null, 'b'],
      [null, 'c'],
    ]);
    // A repeated name is used once a side.
    expect(names(pairByName([n('a'), n('a')], [n('a')]))).toEqual([
      ['a', 'a'],
      ['a', null],
    ]);
  });
});

describe('metrics and checks', () => {
  it('change and relative; from 0 the relative change is null; a missing side gives nulls', () => {
    expect(metric('rental', 'usd', 100, 125)).toEqual({ id: 'rental', unit: 'usd', before: 100, after: 125, change: 25, relative: 0.25 });
    expect(metric('rental', 'usd', 0, 5).relative).toBeNull();
    expect(metric('rental', 'usd', 0, 0).relative).toBe(0);
    expect(metric('rental', 'usd', null, 5)).toMatchObject({ change: null, relative: null });
  });

  it('totals by basis, in the order rental, owned, then others as found', () => {
    const d = compareFigures(
      {
        name: 'x',
        gpuHours: 1,
        costs: [
          { basis: 'owned', usd: 3 },
          { basis: 'rental', usd: 1 },
          { basis: 'rental', usd: 2 },
        ],
      },
      {
        name: 'x',
        gpuHours: 1,
        costs: [
          { basis: 'future', usd: 1 },
          { basis: 'rental', usd: 3 },
        ],
      },
    );
    expect(d.metrics.map((m) => [m.id, m.before, m.after])).toEqual([
      ['gpuHours', 1, 1],
      ['rental', 3, 3],
      ['owned', 3, null],
      ['future', null, 1],
    ]);
    expect(d.status).toBe('changed');
  });

  it('phases compared when a side has several; a phase change makes the run changed', () => {
    const [d] = diffRuns([run('r', 100, ['p', 'q'])], [run('r', 100, ['p'])]);
    expect(d!.status).toBe('changed');
    expect(d!.phases.map((p) => p.status)).toEqual(['changed', 'removed']);
    expect(diffRuns([run('r', 100)], [run('r', 100)])[0]).toMatchObject({ status: 'unchanged', phases: [] });
  });

  it('max-increase on each run on both sides (gone and new are paired in order: a rename), max-cost on each run of the head', () => {
    const runs = diffRuns([run('a', 100), run('b', 0), run('gone', 5)], [run('a', 111), run('b', 10), run('new', 50)]);
    expect(diffChecks(runs, { maxIncrease: 0.1, maxCost: 40 })).toEqual([
      { gate: 'max-increase', limit: 0.1, value: expect.closeTo(0.11, 9), run: 'a', passed: false },
      { gate: 'max-cost', limit: 40, value: 111, run: 'a', passed: false },
      { gate: 'max-increase', limit: 0.1, value: null, run: 'b', passed: false },
      { gate: 'max-cost', limit: 40, value: 10, run: 'b', passed: true },
      { gate: 'max-increase', limit: 0.1, value: 9, run: 'new', passed: false },
      { gate: 'max-cost', limit: 40, value: 50, run: 'new', passed: false },
    ]);
    // An added run has no change to measure: only --max-cost holds it.
    expect(diffChecks(diffRuns([], [run('new', 50)]), { maxIncrease: 0.1, maxCost: 40 })).toEqual([
      { gate: 'max-cost', limit: 40, value: 50, run: 'new', passed: false },
    ]);
    expect(diffChecks(runs, {})).toEqual([]);
  });
});
