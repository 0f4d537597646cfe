import { expect } from 'vitest';

/** `actual` within a relative tolerance of `expected` (1e-9 unless given), with both in the message. */
export function expectRel(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected));
}
