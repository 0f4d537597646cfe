// The few things only a real process shows: the bin shim, exit codes as the shell sees them, a
// closed pipe, stdin from a pipe and from a terminal, a full disk. Everything else runs in-process
// (tests/helpers/cli.ts). These spawn the BUILT binary: `npm test` builds first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../helpers/cli.js';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that change the output and must not leak in from the developer's shell or vitest.config.ts. */
const SCRUBBED = ['NO_COLOR', 'FORCE_COLOR', 'TRAIN_COST_PRESETS', 'NODE_OPTIONS', 'TERM', 'COLUMNS'];

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SCRUBBED) delete e[k];
  return e;
}

/** Run a program (asynchronously, so that the tests below overlap), `input` on its stdin. */
function run(file: string, args: string[], input = ''): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: REPO_ROOT, env: env(), timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Run a bash script in the repository root; `train-cost` in it is the built binary. */
function sh(script: string, input = ''): Promise<Result> {
  return run('bash', ['-c', script.replace(/\btrain-cost\b/g, `"${process.execPath}" "${BIN}"`)], input);
}

const SEED = 'train-cost --chips 512 --gpu h800 --hours 80';
const RUN_YAML = 'name: piped\ngpu: h800\nchips: 512\nphases:\n  - name: training\n    hours: 80\n';

// `script` (util-linux) gives the child a terminal for stdin and passes our input through it.
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli.cjs')))
    throw new Error('dist/cli.cjs is missing: run `npm run build` first (npm test does)');
});

// Each test spawns node; they run side by side.
describe.concurrent('the built binary', () => {
  describe('the bin shim', () => {
    it('is an executable node script that loads the built CLI and prints the package version', async () => {
      expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
      expect(statSync(BIN).mode & 0o111).not.toBe(0);
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
      expect(await run(BIN, ['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    });
  });

  describe('exit codes as the shell sees them', () => {
    it('0 and the seed figures', async () => {
      const r = await sh(`${SEED} --format csv`);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(',40960,2,81920,');
      expect(r.stderr).toBe('');
    });

    it('2 for bad input, one line and nothing on stdout', async () => {
      const r = await sh('train-cost --chips 512 --gpu h80 --hours 80');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^train-cost: unknown gpu "h80"; did you mean "h800"\?[^\n]*\n$/);
    });

    it('1 when a check fails (--max-cost), the result still printed', async () => {
      const r = await sh(`${SEED} --max-cost 1000 --format csv`);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('81920');
      expect(r.stderr).toMatch(/^train-cost: 1 of 1 run over --max-cost \$1,000: .*\n$/);
    });
  });

  describe('pipes', () => {
    it('a 1,500-row CSV (~190 KB, past a 64 KB pipe buffer) piped into head -n 1 prints the header and ends quietly (exit 0)', async () => {
      const r = await sh('train-cost --gpu h100 --chips 1..1500:1 --hours 1 --format csv | head -n 1; exit ${PIPESTATUS[0]}');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toMatch(/^run,phase,gpu,chips,/);
    });

    it('reads a run file piped to stdin (-)', async () => {
      const r = await sh('train-cost - --format json', RUN_YAML);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const piped = JSON.parse(r.stdout).runs[0];
      expect(piped.name).toBe('piped');
      expect(piped.gpuHours).toBe(40960);
    });

    it.runIf(existsSync('/dev/full'))('a full disk (> /dev/full): one line, exit 74, no stack trace', async () => {
      const r = await sh(`${SEED} > /dev/full`);
      expect(r.code).toBe(74);
      expect(r.stderr).toBe('train-cost: cannot write output: no space left on device (ENOSPC)\n');
    });
  });

  describe('stdin on a terminal', () => {
    it.runIf(hasScript)('`train-cost -` prints a hint, then reads what is typed up to Ctrl-D (no EAGAIN)', async () => {
      const r = await sh("script -qec 'train-cost - --format csv' /dev/null", RUN_YAML);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toContain('reading a run file from stdin: paste YAML, end with Ctrl-D');
      expect(r.stdout).toContain('piped,,h800,512,80,40960,2,81920,');
      expect(r.stdout).not.toMatch(/EAGAIN|internal error/);
    });
  });
});
