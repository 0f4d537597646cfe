// Command-line manners (issues 10 and 11): stdin on a terminal, bare `train-cost`, options before a
// subcommand, write errors, TERM=dumb, the width, and main(argv, io) being safe to run concurrently.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.js';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ANSI, cli, expectInputError } from '../helpers/cli.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];
const RUN_YAML = 'name: typed\ngpu: h800\nchips: 512\nphases:\n  - name: training\n    hours: 80\n';
const HINT = 'reading a run file from stdin: paste YAML, end with Ctrl-D\n';

describe('train-cost - (a run file on stdin)', () => {
  it('on a terminal: a hint on stderr, then what was typed is read', async () => {
    const r = await cli(['-', '--format', 'json'], { input: RUN_YAML, tty: { stdin: true } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(HINT);
    expect(JSON.parse(r.stdout).runs[0]).toMatchObject({ name: 'typed', gpuHours: 40960 });
  });

  it('from a pipe: no hint', async () => {
    const r = await cli(['-', '--format', 'json'], { input: RUN_YAML });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('nothing typed (Ctrl-D at once) on a terminal: the hint, then one line saying the file is empty, exit 2', async () => {
    const r = await cli(['-'], { input: '', tty: { stdin: true } });
    expect(r.code).toBe(2);
    const [hint, error, ...rest] = r.stderr.split('\n');
    expect(`${hint}\n`).toBe(HINT);
    expect(error).toMatch(/^train-cost: <stdin>/);
    expect(rest).toEqual(['']);
  });
});

describe('bare train-cost', () => {
  it('prints a short usage with three examples on stderr and exits 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^usage: train-cost /);
    const examples = r.stderr.split('\n').filter((l) => /^ {2}train-cost /.test(l));
    expect(examples).toEqual([
      '  train-cost --chips 512 --gpu h800 --hours 80',
      '  train-cost --params 70B --tokens 15T --gpu h100',
      '  train-cost deepseek-r1',
    ]);
    expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(12);
  });

  it('options that choose no run (--no-color, --format json) still get the usage', async () => {
    for (const args of [['--no-color'], ['--format', 'json']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^usage: train-cost /);
    }
  });

  it('one estimate flag is no longer bare: the error names what is missing', async () => {
    const line = await expectInputError(['--gpu', 'h800']);
    expect(line).toContain('no duration');
  });

  it('the usage examples work as printed', async () => {
    for (const example of [SEED, ['--params', '70B', '--tokens', '15T', '--gpu', 'h100'], ['deepseek-r1']]) {
      const r = await cli(example);
      expect(r.code, `${example.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });
});

describe('options before a subcommand', () => {
  it('train-cost --format json gpus is gpus --format json', async () => {
    const before = await cli(['--format', 'json', 'gpus']);
    const after = await cli(['gpus', '--format', 'json']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(JSON.parse(before.stdout).gpus.length).toBeGreaterThan(10);
  });

  it('--json and -f work there too, for runs, budget and backtest', async () => {
    expect(JSON.parse((await cli(['--json', 'runs'])).stdout).runs.length).toBeGreaterThan(5);
    expect((await cli(['-f', 'csv', 'budget', '1e6', '--gpu', 'h100'])).stdout).toMatch(/^run,/);
    expect((await cli(['-f', 'markdown', 'backtest'])).stdout).toMatch(/^\|/m);
  });

  it('the same option after the subcommand wins', async () => {
    const r = await cli(['--format', 'json', 'gpus', '--format', 'csv']);
    expect(r.stdout).toMatch(/^id,/);
  });

  it('--presets before the subcommand adds that folder', async () => {
    const r = await cli(['--presets', 'tests/fixtures/user-presets', 'gpus', '--format', 'json']);
    const plain = await cli(['gpus', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const h800 = (out: string) => JSON.parse(out).gpus.find((g: { id: string }) => g.id === 'h800');
    expect(h800(r.stdout)).not.toEqual(h800(plain.stdout));
  });

  it('--no-color before the subcommand turns colour off even when forced', async () => {
    const r = await cli(['--no-color', 'gpus'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).not.toMatch(ANSI);
    expect((await cli(['gpus'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  it('an option the subcommand does not take is refused in one line, not ignored', async () => {
    expect(await expectInputError(['--gpu', 'h100', 'gpus'])).toBe(
      'train-cost: --gpu before "gpus" does not apply to it; see train-cost gpus --help',
    );
    expect(await expectInputError(['--format', 'csv', 'schema', 'output'])).toBe(
      'train-cost: --format before "schema" does not apply to it; see train-cost schema --help',
    );
  });

  it('a bad --format before the subcommand names --format', async () => {
    expect(await expectInputError(['--format', 'xml', 'gpus'])).toContain('--format "xml"');
  });
});

/** An io whose stdout fails every write with `code`, as a full disk or a closed pipe does. */
function failingIo(code: string): { io: CliIO; stderr: () => string } {
  let stderr = '';
  const error = Object.assign(new Error(`${code}: ${code === 'ENOSPC' ? 'no space left on device' : 'broken pipe'}, write`), { code });
  return {
    io: {
      stdout: { write: () => Promise.reject(error) },
      stderr: { write: (s) => void (stderr += s) },
      stdin: { read: async () => '' },
      env: {},
    },
    stderr: () => stderr,
  };
}

describe('write errors on stdout', () => {
  it('ENOSPC (> /dev/full): one line "cannot write output", exit 74, no stack', async () => {
    const { io, stderr } = failingIo('ENOSPC');
    expect(await main(SEED, io)).toBe(74);
    expect(stderr()).toBe('train-cost: cannot write output: no space left on device (ENOSPC)\n');
  });

  it('EPIPE (a closed pipe): quiet, exit 0', async () => {
    const { io, stderr } = failingIo('EPIPE');
    expect(await main(SEED, io)).toBe(0);
    expect(stderr()).toBe('');
  });

  it('EPIPE keeps the code the command decided (over --max-cost: 1)', async () => {
    const { io, stderr } = failingIo('EPIPE');
    expect(await main([...SEED, '--max-cost', '1000'], io)).toBe(1);
    expect(stderr()).toMatch(/^train-cost: 1 of 1 run over --max-cost/);
  });

  it('--help on a full disk is a write error too', async () => {
    const { io, stderr } = failingIo('ENOSPC');
    expect(await main(['--help'], io)).toBe(74);
    expect(stderr()).toMatch(/^train-cost: cannot write output: /);
  });
});

describe('colour', () => {
  it('TERM=dumb means no colour, on a terminal and even when forced', async () => {
    expect((await cli(SEED, { tty: { stdout: true } })).stdout).toMatch(ANSI);
    expect((await cli(SEED, { tty: { stdout: true }, env: { TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
    expect((await cli(SEED, { env: { FORCE_COLOR: '1', TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
    expect((await cli(['gpus'], { tty: { stdout: true }, env: { TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
  });

  it('a terminal with NO_COLOR or --no-color has none; other TERM values keep it', async () => {
    expect((await cli(SEED, { tty: { stdout: true }, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await cli([...SEED, '--no-color'], { tty: { stdout: true } })).stdout).not.toMatch(ANSI);
    expect((await cli(SEED, { tty: { stdout: true }, env: { TERM: 'xterm-256color' } })).stdout).toMatch(ANSI);
  });
});

describe('the width given to renderers', () => {
  const io = (stdout: CliIO['stdout'], env: CliIO['env'] = {}): CliIO => ({
    stdout,
    stderr: { write: () => {} },
    stdin: { read: async () => '' },
    env,
  });

  it("is the terminal's width, else COLUMNS, else unknown", () => {
    expect(createContext(io({ write: () => {}, isTTY: true, columns: 100 }, { COLUMNS: '80' })).width).toBe(100);
    expect(createContext(io({ write: () => {} }, { COLUMNS: '120' })).width).toBe(120);
    expect(createContext(io({ write: () => {} }, { COLUMNS: 'wide' })).width).toBeUndefined();
    expect(createContext(io({ write: () => {} })).width).toBeUndefined();
  });

  it('reaches the renderers beside the colour choice', () => {
    const ctx = createContext(io({ write: () => {} }, { COLUMNS: '80' }));
    expect(ctx.renderOptions({ color: true, presets: [] })).toEqual({ unicode: false, color: false, width: 80 });
  });
});

describe('main(argv, io) keeps no state between calls', () => {
  it('calls run concurrently give the same output as one at a time', async () => {
    const calls = [
      SEED,
      ['gpus', '--format', 'csv'],
      ['deepseek-r1', '--format', 'json'],
      ['--gpu', 'h80'],
      ['runs'],
      [...SEED, '--format', 'markdown'],
    ];
    const envs = [{}, {}, {}, {}, { FORCE_COLOR: '1' }, {}];
    const sequential = [];
    for (const [i, args] of calls.entries()) sequential.push(await cli(args, { env: envs[i]! }));
    const concurrent = await Promise.all(calls.map((args, i) => cli(args, { env: envs[i]! })));
    expect(concurrent).toEqual(sequential);
    expect(sequential[3]!.code).toBe(2);
    expect(sequential[4]!.stdout).toMatch(ANSI);
    expect(sequential[0]!.stdout).not.toMatch(ANSI);
  });
});

describe('train-cost help COMMAND', () => {
  it("prints that command's help, as `train-cost COMMAND --help` does, exit 0", async () => {
    const viaHelp = await cli(['help', 'diff']);
    const viaFlag = await cli(['diff', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: train-cost diff /);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });
});
