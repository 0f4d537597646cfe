// Options are declared once (src/cli/options.ts): commander's flags, help and the value's schema
// together. What that promises: the value lands under the declared key, messages name the flag
// as declared, and an option's schema is built only when it is given.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addOptions, always, num, option, parseOptions } from '../../src/cli/options.js';
import { inputError } from '../helpers/errors.js';

describe('addOptions', () => {
  it("refuses a key that is not where commander puts the flag's value", () => {
    expect(() => addOptions(new Command('x'), { gpus: option('-g, --gpu <ids>', 'gpus', () => z.string()) })).toThrow(
      'option -g, --gpu <ids> is declared as "gpus", not "gpu"',
    );
  });

  it('adds the options in the order declared, with their help', () => {
    const cmd = addOptions(new Command('x'), {
      maxCost: option('--max-cost <usd>', 'the limit', (flag) => num({ flag })),
      gpu: always('-g, --gpu <ids>', 'the gpus', () => z.string(), { mandatory: true }),
    });
    expect(cmd.options.map((o) => [o.flags, o.description, o.mandatory])).toEqual([
      ['--max-cost <usd>', 'the limit', false],
      ['-g, --gpu <ids>', 'the gpus', true],
    ]);
  });
});

describe('parseOptions', () => {
  const shape = {
    maxCost: option('--max-cost <usd>', 'the limit', (flag) => num({ flag })),
    chips: option('-c, --chips <n>', 'chips', (flag) => num({ flag, integer: true })),
  };

  it("gives each schema the option's long flag, for its messages", () => {
    expect(inputError(() => parseOptions(shape, { chips: '1.5' }))).toMatch(/^--chips /);
    expect(inputError(() => parseOptions(shape, { maxCost: 'lots' }))).toMatch(/^invalid --max-cost "lots"/);
  });

  it('builds the schema of an optional option only when it is given', () => {
    let built = 0;
    const counted = { n: option('--n <n>', 'n', (flag) => (built++, num({ flag }))) };
    expect(parseOptions(counted, {})).toEqual({});
    expect(built).toBe(0);
    expect(parseOptions(counted, { n: '2K' })).toEqual({ n: 2000 });
    expect(built).toBe(1);
  });
});
