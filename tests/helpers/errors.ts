import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';

/** The message of the InputError `f` throws; fails the test when it throws nothing or something else. */
export function inputError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError, nothing was thrown');
}
