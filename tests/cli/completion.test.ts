// train-cost completion bash|zsh|fish: every subcommand and option of the command tree, the values
// of --format, --gpu, --precision, --price-source; bash syntax checked with bash -n.
import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { cli, expectInputError } from '../helpers/cli.js';

const program = buildProgram(
  createContext({ stdout: { write: () => {} }, stderr: { write: () => {} }, stdin: { read: async () => '' }, env: {} }),
);
const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
const longs = (c: Command) => c.options.map((o) => o.long).filter((l) => l !== undefined);

describe.each(['bash', 'zsh', 'fish'])('train-cost completion %s', (shell) => {
  it('mentions every subcommand and every option, and the values of the options that have them', async () => {
    const r = await cli(['completion', shell]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const script = r.stdout;
    const names = all(program)
      .slice(1)
      .map((c) => c.name());
    expect(names).toEqual(expect.arrayContaining(['gpus', 'diff', 'completion', 'import']));
    const word = (w: string) => new RegExp(`(^|[\\s'|(])${w.replace(/[-]/g, '\\-')}([\\s'|):\\\\]|$)`, 'm');
    for (const name of names) expect(script, name).toMatch(word(name));
    for (const c of all(program))
      for (const long of longs(c))
        expect(script, `${c.name()} ${long}`).toMatch(shell === 'fish' ? word(`-l ${long.slice(2)}`) : word(long));
    for (const value of ['markdown', 'ndjson', 'h800', 'b200', 'fp8', 'marketplace', 'committed-3y', 'epoch'])
      expect(script).toMatch(word(value));
  });
});

describe('bash', () => {
  it('passes bash -n, and completes subcommands, options and values', async () => {
    const script = (await cli(['completion', 'bash'])).stdout;
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    const complete = (...words: string[]) => {
      const probe = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _train_cost; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const r = spawnSync('bash', ['--norc', '-c', probe], { encoding: 'utf8', cwd: '/' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim().split('\n');
    };
    expect(complete('train-cost', 'di')).toContain('diff');
    expect(complete('train-cost', '--gpu', 'h8')).toEqual(['h800']);
    expect(complete('train-cost', 'diff', '--max-')).toEqual(['--max-increase', '--max-cost', '--max-price-age']);
    expect(complete('train-cost', '--format', '')).toEqual(['table', 'json', 'csv', 'markdown', 'ndjson']);
    expect(complete('train-cost', 'prices', 'im')).toEqual(['import']);
  });
});

it('an unknown shell: exit 2, one line', async () => {
  expect(await expectInputError(['completion', 'tcsh'])).toBe('train-cost: unknown shell "tcsh"; use one of: bash, zsh, fish');
});
