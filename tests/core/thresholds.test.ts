import { describe, expect, it } from 'vitest';
import { checkThresholds, cumulativeFlop } from '../../src/core/thresholds.js';

const EU = { id: 'eu', name: 'EU', flop: 1e25, status: 's', source: 'src' };

describe('compute thresholds', () => {
  it('crossed only when the lowest cumulative FLOP is above, not crossed when the highest is at or below, unknown between', () => {
    expect(checkThresholds([2e25, 2e25], [EU])[0]!.crossed).toBe(true);
    expect(checkThresholds([3.3e24, 3.7e24], [EU])[0]!.crossed).toBe(false);
    expect(checkThresholds([1e25, 1e25], [EU])[0]!.crossed).toBe(false); // "greater than"
    expect(checkThresholds([5e24, 2e25], [EU])[0]!.crossed).toBeNull();
  });

  it("a fine-tune's cumulative FLOP includes its base's", () => {
    expect(cumulativeFlop([1e23, 2e23], [3.3e24, 3.7e24])).toEqual([3.4e24, 3.9e24]);
    expect(cumulativeFlop([1e23, 2e23], null)).toEqual([1e23, 2e23]);
  });
});
